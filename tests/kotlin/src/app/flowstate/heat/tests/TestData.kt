package app.flowstate.heat.tests

import app.flowstate.heat.Availability
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.HeatStore
import app.flowstate.heat.Participation
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.TimeWindow
import java.nio.file.Files
import java.nio.file.Path

const val MINUTE = 60_000L
const val HOUR = 60 * MINUTE
const val DAY = 24 * HOUR

/** 2026-11-30T00:00:00Z. */
const val MONDAY = 1_795_996_800_000L

/** A fresh directory under the system temp dir, deleted when the JVM exits. */
fun tempDir(): Path = Files.createTempDirectory("heat-kotlin-").also { it.toFile().deleteOnExit() }

fun openTempStore(): HeatStore = HeatStore.open(tempDir().resolve("heat.db").toString())

fun utcWindow(startMs: Long = MONDAY, days: Int = 7) = TimeWindow(startMs, startMs + days * DAY, "UTC")

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
