package app.flowstate.heat.sync

import app.flowstate.heat.TimeWindow
import app.flowstate.heat.windowOfDays
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.util.concurrent.CountDownLatch
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertSame
import kotlin.test.assertTrue
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TestTimeSource
import kotlin.time.TimeSource
import kotlin.time.measureTime

/** The runner against a fake calendar and a real store file (JVM bindings, host library). */
class HeatSyncRunnerTest {
    @TempDir
    lateinit var dir: Path

    private val zone = "Europe/Berlin"
    private val today = LocalDate.parse("2026-11-30")
    private val config = HeatSyncConfig(weeks = 4)
    private val monotonic: TimeSource = TimeSource.Monotonic

    /** Week 1 (two days), week 2 (an all-day event), week 3 empty, week 4. */
    private val calendar = listOf(
        Rows.timed(1, "2026-11-30T08:00:00Z", 60),
        Rows.timed(2, "2026-12-02T13:00:00Z", 90),
        Rows.allDay(3, "2026-12-10", "2026-12-11"),
        Rows.timed(4, "2026-12-21T09:00:00Z", 30),
    )
    private val calendarIds = calendar.map { InstanceMapping.occurrenceId(it) }.toSet()

    private val storeFile by lazy { HeatStoreFile(dir.resolve("heat.sqlite").toFile()) }

    private fun runner(source: CalendarSource, config: HeatSyncConfig = this.config, time: TimeSource = monotonic) =
        HeatSyncRunner(storeFile, source, config, time)

    private fun sync(source: CalendarSource, config: HeatSyncConfig = this.config, time: TimeSource = monotonic) =
        runBlocking { runner(source, config, time).sync(today, zone) }

    private fun allWeeks(): TimeWindow =
        windowOfDays(today.toString(), config.weeks * SyncWindows.DAYS_PER_WINDOW, zone)

    /** What a screen sees: the stored event ids of all synced weeks, through its own connection. */
    private fun storedIds(): Set<String> = storeFile.open().use { store ->
        store.events(config.scope, allWeeks()).map { it.id }.toSet()
    }

    @Test
    fun `the first run stores the calendar and a second run writes nothing`() {
        val source = FakeCalendarSource(calendar)
        val first = sync(source)
        assertEquals(HeatSyncStatus.COMPLETE, first.status)
        assertEquals(4, first.windowsReconciled)
        assertEquals(3, first.windowsChanged, "week 3 is empty in both")
        assertEquals(4, first.daysReplaced)
        assertEquals(calendarIds, storedIds())

        val bytesBefore = Files.readAllBytes(storeFile.file.toPath())
        val second = sync(source)
        assertEquals(HeatSyncSummary(HeatSyncStatus.COMPLETE, 4, 0, 0, emptyList()), second)
        val bytesAfter = Files.readAllBytes(storeFile.file.toPath())
        assertTrue(bytesBefore.contentEquals(bytesAfter), "a no-op run wrote to the file")
    }

    @Test
    fun `a moved event replaces only the day it left and the day it entered`() {
        val source = FakeCalendarSource(calendar)
        sync(source)
        val moved = calendar[1].copy(begin = calendar[1].begin + 86_400_000, end = calendar[1].end + 86_400_000)
        source.rows = calendar - calendar[1] + moved
        val summary = sync(source)
        assertEquals(1, summary.windowsChanged)
        assertEquals(2, summary.daysReplaced)
        for (instant in listOf(calendar[1].begin, moved.begin)) {
            assertTrue(summary.replacedRanges.any { instant >= it.startMs && instant < it.endMs }, "range of $instant")
        }
        val expected = calendarIds - InstanceMapping.occurrenceId(calendar[1]) + InstanceMapping.occurrenceId(moved)
        assertEquals(expected, storedIds())
    }

    @Test
    fun `without permission nothing is read and no stored event is deleted`() {
        sync(FakeCalendarSource(calendar))
        val revoked = FakeCalendarSource(emptyList()).apply { permitted = false }
        val summary = sync(revoked)
        assertEquals(HeatSyncSummary(HeatSyncStatus.PERMISSION_MISSING, 0, 0, 0, emptyList()), summary)
        assertTrue(revoked.windowsRead.isEmpty())
        assertEquals(calendarIds, storedIds())
    }

    @Test
    fun `a failed read leaves its window and later ones untouched and keeps the weeks already done`() {
        sync(FakeCalendarSource(calendar))
        val providerDied = IllegalStateException("calendar provider died")
        val source = FakeCalendarSource(listOf(calendar[0])).apply {
            failure = providerDied
            failFromRead = 1
        }
        val summary = sync(source)
        assertEquals(HeatSyncStatus.READ_FAILED, summary.status)
        assertSame(providerDied, summary.failure)
        assertEquals(1, summary.windowsReconciled)
        assertEquals(1, summary.windowsChanged, "week 1 lost event 2")
        assertEquals(calendarIds - InstanceMapping.occurrenceId(calendar[1]), storedIds())
    }

