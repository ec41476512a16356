package app.flowstate.heat.android

import android.content.Context
import android.provider.CalendarContract
import androidx.work.BackoffPolicy
import androidx.work.Constraints
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.ExistingWorkPolicy
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.OutOfQuotaPolicy
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import app.flowstate.heat.sync.PeriodicPolicy
import app.flowstate.heat.sync.QueuePolicy
import app.flowstate.heat.sync.SyncTiming
import app.flowstate.heat.sync.SyncWorkQueue
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * The sync's unique works in WorkManager; which policy each request uses is
 * decided by `SyncScheduling` (tested on a model of WorkManager). No request
 * carries input data: every worker reads the one persisted schedule.
 */
internal class WorkManagerQueue(context: Context) : SyncWorkQueue {
    private val workManager = WorkManager.getInstance(context)

    override fun requestSync(policy: QueuePolicy, expedited: Boolean) {
        val request = OneTimeWorkRequestBuilder<HeatSyncWorker>()
            .setConstraints(Constraints.Builder().setRequiresStorageNotLow(true).build())
            .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, SyncTiming.INITIAL_BACKOFF.toJavaDuration())
        // Out of quota, an expedited request runs as ordinary work (SystemJobScheduler.scheduleInternal).
        if (expedited) request.setExpedited(OutOfQuotaPolicy.RUN_AS_NON_EXPEDITED_WORK_REQUEST)
        workManager.enqueueUniqueWork(SYNC_NOW_WORK, policy.existingWorkPolicy(), request.build())
    }

    override fun armCalendarTrigger(policy: QueuePolicy) {
        val onCalendarChange = Constraints.Builder()
            .addContentUriTrigger(CalendarContract.Events.CONTENT_URI, true)
            .setTriggerContentUpdateDelay(SyncTiming.CHANGE_SETTLE_DELAY.toJavaDuration())
            .setTriggerContentMaxDelay(SyncTiming.CHANGE_MAX_DELAY.toJavaDuration())
            .build()
        val request = OneTimeWorkRequestBuilder<CalendarChangeWorker>().setConstraints(onCalendarChange).build()
        workManager.enqueueUniqueWork(CALENDAR_CHANGE_WORK, policy.existingWorkPolicy(), request)
    }

    override fun schedulePeriodicSync(policy: PeriodicPolicy, repeatInterval: Duration) {
        val constraints = Constraints.Builder()
            .setRequiresBatteryNotLow(true)
            .setRequiresStorageNotLow(true)
            .build()
        val periodic = PeriodicWorkRequestBuilder<HeatSyncWorker>(repeatInterval.toJavaDuration())
            .setConstraints(constraints)
            .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, SyncTiming.INITIAL_BACKOFF.toJavaDuration())
            .build()
        val existing = when (policy) {
            PeriodicPolicy.KEEP -> ExistingPeriodicWorkPolicy.KEEP
            PeriodicPolicy.UPDATE -> ExistingPeriodicWorkPolicy.UPDATE
        }
        workManager.enqueueUniquePeriodicWork(PERIODIC_WORK, existing, periodic)
    }

    override fun cancelCalendarTrigger() {
        workManager.cancelUniqueWork(CALENDAR_CHANGE_WORK)
    }

    override fun cancelSync() {
        workManager.cancelUniqueWork(SYNC_NOW_WORK)
    }

    override fun cancelPeriodicSync() {
        workManager.cancelUniqueWork(PERIODIC_WORK)
    }

    private fun QueuePolicy.existingWorkPolicy(): ExistingWorkPolicy = when (this) {
        QueuePolicy.KEEP -> ExistingWorkPolicy.KEEP
        QueuePolicy.APPEND_OR_REPLACE -> ExistingWorkPolicy.APPEND_OR_REPLACE
    }

    private companion object {
        const val PERIODIC_WORK = "app.flowstate.heat.sync.periodic"
        const val SYNC_NOW_WORK = "app.flowstate.heat.sync.now"
        const val CALENDAR_CHANGE_WORK = "app.flowstate.heat.sync.calendar-change"
    }
}
