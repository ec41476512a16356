package app.flowstate.heat.sync.model

/** `WorkInfo.State`. */
enum class WorkState {
    ENQUEUED, RUNNING, BLOCKED, SUCCEEDED, FAILED, CANCELLED;

    val isFinished get() = this == SUCCEEDED || this == FAILED || this == CANCELLED
}

/** `ExistingWorkPolicy`. */
enum class ExistingWork { KEEP, REPLACE, APPEND, APPEND_OR_REPLACE }

/** `ExistingPeriodicWorkPolicy` (its deprecated REPLACE is CANCEL_AND_REENQUEUE). */
enum class ExistingPeriodic { KEEP, UPDATE, CANCEL_AND_REENQUEUE }

/** Which worker class a request names. */
enum class WorkerKind { SYNC, CHANGE_HANDLER }

/** How a worker ended: a `ListenableWorker.Result`, an exception out of it, or a stop. */
enum class Resolution { SUCCESS, RETRY, FAILURE, THREW, STOPPED }

/** What a `WorkRequest` sets that the model uses. */
data class ModelRequest(
    val worker: WorkerKind,
    val repeatInterval: Long? = null,
    val contentTrigger: Boolean = false,
    val expedited: Boolean = false,
    /** `OutOfQuotaPolicy.RUN_AS_NON_EXPEDITED_WORK_REQUEST` (else `DROP_WORK_REQUEST`). */
    val runAsNonExpeditedOutOfQuota: Boolean = true,
)

/** The times the model's rules use, in milliseconds. */
data class ModelTiming(
    /** `setBackoffCriteria(EXPONENTIAL, ...)`. */
    val initialBackoff: Long,
    /** `setTriggerContentUpdateDelay`. */
    val contentSettleDelay: Long,
    /** `setTriggerContentMaxDelay`. */
    val contentMaxDelay: Long,
)

/** One row of the `WorkSpec` table. */
class WorkSpec(val id: Int, val name: String, val request: ModelRequest, enqueuedAt: Long) {
    var state = WorkState.ENQUEUED
    var generation = 0
    var runAttemptCount = 0

    /** `runAttemptCount` as the worker saw it (`WorkerParameters`: the count before this run). */
    var runAttemptCountAtStart = 0
    var periodCount = 0
    var lastEnqueueTime = enqueuedAt
    var repeatInterval = request.repeatInterval
    var expedited = request.expedited

    /** Expedited, out of quota and not allowed to fall back: never scheduled. */
    var unschedulable = false
    val prerequisites = mutableSetOf<Int>()

    /** The first and the last change a content-URI job saw since it was scheduled. */
    var contentChangedAt: Long? = null
    var lastContentChange: Long? = null

    val isPeriodic get() = repeatInterval != null

    /**
     * `WorkSpec.calculateNextRunTime`: backed off (enqueued after a run,
     * `runAttemptCount > 0`) exponentially from the last enqueue, capped at
     * five hours; periodic work one interval after its last enqueue (the
     * first period at once); other work at once.
     */
    fun nextRunTime(timing: ModelTiming): Long {
        val interval = repeatInterval
        return when {
            runAttemptCount > 0 -> lastEnqueueTime + minOf(timing.initialBackoff shl minOf(runAttemptCount - 1, 20), MAX_BACKOFF)
            interval != null && periodCount > 0 -> lastEnqueueTime + interval
            else -> lastEnqueueTime
        }
    }

    override fun toString() = "$name#$id($state gen $generation attempt $runAttemptCount)"

    private companion object {
        const val MAX_BACKOFF = 5 * 60 * 60 * 1000L
    }
}
