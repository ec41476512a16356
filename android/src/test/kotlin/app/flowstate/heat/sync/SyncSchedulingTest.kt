package app.flowstate.heat.sync

import app.flowstate.heat.sync.FakeWorkQueue.Work
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class SyncSchedulingTest {
    private val queue = FakeWorkQueue()

    private fun chain(work: Work) = queue.chains.getValue(work).toList()

    @Test
    fun `a calendar change during a run queues one after it and never cancels it`() {
        SyncScheduling.schedule(queue)
        queue.requestSync(SyncScheduling.SYNC_ON_REQUEST)
        val running = queue.start(Work.SYNC)

        repeat(3) { SyncScheduling.onCalendarChanged(queue, permitted = true) { false } }

        assertEquals(running, chain(Work.SYNC).first(), "the run in progress is still there")
        assertEquals(4, chain(Work.SYNC).size, "each change queued a run after it")
        assertTrue(queue.cancelled.isEmpty(), "nothing was cancelled: ${queue.cancelled}")
    }

    @Test
    fun `the policy a change uses is the one that queues, and REPLACE would have cancelled the run`() {
        assertEquals(QueuePolicy.APPEND_OR_REPLACE, SyncScheduling.SYNC_ON_CHANGE)
        queue.requestSync(QueuePolicy.KEEP)
        val running = queue.start(Work.SYNC)
        queue.requestSync(QueuePolicy.REPLACE)
        assertEquals(listOf(running), queue.cancelled, "the fake models REPLACE cancelling a running work")
    }

    @Test
    fun `the app asking while a run waits or runs adds nothing`() {
        queue.requestSync(SyncScheduling.SYNC_ON_REQUEST)
        queue.start(Work.SYNC)
        queue.requestSync(SyncScheduling.SYNC_ON_REQUEST)
        assertEquals(1, chain(Work.SYNC).size)
    }

    @Test
    fun `the change handler re-arms its trigger after itself`() {
        SyncScheduling.schedule(queue)
        val handler = queue.start(Work.TRIGGER)
        SyncScheduling.onCalendarChanged(queue, permitted = true) { false }
        assertEquals(handler, chain(Work.TRIGGER).first())
        assertEquals(2, chain(Work.TRIGGER).size, "a new trigger waits for the handler to finish")
        queue.finish(Work.TRIGGER)
        assertEquals(1, chain(Work.TRIGGER).size, "armed again")
    }

    @Test
    fun `without READ_CALENDAR a change starts no sync and arms nothing`() {
        SyncScheduling.schedule(queue)
        queue.start(Work.TRIGGER)
        queue.calls.clear()
        SyncScheduling.onCalendarChanged(queue, permitted = false) { false }
        SyncScheduling.afterRun(queue, permitted = false) { false }
        assertEquals(emptyList(), queue.calls)
        assertEquals(emptyList(), chain(Work.SYNC))
    }

    @Test
    fun `cancel removes the trigger first, and a handler still running after it requests nothing`() {
        SyncScheduling.schedule(queue)
        queue.start(Work.TRIGGER)
        var stopped = false
        // The handler was already past its first check when the app cancelled:
        // it sees isStopped on its next one.
        SyncScheduling.onCalendarChanged(queue, permitted = true) {
            if (queue.calls.any { it.startsWith("APPEND_OR_REPLACE ${Work.SYNC}") } && !stopped) {
                SyncScheduling.cancel(queue)
                stopped = true
            }
            stopped
        }
        assertEquals("cancel ${Work.TRIGGER}", queue.calls.first { it.startsWith("cancel") })
        assertEquals(emptyList(), chain(Work.TRIGGER), "the handler did not re-arm the trigger after cancel")
        assertEquals(emptyList(), chain(Work.SYNC))
        assertEquals(emptyList(), chain(Work.PERIODIC))

        SyncScheduling.onCalendarChanged(queue, permitted = true) { true }
        SyncScheduling.afterRun(queue, permitted = true) { true }
        assertTrue(queue.chains.values.all { it.isEmpty() }, "a stopped worker requests nothing: ${queue.chains}")
    }

    @Test
    fun `a run re-arms a trigger lost with the process and keeps an armed one`() {
        SyncScheduling.afterRun(queue, permitted = true) { false }
        val armed = chain(Work.TRIGGER)
        assertEquals(1, armed.size, "a lost trigger is armed again")
        SyncScheduling.afterRun(queue, permitted = true) { false }
        assertEquals(armed, chain(Work.TRIGGER), "an armed trigger is kept, not replaced")
        assertTrue(queue.cancelled.isEmpty())
    }
}
