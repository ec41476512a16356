package app.flowstate.heat.sync

import kotlin.time.Duration

/**
 * How a request for the unique one-off work treats unfinished work of the
 * same name (the two WorkManager `ExistingWorkPolicy` cases used here).
 */
enum class QueuePolicy {
    /** Unfinished (enqueued or running) work of that name stays; the request is dropped. */
    KEEP,

    /**
     * Runs after the unfinished work of that name, so it starts after the
     * request; if that work failed or was cancelled, it starts a new chain.
     */
    APPEND_OR_REPLACE,
}

/** How the periodic request treats the periodic work already there (`ExistingPeriodicWorkPolicy`). */
enum class PeriodicPolicy {
    /** An enqueued or running periodic work stays as it is (a cancelled or failed one is replaced). */
    KEEP,

    /** The periodic work takes the new interval, keeping its period; its generation goes up. */
    UPDATE,
}

/**
 * The background sync's three unique works as the scheduling rules see them:
 * on Android WorkManager (`WorkManagerQueue`), in tests a model of it. Every
 * call is asynchronous on Android: it is queued on WorkManager's serial task
 * executor, in call order, and may be lost if the process dies first.
 */
interface SyncWorkQueue {
    /** A one-off sync run; [expedited] asks for it at once, as ordinary work when out of quota. */
    fun requestSync(policy: QueuePolicy, expedited: Boolean)

    /** The one-shot content-URI trigger that runs the change handler when the calendar changes. */
    fun armCalendarTrigger(policy: QueuePolicy)

    /** The periodic sync run. */
    fun schedulePeriodicSync(policy: PeriodicPolicy, repeatInterval: Duration)

    fun cancelCalendarTrigger()

    fun cancelSync()

    fun cancelPeriodicSync()
}
