package app.flowstate.heat.android

import android.content.Context
import androidx.work.Worker
import androidx.work.WorkerParameters

/**
 * Runs when the calendar provider reports a change (a content-URI trigger on
 * `CalendarContract.Events`): queues a sync after any run in progress and
 * re-arms the trigger, which fires only once per request
 * (`SyncScheduling.onCalendarChanged` decides, tested on a model of
 * WorkManager).
 *
 * The sync itself is separate work ([HeatSyncWorker]) so that its retries
 * never hold up the re-armed trigger, which waits for this worker to finish;
 * this worker therefore always succeeds, and never throws (an exception
 * would fail the trigger appended behind it).
 */
class CalendarChangeWorker(context: Context, params: WorkerParameters) : Worker(context, params) {
    override fun doWork(): Result {
        try {
            HeatSync.scheduling(applicationContext).onCalendarChanged(hasCalendarPermission(applicationContext))
        } catch (unexpected: Exception) {
            SyncLog.problem("the calendar-change handler failed", unexpected)
        }
        return Result.success()
    }
}