    @Test
    fun `a readable calendar that is empty does clear the store`() {
        sync(FakeCalendarSource(calendar))
        val summary = sync(FakeCalendarSource(emptyList()))
        assertEquals(HeatSyncStatus.COMPLETE, summary.status)
        assertEquals(3, summary.windowsChanged)
        assertEquals(emptySet(), storedIds())
    }

    @Test
    fun `windows run from this week on, back to back, each seven local days`() {
        val source = FakeCalendarSource(calendar)
        sync(source)
        val expected = (0 until config.weeks).map { windowOfDays(today.plusWeeks(it.toLong()).toString(), 7, zone) }
        assertEquals(expected, source.windowsRead)
        assertEquals(expected.first().startMs, Rows.utcMidnight("2026-11-30") - 3_600_000, "local midnight in Berlin")
        source.windowsRead.zipWithNext { earlier, later -> assertEquals(earlier.endMs, later.startMs) }
    }

    @Test
    fun `when the budget runs out later weeks wait for the next run, but this week is always synced`() {
        val clock = TestTimeSource()
        val slowReads = FakeCalendarSource(calendar).apply { onRead = { clock += 45.seconds } }
        val summary = sync(slowReads, config.copy(budget = 60.seconds), clock)
        assertEquals(HeatSyncStatus.OUT_OF_TIME, summary.status)
        assertEquals(2, summary.windowsReconciled)
        assertEquals(2, slowReads.windowsRead.size)

        val verySlowReads = FakeCalendarSource(calendar).apply { onRead = { clock += 600.seconds } }
        val again = sync(verySlowReads, config.copy(budget = 60.seconds), clock)
        assertEquals(HeatSyncStatus.OUT_OF_TIME, again.status)
        assertEquals(1, again.windowsReconciled)
    }

    @Test
    fun `all-day events land on their own local day in zones far from UTC`() {
        val firstAndLastDay = listOf(
            Rows.allDay(1, "2026-11-30", "2026-12-01"),
            Rows.allDay(2, "2026-12-06", "2026-12-07"),
        )
        for (zone in listOf("Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin")) {
            val scoped = HeatSyncConfig(scope = zone, weeks = 1)
            val summary = runBlocking { runner(FakeCalendarSource(firstAndLastDay), scoped).sync(today, zone) }
            assertEquals(HeatSyncStatus.COMPLETE, summary.status, zone)
            val days = storeFile.open().use { it.daySummaries(zone, windowOfDays(today.toString(), 7, zone)) }
            assertEquals(listOf(1, 0, 0, 0, 0, 0, 1), days.map { it.eventCount }, zone)
            assertEquals(1440.0, days.first().busyMinutes, zone)
        }
    }

    @Test
    fun `cancelling a run interrupts its reconcile and the store keeps its previous state`() {
        sync(FakeCalendarSource(calendar))
        val weekStart = windowOfDays(today.toString(), 7, zone).startMs
        val many = (0 until 60_000).map { i -> Rows.timedAt(1_000L + i, weekStart + i % 10_000 * 60_000L, 30) }
        val oneWeek = config.copy(weeks = 1)

        // How long the same run takes when left alone, on a file of its own.
        val elsewhere = HeatStoreFile(dir.resolve("calibration.sqlite").toFile())
        val uncancelled = measureTime {
            val summary = runBlocking { HeatSyncRunner(elsewhere, FakeCalendarSource(many), oneWeek).sync(today, zone) }
            assertEquals(1, summary.windowsChanged)
        }
        val mappingTime = measureTime { InstanceMapping().toSourceEvents(many) }
        assertTrue(uncancelled > mappingTime * 3, "the run ($uncancelled) must outlast the mapping ($mappingTime)")

        val readDone = CountDownLatch(1)
        val source = FakeCalendarSource(many).apply { onRead = { readDone.countDown() } }
        runBlocking {
            val run = async(Dispatchers.Default) { runner(source, oneWeek).sync(today, zone) }
            withContext(Dispatchers.IO) { readDone.await() }
            // Past the mapping, well before the reconcile would finish: inside the native call.
            delay((mappingTime + (uncancelled - mappingTime) / 3).inWholeMilliseconds)
            run.cancel()
            assertFailsWith<CancellationException> { run.await() }
        }
        val stored = storedIds()
        assertTrue(stored == calendarIds, "store changed: ${stored.size} events, not the ${calendarIds.size} of before")
    }
}
