package app.flowstate.heat.sync

import app.flowstate.heat.SyncPlan
import app.flowstate.heat.defaultSyncPlan
import java.time.LocalDate
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes

/**
 * What the app configures about its background sync: the scope, which
 * calendars count, and, only where the app needs them, overrides of the
 * sync job's plan. The plan's defaults (days back and ahead, window size,
 * budget) live only in Rust (`defaultSyncPlan`); what the numbers mean, and
 * every check of them, is the job's (`docs/contract.md` "Sync job"): a plan
 * it refuses ends each run as `invalidPlan` (`GIVE_UP`).
 *
 * @param budget the run's time budget, if not the job's. At most
 *   [MAX_BUDGET], well under WorkManager's 10-minute limit, so a run is never
 *   stopped for overrunning: the only check made here, because the limit is
 *   Android's.
 * @param includeHiddenCalendars see [InstanceMapping].
 */
data class HeatSyncConfig(
    val scope: String = DEFAULT_SCOPE,
    val pastDays: Int? = null,
    val futureDays: Int? = null,
    val windowDays: Int? = null,
    val budget: Duration? = null,
    val includeHiddenCalendars: Boolean = false,
) {
    init {
        require(budget == null || budget <= MAX_BUDGET) {
            "budget must be at most $MAX_BUDGET (WorkManager stops work after 10 minutes), was $budget"
        }
    }

    /** The job's plan for a run on [today] (the device's local date) in [timeZone] (the device's IANA zone). */
    fun plan(today: LocalDate, timeZone: String): SyncPlan {
        val default = defaultSyncPlan(scope, timeZone, today.toString())
        return default.copy(
            pastDays = pastDays ?: default.pastDays,
            futureDays = futureDays ?: default.futureDays,
            windowDays = windowDays ?: default.windowDays,
            budgetMillis = budget?.inWholeMilliseconds ?: default.budgetMillis,
        )
    }

    /**
     * The config as plain key-values, for the persisted schedule ([ScheduledSync];
     * preferences take strings, numbers and booleans); [fromKeyValues] reads it back.
     */
    fun toKeyValues(): Map<String, Any> = listOfNotNull(
        KEY_SCOPE to scope,
        pastDays?.let { KEY_PAST_DAYS to it },
        futureDays?.let { KEY_FUTURE_DAYS to it },
        windowDays?.let { KEY_WINDOW_DAYS to it },
        budget?.let { KEY_BUDGET_MS to it.inWholeMilliseconds },
        KEY_INCLUDE_HIDDEN to includeHiddenCalendars,
    ).toMap()

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
        fun fromKeyValues(values: Map<String, Any?>) = HeatSyncConfig(
            scope = values[KEY_SCOPE] as? String ?: DEFAULT_SCOPE,
            pastDays = values[KEY_PAST_DAYS] as? Int,
            futureDays = values[KEY_FUTURE_DAYS] as? Int,
            windowDays = values[KEY_WINDOW_DAYS] as? Int,
            budget = (values[KEY_BUDGET_MS] as? Long)?.milliseconds,
            includeHiddenCalendars = values[KEY_INCLUDE_HIDDEN] as? Boolean ?: false,
        )
    }
}
