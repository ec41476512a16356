package app.flowstate.heat.android

import android.content.Context
import androidx.work.Data
import app.flowstate.heat.HeatStore
import app.flowstate.heat.StoreVersion
import app.flowstate.heat.SyncJob
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.StoreChanges
import app.flowstate.heat.sync.SyncScheduling
import app.flowstate.heat.sync.SyncTiming
import kotlinx.coroutines.flow.Flow
import java.io.File
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * What an app calls: schedule the background sync once, and open the store
 * its screens read.
 *
 * Three unique works, all safe to request again on every app start
 * ([SyncScheduling] says how each is requested):
 * - the periodic sync ([HeatSyncWorker]);
 * - a content-URI trigger on `CalendarContract.Events` ([CalendarChangeWorker]),
 *   best effort: Doze and app standby buckets defer it;
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

    /**
     * Schedules the periodic sync and the calendar-change trigger. A changed
     * [config] or [repeatInterval] replaces the scheduled one without
     * resetting its period.
     */
    @JvmOverloads
    fun schedule(
        context: Context,
        config: HeatSyncConfig = HeatSyncConfig(),
        repeatInterval: Duration = SyncTiming.DEFAULT_REPEAT_INTERVAL,
    ) = SyncScheduling.schedule(WorkManagerQueue(context, workData(config), repeatInterval))

    /**
     * Asks for a sync as soon as possible, e.g. right after the user granted
     * `READ_CALENDAR`; a sync already waiting or running is enough.
     */
    @JvmOverloads
    fun syncNow(context: Context, config: HeatSyncConfig = HeatSyncConfig()) =
        WorkManagerQueue(context, workData(config)).requestSync(SyncScheduling.SYNC_ON_REQUEST)

    /** Cancels every scheduled sync, the trigger first; the store file stays. */
    fun cancel(context: Context) = SyncScheduling.cancel(WorkManagerQueue(context, Data.EMPTY))

    fun storePath(context: Context): String = File(context.noBackupFilesDir, STORE_FILE).path

    /**
     * Opens the store read-only for a screen (blocking: call it off the main
     * thread, and `close()` the store when done): it never creates, migrates
     * or writes the file; before the first sync it throws `HeatException`.
     */
    fun openStore(context: Context): HeatStore = HeatStore.openReadOnly(storePath(context))

    /**
     * The store's version for [scope] while collected: collect it while the
     * screen is started and reload on each value ([StoreChanges]).
     */
    @JvmOverloads
    fun changes(context: Context, scope: String = SCOPE, pollEvery: Duration = 30.seconds): Flow<StoreVersion> =
        StoreChanges.versions(storePath(context), scope, pollEvery)

    private var job: SyncJob? = null

    /**
     * The process's one job: the periodic and the one-off work share it, so a
     * second run while one is in progress returns `alreadyRunning` at once
     * instead of repeating it.
     */
    @Synchronized
    internal fun syncJob(context: Context): SyncJob = job ?: SyncJob(storePath(context)).also { job = it }

    private fun workData(config: HeatSyncConfig): Data = Data.Builder().putAll(config.toKeyValues()).build()
}
