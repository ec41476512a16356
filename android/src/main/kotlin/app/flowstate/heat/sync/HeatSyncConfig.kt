package app.flowstate.heat.sync

import app.flowstate.heat.SyncPlan
import java.time.LocalDate
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * What the app configures about its background sync: the sync job's plan
 * minus the day and zone, which each run takes from the device, plus which
 * calendars count. What the numbers mean, and every check of them, is the
 * job's (`docs/contract.md` "Sync job"): a plan it refuses ends each run as
 * `invalidPlan`.
 *
 * @param budget the run's time budget. At most [MAX_BUDGET], well under
 *   WorkManager's 10-minute limit, so a run is never stopped for overrunning:
 *   the only check made here, because the limit is Android's.
 * @param includeHiddenCalendars see [InstanceMapping].
 */
data class HeatSyncConfig(
    val scope: String = DEFAULT_SCOPE,
    val pastDays: Int = 7,
    val futureDays: Int = 42,
    val windowDays: Int = 7,
    val budget: Duration = 60.seconds,
    val includeHiddenCalendars: Boolean = false,
) {
    init {
        require(budget <= MAX_BUDGET) { "budget must be at most $MAX_BUDGET (WorkManager stops work after 10 minutes), was $budget" }
    }

    /** The job's plan for a run on [today] (the device's local date) in [timeZone] (the device's IANA zone). */
    fun plan(today: LocalDate, timeZone: String): SyncPlan =
        SyncPlan(scope, timeZone, today.toString(), pastDays, futureDays, windowDays, budget.inWholeMilliseconds)

    /**
     * The config as plain key-values, for the persisted schedule ([ScheduledSync];
     * preferences take strings, numbers and booleans); [fromKeyValues] reads it back.
     */
    fun toKeyValues(): Map<String, Any> = mapOf(
        KEY_SCOPE to scope,
        KEY_PAST_DAYS to pastDays,
        KEY_FUTURE_DAYS to futureDays,
        KEY_WINDOW_DAYS to windowDays,
        KEY_BUDGET_MS to budget.inWholeMilliseconds,
        KEY_INCLUDE_HIDDEN to includeHiddenCalendars,
    )

    companion object {
        const val DEFAULT_SCOPE = "device-calendar"
        val MAX_BUDGET: Duration = 5.minutes

        private const val KEY_SCOPE = "heat.scope"
        private const val KEY_PAST_DAYS = "heat.pastDays"
        private const val KEY_FUTURE_DAYS = "heat.futureDays"
        private const val KEY_WINDOW_DAYS = "heat.windowDays"
        private const val KEY_BUDGET_MS = "heat.budgetMs"
        private const val KEY_INCLUDE_HIDDEN = "heat.includeHiddenCalendars"

        /** Reads [toKeyValues]' output; a missing key takes its default (a schedule persisted by an older version). */
        fun fromKeyValues(values: Map<String, Any?>): HeatSyncConfig {
            val defaults = HeatSyncConfig()
            return HeatSyncConfig(
                scope = values[KEY_SCOPE] as? String ?: defaults.scope,
                pastDays = values[KEY_PAST_DAYS] as? Int ?: defaults.pastDays,
                futureDays = values[KEY_FUTURE_DAYS] as? Int ?: defaults.futureDays,
                windowDays = values[KEY_WINDOW_DAYS] as? Int ?: defaults.windowDays,
                budget = (values[KEY_BUDGET_MS] as? Long)?.milliseconds ?: defaults.budget,
                includeHiddenCalendars = values[KEY_INCLUDE_HIDDEN] as? Boolean ?: defaults.includeHiddenCalendars,
            )
        }
    }
}
