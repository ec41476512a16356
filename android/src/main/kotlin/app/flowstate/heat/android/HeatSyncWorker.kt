package app.flowstate.heat.android

import android.content.Context
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.SyncScheduling
import app.flowstate.heat.sync.WorkOutcome
import app.flowstate.heat.sync.runCancellable
import java.time.LocalDate
import java.time.ZoneId

/**
 * The background sync: one run of the sync job over the device calendar
 * ([CalendarContractSource]), its stop translated into a WorkManager result
 * ([WorkOutcome]). Afterwards it re-arms the calendar-change trigger if the
 * process died before the trigger's handler could ([SyncScheduling.afterRun]).
 *
 * When WorkManager stops the worker (constraints no longer met, the 10-minute
 * limit, the app cancelling the work), `CoroutineWorker` cancels [doWork]'s
 * coroutine — its `onStopped` is final and does exactly that — and
 * [runCancellable] cancels the run's `SyncCancellation`: the window in progress
 * is left unchanged.
 */
class HeatSyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val config = HeatSyncConfig.fromKeyValues(inputData.keyValueMap)
        val zone = ZoneId.systemDefault()
        val source = CalendarContractSource(applicationContext, config.includeHiddenCalendars)
        val summary = HeatSync.syncJob(applicationContext).runCancellable(config.plan(LocalDate.now(zone), zone.id), source)
        SyncScheduling.afterRun(WorkManagerQueue(applicationContext, inputData), hasCalendarPermission(applicationContext)) {
            isStopped
        }
        return when (WorkOutcome.of(summary.stop, runAttemptCount)) {
            WorkOutcome.SUCCESS -> Result.success()
            WorkOutcome.RETRY -> Result.retry()
            WorkOutcome.FAILURE -> Result.failure()
        }
    }
}
