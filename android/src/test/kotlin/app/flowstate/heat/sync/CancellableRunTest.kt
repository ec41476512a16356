package app.flowstate.heat.sync

import app.flowstate.heat.HeatStore
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.defaultSyncPlan
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

private val zones = ZoneDatabase.bundled()

class CancellableRunTest {
    @TempDir
    lateinit var dir: Path

    private val plan = defaultSyncPlan("me", "Europe/Berlin", "2026-11-30").copy(pastDays = 0, futureDays = 14)
    private val week = zones.windowOfDays("2026-11-30", 7, "Europe/Berlin")

    private fun storedIds(path: String) =
        HeatStore.openReadOnly(path, zones).use { store -> store.events("me", week).map { it.id }.sorted() }

    @Test
    fun `cancelling the caller cancels its run, which leaves the store as it was, and calls onStop`() = runBlocking {
        val path = dir.resolve("heat.sqlite").toString()
        val job = SyncJob(path, zones)
        val first = Rows.sourceEvents(5, "2026-11-30T09:00:00Z")
        assertEquals(SyncStop.Completed, job.runCancellable(plan, ScriptedSource(first)).stop)
        val before = storedIds(path)

        val reading = CountDownLatch(1)
        val stopped = CountDownLatch(1)
        val blocking = ScriptedSource(Rows.sourceEvents(9, "2026-11-30T10:00:00Z")) {
            reading.countDown()
            // The read returns only once the coroutine's cancellation reached onStop (the provider query's signal).
            assertTrue(stopped.await(10, TimeUnit.SECONDS), "onStop was called")
        }
        val run = async(Dispatchers.Default) { job.runCancellable(plan, blocking) { stopped.countDown() } }
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the run reached its first read")
        run.cancel()
        assertFailsWith<CancellationException> { run.await() }
        assertEquals(before, storedIds(path), "the window in progress was left unchanged")
        assertEquals(SyncStop.Completed, job.runCancellable(plan, ScriptedSource(first)).stop, "the job runs again")
    }

    @Test
    fun `a stop before a run began reaches only that run, not another worker's (issue 20, point 6)`() = runBlocking {
        val job = SyncJob(dir.resolve("heat.sqlite").toString(), zones)
        val reading = CountDownLatch(1)
        val release = CountDownLatch(1)
        val slow = ScriptedSource(Rows.sourceEvents(3, "2026-11-30T09:00:00Z")) {
            reading.countDown()
            assertTrue(release.await(10, TimeUnit.SECONDS))
        }
        val periodic = async(Dispatchers.Default) { job.runCancellable(plan, slow) }
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the first run is reading")
        // A second worker on the same job is stopped after it asked for its run and
        // before the run began (its thread is busy): a job-wide cancel would have
        // stopped the first run.
        val busy = Executors.newSingleThreadExecutor()
        val threadFree = CountDownLatch(1)
        busy.execute { threadFree.await() }
        val oneOff = async(Dispatchers.Default, start = CoroutineStart.UNDISPATCHED) {
            job.runCancellable(plan, ScriptedSource(emptyList()), runOn = busy.asCoroutineDispatcher())
        }
        oneOff.cancel()
        threadFree.countDown()
        assertFailsWith<CancellationException> { oneOff.await() }
        busy.shutdown()
        release.countDown()
        assertEquals(SyncStop.Completed, periodic.await().stop, "the first run was not cancelled by the other's stop")
    }
}
