package app.flowstate.heat.sync

import app.flowstate.heat.HeatStore
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import app.flowstate.heat.defaultSyncPlan
import app.flowstate.heat.windowOfDays
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

class CancellableRunTest {
    @TempDir
    lateinit var dir: Path

    private val plan = defaultSyncPlan("me", "Europe/Berlin", "2026-11-30").copy(pastDays = 0, futureDays = 14)
    private val week = windowOfDays("2026-11-30", 7, "Europe/Berlin")

    /** A run's cancellation that tells when its cancel() was called. */
    private class ObservedCancellation : SyncCancellation() {
        val cancelCalled = CountDownLatch(1)

        override fun cancel() {
            super.cancel()
            cancelCalled.countDown()
        }
    }

    private fun storedIds(path: String) =
        HeatStore.openReadOnly(path).use { store -> store.events("me", week).map { it.id }.sorted() }

    @Test
    fun `cancelling the caller cancels the run, which leaves the store as it was`() = runBlocking {
        val path = dir.resolve("heat.sqlite").toString()
        val job = SyncJob(path)
        val first = Rows.sourceEvents(5, "2026-11-30T09:00:00Z")
        assertEquals(SyncStop.Completed, job.runCancellable(plan, ScriptedSource(first)).stop)
        val before = storedIds(path)

        val reading = CountDownLatch(1)
        val cancellation = ObservedCancellation()
        val blocking = ScriptedSource(Rows.sourceEvents(9, "2026-11-30T10:00:00Z")) {
            reading.countDown()
            // The read returns only once the coroutine's cancellation reached the job.
            assertTrue(cancellation.cancelCalled.await(10, TimeUnit.SECONDS), "the run's cancellation was cancelled")
        }
        val run = async(Dispatchers.Default) { job.runCancellable(plan, blocking, cancellation) }
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the run reached its first read")
        run.cancel()
        assertFailsWith<CancellationException> { run.await() }
        assertEquals(before, storedIds(path), "the window in progress was left unchanged")
        assertEquals(SyncStop.Completed, job.runCancellable(plan, ScriptedSource(first)).stop, "the job runs again")
    }
}
