package app.flowstate.heat.tests

import app.flowstate.heat.Availability
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.HeatStore
import app.flowstate.heat.Participation
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.SyncPlan
import app.flowstate.heat.TimeWindow
import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.defaultSyncPlan
import java.io.RandomAccessFile
import java.nio.file.Files
import java.nio.file.Path

const val MINUTE = 60_000L
const val HOUR = 60 * MINUTE
const val DAY = 24 * HOUR

/** 2026-11-30T00:00:00Z. */
const val MONDAY = 1_795_996_800_000L

/** A fresh directory under the system temp dir, deleted when the JVM exits. */
fun tempDir(): Path = Files.createTempDirectory("heat-kotlin-").also { it.toFile().deleteOnExit() }

/** The IANA database compiled into the host library: the zone rules of most binding tests. */
val bundledZones: ZoneDatabase by lazy { ZoneDatabase.bundled() }

fun openTempStore(zones: ZoneDatabase = bundledZones): HeatStore = HeatStore.open(tempDir().resolve("heat.db").toString(), zones)

fun utcWindow(startMs: Long = MONDAY, days: Int = 7) = TimeWindow(startMs, startMs + days * DAY, "UTC")

/** The contract's plan cut to one window: the week from [MONDAY] in UTC, scope "me". */
fun oneWeekPlan(): SyncPlan = defaultSyncPlan("me", "UTC", "2026-11-30").copy(pastDays = 0, futureDays = 7)

/** The ids of scope "me" in the file at [path], in the week from [MONDAY], sorted. */
fun storedIds(path: String): List<String> =
    HeatStore.openReadOnly(path, bundledZones).use { store -> store.events("me", utcWindow()).map { it.id }.sorted() }

/**
 * A SQLite file of another application: a real database file (a store the
 * engine wrote and closed, its WAL folded back into it) whose header then
 * says it belongs to [applicationId] at schema version [userVersion], the
 * two big-endian header fields `PRAGMA application_id` (offset 68) and
 * `PRAGMA user_version` (offset 60) write. An application that never sets
 * them leaves both 0 over tables of its own.
 */
fun foreignSqliteFile(applicationId: Int, userVersion: Int): Path {
    val path = tempDir().resolve("other-app.sqlite")
    HeatStore.open(path.toString(), bundledZones).close()
    check(!Files.exists(path.resolveSibling("other-app.sqlite-wal"))) { "closing folds the WAL into the file" }
    RandomAccessFile(path.toFile(), "rw").use { file ->
        file.seek(60)
        file.writeInt(userVersion)
        file.seek(68)
        file.writeInt(applicationId)
    }
    return path
}

fun timed(
    id: String,
    startMs: Long,
    endMs: Long,
    title: String = "Private title $id",
    availability: Availability = Availability.BUSY,
    status: EventStatus = EventStatus.CONFIRMED,
    participation: Participation = Participation.NONE,
) = SourceEvent(
    id = id,
    calendarId = "work",
    title = title,
    location = null,
    time = EventTime.Timed(startMs, endMs),
    availability = availability,
    status = status,
    participation = participation,
)

/** `count` half-hour meetings spread over the week from [MONDAY], every field varied. */
fun manyEvents(count: Int, prefix: String = "e"): List<SourceEvent> = List(count) { i ->
    val start = MONDAY + (i.toLong() * 7 * DAY / count) / MINUTE * MINUTE
    SourceEvent(
        id = "$prefix$i",
        calendarId = "cal${i % 3}",
        title = "Meeting #$i · Café ☕",
        location = if (i % 2 == 0) "Room ${i % 17}" else null,
        time = if (i % 50 == 0) EventTime.AllDay("2026-12-0${1 + i % 5}", "2026-12-0${2 + i % 5}")
        else EventTime.Timed(start, start + 30 * MINUTE),
        availability = Availability.entries[i % Availability.entries.size],
        status = EventStatus.entries[i % EventStatus.entries.size],
        participation = Participation.entries[i % Participation.entries.size],
    )
}
