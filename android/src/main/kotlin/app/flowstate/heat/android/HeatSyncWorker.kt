package app.flowstate.heat.android

import android.content.Context
import androidx.work.CoroutineWorker
import androidx.work.Data
import androidx.work.ForegroundInfo
import androidx.work.WorkerParameters
import app.flowstate.heat.sync.SyncWork
import app.flowstate.heat.sync.WorkOutcome

/**
 * The background sync (periodic, one-off, from a push): [SyncWork] decides
 * everything, tested on a model of WorkManager; this class only translates
 * its report into a WorkManager result, logs the run's line ([SyncLog]) and
 * puts the report in the output data (`WorkInfo.outputData`: keys
 * `SyncWork.KEY_*`).
 *
 * When WorkManager stops the worker (constraints no longer met, the
 * 10-minute limit, the app cancelling the work), `CoroutineWorker` cancels
 * [doWork]'s coroutine — its `onStopped` is final and does exactly that —
 * which stops the run with the window in progress unchanged.
 */
class HeatSyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val report = SyncWork(HeatSync.scheduling(applicationContext), RustSyncRunner(applicationContext)) {
            hasCalendarPermission(applicationContext)
        }.run(runAttemptCount)
        SyncLog.line(report.logLine)
        return when (report.outcome) {
            WorkOutcome.SUCCESS -> Result.success(Data.Builder().putAll(report.outputValues()).build())
            WorkOutcome.RETRY -> Result.retry()
        }
    }

    /**
     * Expedited work (a push) runs as a foreground service on Android 11 and
     * older, which needs this notification; Android 12 and newer never ask.
     */
    override suspend fun getForegroundInfo(): ForegroundInfo = SyncNotification.foregroundInfo(applicationContext)
}
