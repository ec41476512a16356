package app.flowstate.heat.sync

import app.flowstate.heat.HeatException
import app.flowstate.heat.ReconcileOptions
import app.flowstate.heat.TimeRange
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.withContext
import java.time.LocalDate
import kotlin.time.TimeSource

/**
 * One sync of the device calendar into the store: the whole decision logic
 * of the background job, free of Android types.
 *
 * Per window, in [SyncWindows] order: read the calendar's instances, map them
 * ([InstanceMapping]) and reconcile. The store is never emptied on a guess:
 * without read permission nothing is read or written, and a failed read ends
 * the run before that window is touched. Only a read that succeeded is
 * evidence that the calendar really holds what was read, so only then is
 * `allowEmpty` passed — an empty result from a readable calendar must clear
 * the window, or deleted events would stay on screen forever.
 *
 * Cancelling the coroutine (WorkManager stopping the worker) interrupts the
 * running reconcile, which rolls back: the store keeps its previous state.
 */
class HeatSyncRunner(
    private val storeFile: HeatStoreFile,
    private val source: CalendarSource,
    private val config: HeatSyncConfig = HeatSyncConfig(),
    private val timeSource: TimeSource = TimeSource.Monotonic,
) {
    private val mapping = InstanceMapping(config.includeHiddenCalendars)

    /**
     * Syncs the weeks from [today] (the device's local date) as seen from
     * [timeZone], the device's IANA zone.
     */
    suspend fun sync(today: LocalDate, timeZone: String): HeatSyncSummary = withContext(Dispatchers.IO) {
        val started = timeSource.markNow()
        val progress = Progress()
        if (!source.hasReadPermission()) return@withContext progress.end(HeatSyncStatus.PERMISSION_MISSING)
        try {
            storeFile.open().use { store ->
                for ((index, startDate) in SyncWindows.startDates(today, config.weeks).withIndex()) {
                    if (index > 0 && started.elapsedNow() >= config.budget) {
                        return@withContext progress.end(HeatSyncStatus.OUT_OF_TIME)
                    }
                    val window = SyncWindows.window(startDate, timeZone)
                    val rows = try {
                        source.readInstances(window)
                    } catch (cancelled: CancellationException) {
                        throw cancelled
                    } catch (failed: Exception) {
                        return@withContext progress.end(HeatSyncStatus.READ_FAILED, failed)
                    }
                    val events = mapping.toSourceEvents(rows)
                    ensureActive()
                    val outcome = store.interruptibly {
                        reconcileHeat(config.scope, window, events, ReconcileOptions(allowEmpty = true))
                    }
                    progress.add(outcome.changed, outcome.daysReplaced, outcome.replacedRanges)
                }
            }
        } catch (failed: HeatException) {
            return@withContext progress.end(HeatSyncStatus.STORE_FAILED, failed)
        }
        progress.end(HeatSyncStatus.COMPLETE)
    }

    private class Progress {
        private var reconciled = 0
        private var changed = 0
        private var days = 0
        private val ranges = mutableListOf<TimeRange>()

        fun add(windowChanged: Boolean, daysReplaced: Int, replacedRanges: List<TimeRange>) {
            reconciled++
            if (windowChanged) changed++
            days += daysReplaced
            ranges += replacedRanges
        }

        fun end(status: HeatSyncStatus, failure: Exception? = null) =
            HeatSyncSummary(status, reconciled, changed, days, ranges.toList(), failure)
    }
}
