package app.flowstate.heat.tests

import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import app.flowstate.heat.SyncSummary
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
    private val plan = oneWeekPlan()
    private val path = tempDir().resolve("heat.db").toString()
    private val job = SyncJob(path, bundledZones)
    private val stored = manyEvents(20)

    private fun run(source: AnsweringSource, cancellation: SyncCancellation = SyncCancellation()) =
        job.run(plan, source, cancellation)

    private fun firstSync(): List<String> {
        assertEquals(SyncStop.Completed, run(AnsweringSource { stored }).stop)
        return storedIds(path).also { assertEquals(20, it.size) }
    }

    @Test
    fun `a source throwing its own exception ends the run as sourceFailed with a fixed text, store unchanged`() {
        val before = firstSync()
        val summary = run(AnsweringSource { throw ProviderCrashed() })
        val stop = assertIs<SyncStop.SourceFailed>(summary.stop)
        assertFalse("Dentist" in stop.reason, "the exception's message (user data) is not passed on")
        assertEquals(
            "the calendar source threw an unexpected error (its message is not kept: it may quote user data)",
            stop.reason,
        )
        assertEquals(before, storedIds(path))
        assertEquals(SyncStop.Completed, run(AnsweringSource { stored }).stop, "the job is usable afterwards")
    }

    @Test
    fun `a source calling cancel from inside read ends the run as cancelled, store unchanged`() {
        val before = firstSync()
        val cancellation = SyncCancellation()
        val summary = run(AnsweringSource { cancellation.cancel(); manyEvents(5, prefix = "other") }, cancellation)
        assertEquals(SyncStop.Cancelled, summary.stop)
        assertEquals(emptyList(), summary.windows)
        assertEquals(before, storedIds(path))
    }

    @Test
    fun `a source blocked until cancelled from another thread ends the run promptly, store unchanged`() {
        val before = firstSync()
        val reading = CountDownLatch(1)
        val cancelled = CountDownLatch(1)
        val blocking = AnsweringSource {
            reading.countDown()
            assertTrue(cancelled.await(30, TimeUnit.SECONDS), "cancel() was called")
            manyEvents(1_000, prefix = "late")
        }
        val cancellation = SyncCancellation()
        val pool = Executors.newSingleThreadExecutor()
        try {
            val running = pool.submit<SyncSummary> { run(blocking, cancellation) }
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the run reached its read")
            val cancelAt = System.nanoTime()
            cancellation.cancel()
            cancelled.countDown()
            val summary = running.get(30, TimeUnit.SECONDS)
            val millis = (System.nanoTime() - cancelAt) / 1_000_000
            assertEquals(SyncStop.Cancelled, summary.stop)
            assertTrue(millis < 1_000, "run returned ${millis}ms after cancel(), with 1,000 events read")
            assertEquals(before, storedIds(path))
        } finally {
            pool.shutdownNow()
        }
    }
}
