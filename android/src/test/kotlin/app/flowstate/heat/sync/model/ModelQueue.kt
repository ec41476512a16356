package app.flowstate.heat.sync.model

import app.flowstate.heat.sync.PeriodicPolicy
import app.flowstate.heat.sync.QueuePolicy
import app.flowstate.heat.sync.SyncWorkQueue
import kotlin.time.Duration

/**
 * The production [SyncWorkQueue] contract on the WorkManager model: the
 * same three unique works and requests as `WorkManagerQueue` (which needs
 * Android's types, so it cannot run here), each call queued on the model's
 * serial executor. [beforeRequest] lets the invariants see every request.
 */
class ModelQueue(
    private val workManager: WorkManagerModel,
    private val beforeRequest: (String) -> Unit,
) : SyncWorkQueue {
    override fun requestSync(policy: QueuePolicy, expedited: Boolean) {
        beforeRequest("sync $policy${if (expedited) " expedited" else ""}")
        workManager.enqueueUniqueWork(SYNC_NOW, policy.model(), ModelRequest(WorkerKind.SYNC, expedited = expedited))
    }

    override fun armCalendarTrigger(policy: QueuePolicy) {
        beforeRequest("trigger $policy")
        workManager.enqueueUniqueWork(TRIGGER, policy.model(), ModelRequest(WorkerKind.CHANGE_HANDLER, contentTrigger = true))
    }

    override fun schedulePeriodicSync(policy: PeriodicPolicy, repeatInterval: Duration) {
        beforeRequest("periodic $policy")
        val existing = when (policy) {
            PeriodicPolicy.KEEP -> ExistingPeriodic.KEEP
            PeriodicPolicy.UPDATE -> ExistingPeriodic.UPDATE
        }
        workManager.enqueueUniquePeriodicWork(PERIODIC, existing, ModelRequest(WorkerKind.SYNC, repeatInterval = repeatInterval.inWholeMilliseconds))
    }

    override fun cancelCalendarTrigger() = workManager.cancelUniqueWork(TRIGGER)

    override fun cancelSync() = workManager.cancelUniqueWork(SYNC_NOW)

    override fun cancelPeriodicSync() = workManager.cancelUniqueWork(PERIODIC)

    private fun QueuePolicy.model() = when (this) {
        QueuePolicy.KEEP -> ExistingWork.KEEP
        QueuePolicy.APPEND_OR_REPLACE -> ExistingWork.APPEND_OR_REPLACE
    }

    companion object {
        const val PERIODIC = "periodic"
        const val SYNC_NOW = "now"
        const val TRIGGER = "trigger"
    }
}
