package app.flowstate.heat.sync

/**
 * How a request for unique background work treats unfinished work of the
 * same name (WorkManager's `ExistingWorkPolicy`, the cases used here).
 */
enum class QueuePolicy {
    /** Unfinished work of that name stays; the request is dropped. */
    KEEP,

    /** Runs after the unfinished work of that name (after its failure too); enqueued at once if there is none. */
    APPEND_OR_REPLACE,

    /** Cancels the unfinished work of that name, a running one included. */
    REPLACE,
}

/**
 * The three unique works of the background sync, as the scheduling rules
 * below see them; on Android, WorkManager (`HeatSync`), in tests a fake with
 * WorkManager's documented semantics.
 */
interface SyncWorkQueue {
    /** A one-off sync run. */
    fun requestSync(policy: QueuePolicy)

    /** The one-shot content-URI trigger that runs the change handler when the calendar changes. */
    fun armCalendarTrigger(policy: QueuePolicy)

    /** The periodic sync run. */
    fun schedulePeriodicSync()

    fun cancelCalendarTrigger()

    fun cancelSync()

    fun cancelPeriodicSync()
}

/**
 * When the background sync runs, decided once for the Android adapters.
 *
 * The calendar provider notifies on every write (events, reminders, alerts it
 * schedules itself, sync state), so during an account sync its trigger fires
 * about as often as a run lasts: a trigger must queue a run after the one in
 * progress ([QueuePolicy.APPEND_OR_REPLACE]), never cancel it, or later weeks
 * would never be reached.
 */
object SyncScheduling {
    /** A calendar change queues a run after the one in progress. */
    val SYNC_ON_CHANGE = QueuePolicy.APPEND_OR_REPLACE

    /** The app asking (first start, permission just granted): a run already waiting or running is enough. */
    val SYNC_ON_REQUEST = QueuePolicy.KEEP

    /**
     * The change handler re-arms the trigger it runs in: appended, it waits
     * for the handler to finish (the trigger fires once per request).
     */
    val REARM_FROM_CHANGE = QueuePolicy.APPEND_OR_REPLACE

    /**
     * The periodic run re-arms the trigger only if it is gone (the process
     * died between the handler's two requests): an armed trigger is kept.
     */
    val REARM_FROM_RUN = QueuePolicy.KEEP

    /** The app's start re-arms the trigger afresh, so that a changed configuration reaches it. */
    val ARM_ON_SCHEDULE = QueuePolicy.REPLACE

    /** The app's start: the periodic run and the trigger. */
    fun schedule(queue: SyncWorkQueue) {
        queue.schedulePeriodicSync()
        queue.armCalendarTrigger(ARM_ON_SCHEDULE)
    }

    /**
     * What the change handler does when the trigger fired. Without
     * `READ_CALENDAR` nothing: no sync, and no trigger until the app or the
     * periodic run arms it again with the permission held. [isStopped] is
     * checked before each request, so that a handler still running after
     * [cancel] never brings the work back.
     */
    fun onCalendarChanged(queue: SyncWorkQueue, permitted: Boolean, isStopped: () -> Boolean) {
        if (!permitted || isStopped()) return
        queue.requestSync(SYNC_ON_CHANGE)
        if (isStopped()) return
        queue.armCalendarTrigger(REARM_FROM_CHANGE)
    }

    /** After a sync run: restores a trigger lost with the process, if the permission is held. */
    fun afterRun(queue: SyncWorkQueue, permitted: Boolean, isStopped: () -> Boolean) {
        if (!permitted || isStopped()) return
        queue.armCalendarTrigger(REARM_FROM_RUN)
    }

    /**
     * Removes all of it. The trigger goes first: cancelled last, a trigger
     * firing in between could queue a sync after its cancellation.
     */
    fun cancel(queue: SyncWorkQueue) {
        queue.cancelCalendarTrigger()
        queue.cancelSync()
        queue.cancelPeriodicSync()
    }
}
