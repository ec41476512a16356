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
import app.flowstate.heat.HeatStore
import app.flowstate.heat.sync.HeatStoreFile
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.SyncTiming
import java.io.File
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * What an app calls: schedule the background sync once, and open the store
 * its screens read.
 *
 * Three unique works, all safe to enqueue again on every app start:
 * - the periodic sync ([HeatSyncWorker]);
 * - a content-URI trigger on `CalendarContract.Events` ([CalendarChangeWorker]),
 *   so that calendar edits reach the store within about a minute;
 * - a one-off sync ([syncNow]), which the trigger and the app request.
 */
object HeatSync {
    /** The scope the device calendar is stored under by default; screens read this scope. */
    const val SCOPE = HeatSyncConfig.DEFAULT_SCOPE

    /**
     * In `noBackupFilesDir`: the app's private storage, left out of cloud
     * backups because the store is a copy of the calendar (rebuilt by the next
     * sync on a new device) and holds personal data.
     */
    private const val STORE_FILE = "flowstate-heat.sqlite"

    private const val PERIODIC_WORK = "app.flowstate.heat.sync.periodic"
    private const val SYNC_NOW_WORK = "app.flowstate.heat.sync.now"
    private const val CALENDAR_CHANGE_WORK = "app.flowstate.heat.sync.calendar-change"

    /**
     * Schedules the periodic sync and the calendar-change trigger. A changed
     * [config] or [repeatInterval] replaces the scheduled one
     * (`ExistingPeriodicWorkPolicy.UPDATE`) without resetting its period.
     */
    @JvmOverloads
    fun schedule(
        context: Context,
        config: HeatSyncConfig = HeatSyncConfig(),
        repeatInterval: Duration = SyncTiming.DEFAULT_REPEAT_INTERVAL,
    ) {
        val input = workData(config)
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
        WorkManager.getInstance(context)
            .enqueueUniquePeriodicWork(PERIODIC_WORK, ExistingPeriodicWorkPolicy.UPDATE, periodic)
        armCalendarChangeTrigger(context, input, ExistingWorkPolicy.REPLACE)
    }

    /** Asks for a sync as soon as possible, e.g. right after the user granted `READ_CALENDAR`. */
    @JvmOverloads
    fun syncNow(context: Context, config: HeatSyncConfig = HeatSyncConfig()) = syncNow(context, workData(config))

    /** Cancels every scheduled sync; the store file stays. */
    fun cancel(context: Context) {
        val workManager = WorkManager.getInstance(context)
        for (name in listOf(PERIODIC_WORK, SYNC_NOW_WORK, CALENDAR_CHANGE_WORK)) workManager.cancelUniqueWork(name)
    }

    fun storeFile(context: Context): HeatStoreFile = HeatStoreFile(File(context.noBackupFilesDir, STORE_FILE))

    /**
     * Opens the store for a screen (blocking: call it off the main thread, and
     * `close()` the store when done). Every opener gets its own connection.
     */
    fun openStore(context: Context): HeatStore = storeFile(context).open()

    /** A newer sync request replaces one not yet finished: it reads the calendar afresh. */
    internal fun syncNow(context: Context, input: Data) {
        val request = OneTimeWorkRequestBuilder<HeatSyncWorker>()
            .setInputData(input)
            .setConstraints(Constraints.Builder().setRequiresStorageNotLow(true).build())
            .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, SyncTiming.INITIAL_BACKOFF.toJavaDuration())
            .build()
        WorkManager.getInstance(context).enqueueUniqueWork(SYNC_NOW_WORK, ExistingWorkPolicy.REPLACE, request)
    }

    internal fun armCalendarChangeTrigger(context: Context, input: Data, policy: ExistingWorkPolicy) {
        val onCalendarChange = Constraints.Builder()
            .addContentUriTrigger(CalendarContract.Events.CONTENT_URI, true)
            .setTriggerContentUpdateDelay(SyncTiming.CHANGE_SETTLE_DELAY.toJavaDuration())
            .setTriggerContentMaxDelay(SyncTiming.CHANGE_MAX_DELAY.toJavaDuration())
            .build()
        val request = OneTimeWorkRequestBuilder<CalendarChangeWorker>()
            .setInputData(input)
            .setConstraints(onCalendarChange)
            .build()
        WorkManager.getInstance(context).enqueueUniqueWork(CALENDAR_CHANGE_WORK, policy, request)
    }

    private fun workData(config: HeatSyncConfig): Data = Data.Builder().putAll(config.toKeyValues()).build()
}
