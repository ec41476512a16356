package app.flowstate.heat.android

import android.content.Context
import androidx.work.Worker
import androidx.work.WorkerParameters
import app.flowstate.heat.sync.SyncScheduling

/**
 * Runs when the calendar provider reports a change (a content-URI trigger on
 * `CalendarContract.Events`): queues a sync after any run in progress and
 * re-arms the trigger, which fires only once per request
 * ([SyncScheduling.onCalendarChanged] decides, tested on the JVM).
 *
 * The sync itself is separate work ([HeatSyncWorker]) so that its retries
 * never hold up the re-armed trigger, which waits for this worker to finish;
 * this worker therefore always succeeds. A plain `Worker` keeps running after
 * it is stopped, so every request checks [isStopped] first: `HeatSync.cancel`
 * must not be undone by a handler that was already running.
 */
class CalendarChangeWorker(context: Context, params: WorkerParameters) : Worker(context, params) {
    override fun doWork(): Result {
        val queue = WorkManagerQueue(applicationContext, inputData)
        SyncScheduling.onCalendarChanged(queue, hasCalendarPermission(applicationContext)) { isStopped }
        return Result.success()
    }
}
