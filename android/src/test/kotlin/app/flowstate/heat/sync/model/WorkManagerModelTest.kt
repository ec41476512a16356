package app.flowstate.heat.sync.model

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** The model's own rules, one by one, as the androidx sources cited in [WorkManagerModel] state them. */
class WorkManagerModelTest {
    private var now = 0L
    private val timing = ModelTiming(initialBackoff = 30_000, contentSettleDelay = 5_000, contentMaxDelay = 60_000)
    private val model = WorkManagerModel({ now }, timing)
    private val started = mutableListOf<WorkSpec>()
    private val stopped = mutableListOf<WorkSpec>()
    private val sync = ModelRequest(WorkerKind.SYNC)
    private val periodic = ModelRequest(WorkerKind.SYNC, repeatInterval = 3_600_000)

    init {
        model.startWorker = { started += it }
        model.stopWorker = { stopped += it }
    }

    private fun enqueue(policy: ExistingWork, request: ModelRequest = sync): WorkSpec? {
        model.enqueueUniqueWork("w", policy, request)
        model.drain()
        return model.named("w").lastOrNull()
    }

    private fun run(spec: WorkSpec) {
        model.dispatch(spec)
        model.drain()
    }

    private fun end(spec: WorkSpec, resolution: Resolution) {
        model.finish(spec, resolution)
        model.drain()
    }

    @Test
    fun `KEEP keeps enqueued or running work and replaces finished work`() {
        val first = enqueue(ExistingWork.KEEP)!!
        enqueue(ExistingWork.KEEP)
        assertEquals(listOf(first), model.named("w"))
        run(first)
        end(first, Resolution.SUCCESS)
        val second = enqueue(ExistingWork.KEEP)!!
        assertEquals(listOf(second), model.named("w"), "a succeeded work is no reason to keep")
    }

    @Test
    fun `REPLACE cancels and deletes the running work, whose result is then ignored`() {
        val first = enqueue(ExistingWork.KEEP)!!
        run(first)
        val second = enqueue(ExistingWork.REPLACE)!!
        assertEquals(listOf(first), stopped)
        assertEquals(listOf(second), model.named("w"))
        end(first, Resolution.SUCCESS)
        assertEquals(WorkState.ENQUEUED, second.state)
    }

    @Test
    fun `APPEND blocks behind the last work and inherits a failure, APPEND_OR_REPLACE starts a new chain`() {
        val first = enqueue(ExistingWork.KEEP)!!
        run(first)
        val appended = enqueue(ExistingWork.APPEND)!!
        assertEquals(WorkState.BLOCKED, appended.state)
        assertEquals(setOf(first.id), appended.prerequisites)
        end(first, Resolution.FAILURE)
        assertEquals(WorkState.FAILED, appended.state, "setFailed fails the work appended behind")
        assertEquals(WorkState.FAILED, enqueue(ExistingWork.APPEND)!!.state)
        val fresh = enqueue(ExistingWork.APPEND_OR_REPLACE)!!
        assertEquals(WorkState.ENQUEUED, fresh.state)
        assertEquals(listOf(fresh), model.named("w"))
    }

    @Test
    fun `a one-off's retry keeps the work behind it blocked, its success enqueues it`() {
        val first = enqueue(ExistingWork.KEEP)!!
        run(first)
        val appended = enqueue(ExistingWork.APPEND_OR_REPLACE)!!
        end(first, Resolution.RETRY)
        assertEquals(WorkState.ENQUEUED, first.state)
        assertEquals(WorkState.BLOCKED, appended.state)
        assertEquals(now + 30_000, first.nextRunTime(timing), "backed off")
        run(first)
        end(first, Resolution.SUCCESS)
        assertEquals(WorkState.ENQUEUED, appended.state)
    }

