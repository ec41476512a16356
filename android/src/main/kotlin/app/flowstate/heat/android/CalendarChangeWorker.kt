package app.flowstate.heat.android

import android.content.Context
import androidx.work.ExistingWorkPolicy
import androidx.work.Worker
import androidx.work.WorkerParameters

/**
 * Runs when the calendar provider reports a change (a content-URI trigger on
 * `CalendarContract.Events`): asks for a sync now, and re-arms the trigger,
 * which fires only once per enqueued request.
 *
 * The sync itself is separate work ([HeatSyncWorker]) so that its retries
 * never hold up the re-armed trigger, which waits for this worker to finish;
 * this worker therefore always succeeds.
 */
class CalendarChangeWorker(context: Context, params: WorkerParameters) : Worker(context, params) {
    override fun doWork(): Result {
        HeatSync.syncNow(applicationContext, inputData)
        HeatSync.armCalendarChangeTrigger(applicationContext, inputData, ExistingWorkPolicy.APPEND_OR_REPLACE)
        return Result.success()
    }
}
