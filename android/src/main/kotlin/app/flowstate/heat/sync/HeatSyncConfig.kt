package app.flowstate.heat.sync

import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * What one sync run covers.
 *
 * @param scope the store partition the device calendar is kept in; screens
 *   read the same scope.
 * @param weeks how many weeks from today are kept in sync (the first always,
 *   the rest while [budget] lasts).
 * @param budget how long a run may start new windows; a window already
 *   started finishes. At most [MAX_BUDGET], well under WorkManager's
 *   10-minute limit, so a run is not stopped for overrunning.
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
        require(budget.isPositive() && budget <= MAX_BUDGET) {
            "budget must be positive and at most $MAX_BUDGET, was $budget"
        }
    }

    /**
     * The config as plain key-values, for a background job's input (WorkManager
     * `Data` takes strings, numbers and booleans); [fromKeyValues] reads it back.
     */
    fun toKeyValues(): Map<String, Any> = mapOf(
        KEY_SCOPE to scope,
        KEY_WEEKS to weeks,
        KEY_BUDGET_MS to budget.inWholeMilliseconds,
        KEY_INCLUDE_HIDDEN to includeHiddenCalendars,
    )

    companion object {
        const val DEFAULT_SCOPE = "device-calendar"
        const val MAX_WEEKS = 52
        val MAX_BUDGET: Duration = 5.minutes

        private const val KEY_SCOPE = "heat.scope"
        private const val KEY_WEEKS = "heat.weeks"
        private const val KEY_BUDGET_MS = "heat.budgetMs"
        private const val KEY_INCLUDE_HIDDEN = "heat.includeHiddenCalendars"

        /** Reads [toKeyValues]' output; a missing key takes its default (work scheduled by an older version). */
        fun fromKeyValues(values: Map<String, Any?>): HeatSyncConfig {
            val defaults = HeatSyncConfig()
            return HeatSyncConfig(
                scope = values[KEY_SCOPE] as? String ?: defaults.scope,
                weeks = values[KEY_WEEKS] as? Int ?: defaults.weeks,
                budget = (values[KEY_BUDGET_MS] as? Long)?.milliseconds ?: defaults.budget,
                includeHiddenCalendars = values[KEY_INCLUDE_HIDDEN] as? Boolean ?: defaults.includeHiddenCalendars,
            )
        }
    }
}
