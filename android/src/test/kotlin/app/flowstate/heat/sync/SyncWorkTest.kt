package app.flowstate.heat.sync

import app.flowstate.heat.SyncDisposition
import app.flowstate.heat.SyncStop
import app.flowstate.heat.sync.model.summaryOf
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.time.Duration

class SyncWorkTest {
    private val requests = mutableListOf<String>()
    private val queue = object : SyncWorkQueue {
        override fun requestSync(policy: QueuePolicy, expedited: Boolean) { requests += "sync $policy" }
        override fun armCalendarTrigger(policy: QueuePolicy) { requests += "trigger $policy" }
        override fun schedulePeriodicSync(policy: PeriodicPolicy, repeatInterval: Duration) { requests += "periodic $policy" }
        override fun cancelCalendarTrigger() { requests += "cancel trigger" }
        override fun cancelSync() { requests += "cancel sync" }
        override fun cancelPeriodicSync() { requests += "cancel periodic" }
    }
    private val store = object : ScheduleStore {
        var saved: ScheduledSync? = ScheduledSync(HeatSyncConfig("work-account"))
        override fun load() = saved
        override fun save(schedule: ScheduledSync?) { saved = schedule }
    }
    private val scheduling = SyncScheduling(queue, store)

    @Test
    fun `a run's report carries the job's log line and disposition into the output data`() = runBlocking {
        val done = summaryOf(SyncStop.Completed, SyncDisposition.DONE)
        val report = SyncWork(scheduling, { config -> done.also { assertEquals("work-account", config.scope) } }) { true }.run(0)
        assertEquals(WorkOutcome.SUCCESS, report.outcome)
        assertEquals(
            mapOf(
                SyncWork.KEY_LOG_LINE to done.logLine,
                SyncWork.KEY_DISPOSITION to "DONE",
                SyncWork.KEY_WINDOWS to 0,
                SyncWork.KEY_WINDOWS_CHANGED to 0,
                SyncWork.KEY_DURATION_MICROS to 0L,
            ),
            report.outputValues(),
        )
        assertEquals(listOf("trigger KEEP"), requests, "a lost trigger is re-armed")
    }

    @Test
    fun `an unexpected error is a retry and never an exception, and a stop stays the coroutine cancellation`(): Unit = runBlocking {
        val failing = SyncWork(scheduling, { throw UnsatisfiedLinkError("libheat_ffi.so") }) { true }
        assertEquals(WorkOutcome.RETRY, failing.run(0).outcome)
        assertEquals(WorkOutcome.SUCCESS, failing.run(WorkOutcome.MAX_ATTEMPTS - 1).outcome)
        val stopped = SyncWork(scheduling, { throw CancellationException("stopped") }) { true }
        assertFailsWith<CancellationException> { stopped.run(0) }
    }

    @Test
    fun `after a cancel a worker runs nothing and removes its own work`() = runBlocking {
        store.saved = null
        val report = SyncWork(scheduling, { error("no run may start") }) { true }.run(0)
        assertEquals(WorkOutcome.SUCCESS, report.outcome)
        assertEquals(listOf("cancel trigger", "cancel sync", "cancel periodic"), requests)
        assertEquals(mapOf<String, Any>(SyncWork.KEY_LOG_LINE to report.logLine), report.outputValues())
    }
}
