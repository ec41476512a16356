package app.flowstate.heat.sync

import app.flowstate.heat.TimeRange

/** How a sync run ended. */
enum class HeatSyncStatus {
    /** Every window of the run was reconciled. */
    COMPLETE,

    /** The budget ran out after at least the first window; later weeks wait for the next run. */
    OUT_OF_TIME,

    /** The app may not read the calendar: nothing was read and the store was not touched. */
    PERMISSION_MISSING,

    /** Reading the calendar failed: the window being read, and every later one, was not touched. */
    READ_FAILED,

    /** The store refused or failed a call ([HeatSyncSummary.failure] says how); that window is unchanged. */
    STORE_FAILED,
}

/**
 * What a sync run did, for the scheduler's decision ([WorkOutcome]) and for
 * screens that want to refresh only what changed.
 *
 * @param windowsReconciled windows whose reconcile call succeeded, changed or not.
 * @param windowsChanged of those, the ones whose stored state was replaced.
 * @param daysReplaced local days whose stored state was replaced, over all windows.
 * @param replacedRanges the time ranges that changed, over all windows.
 * @param failure the exception behind [HeatSyncStatus.READ_FAILED] or
 *   [HeatSyncStatus.STORE_FAILED]; its message never holds event titles.
 */
data class HeatSyncSummary(
    val status: HeatSyncStatus,
    val windowsReconciled: Int,
    val windowsChanged: Int,
    val daysReplaced: Int,
    val replacedRanges: List<TimeRange>,
    val failure: Exception? = null,
)
