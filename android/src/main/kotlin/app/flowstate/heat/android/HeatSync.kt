package app.flowstate.heat.android

import android.content.Context
import app.flowstate.heat.HeatStore
import app.flowstate.heat.StoreVersion
import app.flowstate.heat.SyncJob
import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.ScheduledSync
import app.flowstate.heat.sync.StoreChanges
import app.flowstate.heat.sync.SyncScheduling
import app.flowstate.heat.sync.SyncTiming
import app.flowstate.heat.time.JavaTimeZoneRules
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.flowOn
import java.io.File
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * What an app calls: schedule the background sync once, ask for a sync
 * (the app, a push), and open the store its screens read.
 *
 * Three unique works ([SyncScheduling] says how each is requested, tested on
 * a model of WorkManager and the app's process):
 * - the periodic sync ([HeatSyncWorker]);
 * - a content-URI trigger on `CalendarContract.Events` ([CalendarChangeWorker]),
 *   best effort: Doze and app standby buckets defer it;
 * - a one-off sync, which the trigger, a push and the app request.
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
     * Schedules the periodic sync and the calendar-change trigger; call it in
     * `Application.onCreate`. It reads (and, when changed, writes) one small
     * private preferences file on the calling thread, so that a cancel or a
     * new configuration holds before any work is touched. Safe on every
     * start: it persists [config] and
     * [repeatInterval], which every worker reads, and never cancels or
     * replaces work that is enqueued or running (the work that woke the
     * process among them). A changed [config] queues one sync after any in
     * progress; a changed [repeatInterval] updates the periodic work.
     */
    @JvmOverloads
    fun schedule(
        context: Context,
        config: HeatSyncConfig = HeatSyncConfig(),
        repeatInterval: Duration = SyncTiming.DEFAULT_REPEAT_INTERVAL,
    ) = scheduling(context).schedule(ScheduledSync(config, repeatInterval))

    /**
     * Asks for a sync that starts after this call, e.g. right after the user
     * granted `READ_CALENDAR`, with the scheduled configuration. Nothing
     * when the sync is not scheduled (never, or cancelled).
     */
    fun syncNow(context: Context) = scheduling(context).requestSync(expedited = false)

    /**
     * For the app's messaging service, when a push says the calendar changed
     * on the server (docs/push.md): an expedited sync that starts after this
     * call, as ordinary work when the app is out of expedited quota.
     */
    fun syncFromPush(context: Context) = scheduling(context).requestSync(expedited = true)

    /**
     * Cancels every scheduled sync, the trigger first; the store file stays.
     * It holds across process deaths until the app calls [schedule] again.
     */
    fun cancel(context: Context) = scheduling(context).cancel()

    fun storePath(context: Context): String = File(context.noBackupFilesDir, STORE_FILE).path

    /**
     * The process's zone database over the device's rules ([JavaTimeZoneRules]),
     * the one the store and the job resolve zones with, so each zone is asked
     * of java.time once per process: build a screen's windows with it
     * (`HeatSync.zones.windowOfDays(...)`). Built on first use (a worker or a
     * screen's reader), which loads the native library and lists java.time's
     * zones: off the main thread.
     */
    val zones: ZoneDatabase by lazy { ZoneDatabase.host(JavaTimeZoneRules()) }

    /**
     * Opens the store read-only for a screen (blocking: call it off the main
     * thread, and `close()` the store when done): it never creates, migrates
     * or writes the file; before the first sync it throws `HeatException`.
     * The store resolves time zones with the device's rules.
     */
    fun openStore(context: Context): HeatStore = HeatStore.openReadOnly(storePath(context), zones)

    /**
     * The store's version for [scope] while collected: collect it while the
     * screen is started and reload on each value ([StoreChanges]). Safe to
     * call on the main thread: the store's path (`noBackupFilesDir` may
     * create the folder) and the engine are reached only on
     * `Dispatchers.IO`, when collected.
     */
    @JvmOverloads
    fun changes(context: Context, scope: String = SCOPE, pollEvery: Duration = 30.seconds): Flow<StoreVersion> =
        flow {
            emitAll(StoreChanges.versions(storePath(context), zones, scope, pollEvery))
        }.flowOn(Dispatchers.IO)

    internal fun scheduling(context: Context) =
        SyncScheduling(WorkManagerQueue(context), PreferencesScheduleStore(context.applicationContext))

    private var job: SyncJob? = null

    /**
     * The process's one job: the periodic and the one-off work share it, so a
     * second run while one is in progress returns `alreadyRunning` at once
     * (and is retried after it) instead of repeating it.
     */
    @Synchronized
    internal fun syncJob(context: Context): SyncJob =
        job ?: SyncJob(storePath(context), zones).also { job = it }
}
