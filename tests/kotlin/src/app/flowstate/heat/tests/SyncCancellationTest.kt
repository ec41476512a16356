package app.flowstate.heat.tests

import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncDisposition
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import org.junit.jupiter.api.Test
import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

/**
 * A `SyncCancellation` belongs to one run and stays armed: cancelled before
 * its run began (a Worker stopped, a BGTask expired, while the run was being
 * set up) it still ends that run, at once, and it never reaches a run that
 * was given its own.
 */
class SyncCancellationTest {
    @Test
    fun `a cancellation cancelled before run ends that run unread, and a run with its own is unaffected`() {
        val path = tempDir().resolve("heat.db").toString()
        val job = SyncJob(path, bundledZones)
        val source = AnsweringSource { manyEvents(20) }
        val early = SyncCancellation().apply { cancel() }

        val cancelled = job.run(oneWeekPlan(), source, early)
        assertEquals(SyncStop.Cancelled, cancelled.stop)
        assertEquals(SyncDisposition.RETRY_LATER, cancelled.disposition)
        assertEquals(emptyList(), cancelled.windows)
        assertEquals(0 to 0, source.accessChecks to source.reads, "access checks and reads of a run cancelled before it began")
        assertFalse(File(path).exists(), "the store file was not even created")
        assertEquals(SyncStop.Cancelled, job.run(oneWeekPlan(), source, early).stop, "a cancelled handle stays armed")

        val own = SyncCancellation()
        val completed = job.run(oneWeekPlan(), source, own)
        assertEquals(SyncStop.Completed, completed.stop)
        assertEquals(SyncDisposition.DONE, completed.disposition)
        assertEquals(1, source.reads)
        assertEquals(manyEvents(20).map { it.id }.sorted(), storedIds(path))
        assertFalse(own.isCancelled())
        assertTrue(early.isCancelled())
    }
}
