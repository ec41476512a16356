package app.flowstate.heat.tests

import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.CalendarRead
import app.flowstate.heat.CalendarSource
import app.flowstate.heat.HeatStore
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncPlan
import app.flowstate.heat.SyncStop
import app.flowstate.heat.TimeRange
import org.junit.jupiter.api.Test
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue

/**
 * `CalendarSource` implemented in Kotlin, misbehaving: the job must end the
 * run with the documented stop, leave the store as it was, and never crash.
 */
class ForeignSourceTest {
    /** One window: the week from [MONDAY] in UTC. */
    private val plan = SyncPlan("me", "UTC", "2026-11-30", pastDays = 0, futureDays = 7)
    private val path = tempDir().resolve("heat.db").toString()
    private val job = SyncJob(path)
    private val stored = manyEvents(20)

    private class Source(private val answer: (TimeRange) -> List<SourceEvent>) : CalendarSource {
        override fun access() = CalendarAccess.FULL_ACCESS
        override fun read(range: TimeRange) = CalendarRead(1u, answer(range))
    }

    private fun storedIds() = HeatStore.openReadOnly(path).use { it.events("me", utcWindow()).map { e -> e.id }.sorted() }

    private fun firstSync(): List<String> {
        assertEquals(SyncStop.Completed, job.run(plan, Source { stored }).stop)
        return storedIds().also { assertEquals(20, it.size) }
    }

    @Test
    fun `a source throwing its own exception ends the run as sourceFailed with a fixed text, store unchanged`() {
        val before = firstSync()
        val summary = job.run(plan, Source { throw ProviderCrashed() })
        val stop = assertIs<SyncStop.SourceFailed>(summary.stop)
        assertFalse("Dentist" in stop.reason, "the exception's message (user data) is not passed on")
        assertEquals(
            "the calendar source threw an unexpected error (its message is not kept: it may quote user data)",
            stop.reason,
        )
        assertEquals(before, storedIds())
        assertEquals(SyncStop.Completed, job.run(plan, Source { stored }).stop, "the job is usable afterwards")
    }

    @Test
    fun `a source calling cancel from inside read ends the run as cancelled, store unchanged`() {
        val before = firstSync()
        val summary = job.run(plan, Source { job.cancel(); manyEvents(5, prefix = "other") })
        assertEquals(SyncStop.Cancelled, summary.stop)
        assertEquals(emptyList(), summary.windows)
        assertEquals(before, storedIds())
    }

    @Test
    fun `a source blocked until cancelled from another thread ends the run promptly, store unchanged`() {
        val before = firstSync()
        val reading = CountDownLatch(1)
        val cancelled = CountDownLatch(1)
        val blocking = Source {
            reading.countDown()
            assertTrue(cancelled.await(30, TimeUnit.SECONDS), "cancel() was called")
            manyEvents(1_000, prefix = "late")
        }
        val pool = Executors.newSingleThreadExecutor()
        try {
            val run = pool.submit<app.flowstate.heat.SyncSummary> { job.run(plan, blocking) }
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the run reached its read")
            val cancelAt = System.nanoTime()
            job.cancel()
            cancelled.countDown()
            val summary = run.get(30, TimeUnit.SECONDS)
            val millis = (System.nanoTime() - cancelAt) / 1_000_000
            assertEquals(SyncStop.Cancelled, summary.stop)
            assertTrue(millis < 1_000, "run returned ${millis}ms after cancel(), with 1,000 events read")
            assertEquals(before, storedIds())
        } finally {
            pool.shutdownNow()
        }
    }
}
