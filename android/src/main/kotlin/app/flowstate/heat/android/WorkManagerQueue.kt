package app.flowstate.heat.android

import android.content.Context
import android.provider.CalendarContract
import androidx.work.BackoffPolicy
import androidx.work.Constraints
import androidx.work.Data
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.ExistingWorkPolicy
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import app.flowstate.heat.sync.QueuePolicy
import app.flowstate.heat.sync.SyncTiming
import app.flowstate.heat.sync.SyncWorkQueue
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * The sync's unique works in WorkManager; which policy each request uses is
 * decided by `SyncScheduling`. [input] is the sync configuration every
 * request carries.
 */
internal class WorkManagerQueue(
    context: Context,
    private val input: Data,
    private val repeatInterval: Duration = SyncTiming.DEFAULT_REPEAT_INTERVAL,
) : SyncWorkQueue {
    private val workManager = WorkManager.getInstance(context)

    override fun requestSync(policy: QueuePolicy) {
        val request = OneTimeWorkRequestBuilder<HeatSyncWorker>()
            .setInputData(input)
            .setConstraints(Constraints.Builder().setRequiresStorageNotLow(true).build())
            .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, SyncTiming.INITIAL_BACKOFF.toJavaDuration())
            .build()
        workManager.enqueueUniqueWork(SYNC_NOW_WORK, policy.existingWorkPolicy(), request)
    }

    override fun armCalendarTrigger(policy: QueuePolicy) {
        val onCalendarChange = Constraints.Builder()
            .addContentUriTrigger(CalendarContract.Events.CONTENT_URI, true)
            .setTriggerContentUpdateDelay(SyncTiming.CHANGE_SETTLE_DELAY.toJavaDuration())
            .setTriggerContentMaxDelay(SyncTiming.CHANGE_MAX_DELAY.toJavaDuration())
            .build()
        val request = OneTimeWorkRequestBuilder<CalendarChangeWorker>()
            .setInputData(input)
            .setConstraints(onCalendarChange)
            .build()
        workManager.enqueueUniqueWork(CALENDAR_CHANGE_WORK, policy.existingWorkPolicy(), request)
    }

    /** A changed configuration or interval replaces the scheduled one without resetting its period. */
    override fun schedulePeriodicSync() {
        val constraints = Constraints.Builder()
            .setRequiresBatteryNotLow(true)
            .setRequiresStorageNotLow(true)
            .build()
        val interval = SyncTiming.checkRepeatInterval(repeatInterval).toJavaDuration()
        val periodic = PeriodicWorkRequestBuilder<HeatSyncWorker>(interval)
            .setInputData(input)
            .setConstraints(constraints)
            .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, SyncTiming.INITIAL_BACKOFF.toJavaDuration())
            .build()
        workManager.enqueueUniquePeriodicWork(PERIODIC_WORK, ExistingPeriodicWorkPolicy.UPDATE, periodic)
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
        QueuePolicy.REPLACE -> ExistingWorkPolicy.REPLACE
    }

    private companion object {
        const val PERIODIC_WORK = "app.flowstate.heat.sync.periodic"
        const val SYNC_NOW_WORK = "app.flowstate.heat.sync.now"
        const val CALENDAR_CHANGE_WORK = "app.flowstate.heat.sync.calendar-change"
    }
}
