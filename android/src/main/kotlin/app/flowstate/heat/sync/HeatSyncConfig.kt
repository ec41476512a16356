package app.flowstate.heat.sync

import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * What one sync run covers.
 *
 * @param scope the store partition the device calendar is kept in; screens
 *   read the same scope.
 * @param weeks how many weeks from today are kept in sync (the first always,
 *   the rest while [budget] lasts).
 * @param budget how long a run may start new windows; a window already
 *   started finishes. Well under WorkManager's 10-minute limit, so a run is
 *   never stopped for overrunning.
 * @param includeHiddenCalendars see [InstanceMapping].
 */
data class HeatSyncConfig(
    val scope: String = DEFAULT_SCOPE,
    val weeks: Int = 8,
    val budget: Duration = 60.seconds,
    val includeHiddenCalendars: Boolean = false,
) {
    init {
        require(scope.isNotEmpty()) { "scope must not be empty" }
        require(weeks in 1..MAX_WEEKS) { "weeks must be 1 to $MAX_WEEKS, was $weeks" }
        require(budget.isPositive()) { "budget must be positive, was $budget" }
    }

    companion object {
        const val DEFAULT_SCOPE = "device-calendar"
        const val MAX_WEEKS = 52
    }
}