    @Test
    fun `periodic work survives success and failure, an exception fails it, UPDATE leaves failed work alone`() {
        model.enqueueUniquePeriodicWork("p", ExistingPeriodic.KEEP, periodic)
        model.drain()
        val spec = model.named("p").single()
        for (resolution in listOf(Resolution.SUCCESS, Resolution.FAILURE)) {
            run(spec)
            end(spec, resolution)
            assertEquals(WorkState.ENQUEUED, spec.state, "$resolution: resetPeriodic")
        }
        assertEquals(2, spec.periodCount)
        run(spec)
        end(spec, Resolution.THREW)
        assertEquals(WorkState.FAILED, spec.state)
        model.enqueueUniquePeriodicWork("p", ExistingPeriodic.UPDATE, periodic)
        model.drain()
        assertEquals(listOf(spec), model.named("p"), "NOT_APPLIED: the failed work stays failed")
        model.enqueueUniquePeriodicWork("p", ExistingPeriodic.KEEP, periodic)
        model.drain()
        assertEquals(WorkState.ENQUEUED, model.named("p").single().state, "KEEP replaces finished work")
    }

    @Test
    fun `UPDATE bumps the generation so a start queued behind it is dropped, and CANCEL_AND_REENQUEUE cancels`() {
        model.enqueueUniquePeriodicWork("p", ExistingPeriodic.KEEP, periodic)
        model.drain()
        val spec = model.named("p").single()
        model.enqueueUniquePeriodicWork("p", ExistingPeriodic.UPDATE, periodic)
        model.dispatch(spec) // the dispatch that woke the process, queued after onCreate's request
        model.drain()
        assertEquals(1, spec.generation)
        assertTrue(started.isEmpty(), "the old generation's start is dropped")
        run(spec)
        assertEquals(listOf(spec), started, "the new generation starts")
        model.enqueueUniquePeriodicWork("p", ExistingPeriodic.CANCEL_AND_REENQUEUE, periodic)
        model.drain()
        assertEquals(WorkState.CANCELLED, spec.state)
        assertEquals(listOf(spec), stopped)
    }

    @Test
    fun `the serial executor runs requests and starts in call order`() {
        val first = enqueue(ExistingWork.KEEP)!!
        model.enqueueUniqueWork("w", ExistingWork.REPLACE, sync)
        model.dispatch(first)
        model.drain()
        assertTrue(started.isEmpty(), "the start found no WorkSpec: REPLACE ran first")
    }

    @Test
    fun `a content-URI trigger fires once per enqueue, only for changes after it`() {
        val trigger = ModelRequest(WorkerKind.CHANGE_HANDLER, contentTrigger = true)
        model.contentChanged()
        val spec = enqueue(ExistingWork.KEEP, trigger)!!
        assertNull(model.dueAt(spec, processAlive = true), "a change before the enqueue is not seen")
        now = 1_000
        model.contentChanged()
        assertEquals(6_000, model.dueAt(spec, processAlive = true))
        run(spec)
        end(spec, Resolution.SUCCESS)
        model.contentChanged()
        assertNull(model.dueAt(spec, processAlive = true), "finished: it does not fire again")
    }

    @Test
    fun `a death loses queued operations and leaves running work RUNNING until the next start resets it`() {
        val spec = enqueue(ExistingWork.KEEP)!!
        run(spec)
        model.cancelUniqueWork("w")
        model.processDied()
        assertFalse(model.runNext(), "the cancel was lost")
        assertEquals(WorkState.RUNNING, spec.state)
        assertEquals(now, model.dueAt(spec, processAlive = false), "rescheduled at once")
        model.initialize(olderThan = now)
        model.drain()
        assertEquals(WorkState.ENQUEUED, spec.state)
        run(spec)
        assertEquals(listOf(spec, spec), started, "it runs again")
    }

    @Test
    fun `out of expedited quota, work runs as ordinary work or, without the fallback, is never scheduled`() {
        model.expeditedQuota = 1
        val expedited = enqueue(ExistingWork.APPEND_OR_REPLACE, ModelRequest(WorkerKind.SYNC, expedited = true))!!
        assertTrue(expedited.expedited)
        val fallback = enqueue(ExistingWork.REPLACE, ModelRequest(WorkerKind.SYNC, expedited = true))!!
        assertFalse(fallback.expedited)
        assertTrue(model.dueAt(fallback, processAlive = true) != null)
        val dropped = enqueue(ExistingWork.REPLACE, ModelRequest(WorkerKind.SYNC, expedited = true, runAsNonExpeditedOutOfQuota = false))!!
        assertNull(model.dueAt(dropped, processAlive = true))
    }
}
