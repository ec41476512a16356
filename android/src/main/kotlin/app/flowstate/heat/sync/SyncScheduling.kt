package app.flowstate.heat.sync

import kotlin.time.Duration

/**
 * When the background sync runs, decided once for the Android adapters and
 * run on a model of WorkManager and the app's process in the tests
 * (docs/adr/0011, docs/adr/0018).
 *
 * Three rules hold in every process lifecycle:
 * - start-up never cancels or replaces work that is enqueued or running:
 *   `Application.onCreate` runs before the dispatch that woke the process,
 *   and its requests run first on WorkManager's serial executor, so a
 *   `REPLACE` (or a periodic `UPDATE`, which bumps the generation) would
 *   delete the very work that woke it. The configuration is persisted
 *   ([ScheduleStore]) and compared instead; only a changed interval touches
 *   the periodic work;
 * - a request (calendar change, push, the app) is always followed by a run
 *   that starts after it: it is appended behind the run in progress
 *   ([QueuePolicy.APPEND_OR_REPLACE]), never dropped and never cancelling it;
 * - after [cancel], nothing runs or re-arms until the next [schedule]: the
 *   store says so first, every request is made under one lock after reading
 *   it, and a worker that finds nothing scheduled removes its own work.
 *
 * The lock makes "read the store, then request" atomic against [cancel]
 * in this process; WorkManager runs requests in call order, so a request
 * made before a cancel is cancelled by it, and one after it is never made.
 */
class SyncScheduling(private val queue: SyncWorkQueue, private val store: ScheduleStore) {

    /** The app's start (safe on every cold start): persists [schedule], then keeps what is there. */
    fun schedule(schedule: ScheduledSync) = synchronized(LOCK) {
        SyncTiming.checkRepeatInterval(schedule.repeatInterval)
        val before = store.load()
        if (before != schedule) store.save(schedule)
        val periodic = if (before?.repeatInterval == schedule.repeatInterval) PeriodicPolicy.KEEP else PeriodicPolicy.UPDATE
        queue.schedulePeriodicSync(periodic, schedule.repeatInterval)
        queue.armCalendarTrigger(ARM_ON_SCHEDULE)
        if (before != null && before.config != schedule.config) queue.requestSync(SYNC_AFTER_REQUEST, expedited = false)
    }

    /** The app asks for a sync (e.g. `READ_CALENDAR` just granted); nothing when not scheduled. */
    fun requestSync(expedited: Boolean) = synchronized(LOCK) {
        if (store.load() != null) queue.requestSync(SYNC_AFTER_REQUEST, expedited)
    }

    /**
     * The trigger fired. Without `READ_CALENDAR` nothing: no sync, and no
     * trigger until the app or a run arms it again with the permission held.
     * Otherwise a sync after the one in progress, and the trigger re-armed
     * behind this handler (it fires once per request).
     */
    fun onCalendarChanged(permitted: Boolean) = synchronized(LOCK) {
        if (store.load() == null) return@synchronized cancelWork()
        if (!permitted) return@synchronized
        queue.requestSync(SYNC_AFTER_REQUEST, expedited = false)
        queue.armCalendarTrigger(REARM_FROM_CHANGE)
    }

    /** After a sync run: restores a trigger lost with the process, if the permission is held. */
    fun afterRun(permitted: Boolean) = synchronized(LOCK) {
        if (store.load() != null && permitted) queue.armCalendarTrigger(REARM_FROM_RUN)
    }

    /** What a worker runs with, or null after [cancel] (its own work is then removed). */
    fun scheduled(): ScheduledSync? = synchronized(LOCK) {
        val schedule = store.load()
        if (schedule == null) cancelWork()
        schedule
    }

    /** Removes all of it, the decision first: it holds even if the process dies before WorkManager cancels. */
    fun cancel() = synchronized(LOCK) {
        store.save(null)
        cancelWork()
    }

    /** The trigger first: cancelled last, a trigger firing in between could queue a sync after its cancellation. */
    private fun cancelWork() {
        queue.cancelCalendarTrigger()
        queue.cancelSync()
        queue.cancelPeriodicSync()
    }

    companion object {
        /** Every request (change, push, the app, a changed configuration): a run that starts after it. */
        val SYNC_AFTER_REQUEST = QueuePolicy.APPEND_OR_REPLACE

        /** Start-up keeps an armed trigger: it may be the one that woke the process. */
        val ARM_ON_SCHEDULE = QueuePolicy.KEEP

        /** The handler re-arms the trigger it runs in: appended, it waits for the handler to finish. */
        val REARM_FROM_CHANGE = QueuePolicy.APPEND_OR_REPLACE

        /** A run re-arms the trigger only if it is gone (the process died between the handler's two requests). */
        val REARM_FROM_RUN = QueuePolicy.KEEP

        /** One per process: requests read the store and are made as one step against [cancel]. */
        private val LOCK = Any()
    }
}
