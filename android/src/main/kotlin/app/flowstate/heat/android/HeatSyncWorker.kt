package app.flowstate.heat.android

import android.content.Context
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.HeatSyncRunner
import app.flowstate.heat.sync.SyncScheduling
import app.flowstate.heat.sync.WorkOutcome
import java.time.LocalDate
import java.time.ZoneId

/**
 * The background sync: one [HeatSyncRunner] run, its outcome translated into
 * a WorkManager result (decided by [WorkOutcome]). Afterwards it re-arms the
 * calendar-change trigger if the process died before the trigger's handler
 * could ([SyncScheduling.afterRun]).
 *
 * When WorkManager stops the worker (constraints no longer met, the 10-minute
 * limit, the app cancelling the work), `CoroutineWorker` cancels [doWork]'s
 * coroutine — its `onStopped` is final and does exactly that — and the runner
 * turns the cancellation into `HeatStore.interrupt()`: the running reconcile
 * rolls back and the store keeps its previous state.
 */
class HeatSyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val config = HeatSyncConfig.fromKeyValues(inputData.keyValueMap)
        val storeFile = HeatSync.storeFile(applicationContext)
        val zone = ZoneId.systemDefault()
        val summary = HeatSyncRunner(storeFile, CalendarContractSource(applicationContext), config)
            .sync(LocalDate.now(zone), zone.id)
        SyncScheduling.afterRun(WorkManagerQueue(applicationContext, inputData), hasCalendarPermission(applicationContext)) {
            isStopped
        }
        return when (WorkOutcome.of(summary, runAttemptCount)) {
            WorkOutcome.SUCCESS -> Result.success()
            WorkOutcome.RETRY -> Result.retry()
            WorkOutcome.DISCARD_STORE_AND_RETRY -> {
                storeFile.discard()
                Result.retry()
            }
            WorkOutcome.FAILURE -> Result.failure()
        }
    }
}
