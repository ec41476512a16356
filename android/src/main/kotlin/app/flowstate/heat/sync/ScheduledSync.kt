package app.flowstate.heat.sync

import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds

/**
 * What the app last scheduled: the one configuration every worker reads
 * (never a copy in a work request's input) and the periodic interval.
 */
data class ScheduledSync(
    val config: HeatSyncConfig = HeatSyncConfig(),
    val repeatInterval: Duration = SyncTiming.DEFAULT_REPEAT_INTERVAL,
) {
    /** As plain key-values for a preferences file; [fromKeyValues] reads them back. */
    fun toKeyValues(): Map<String, Any> = config.toKeyValues() + (KEY_INTERVAL_MS to repeatInterval.inWholeMilliseconds)

    companion object {
        private const val KEY_INTERVAL_MS = "heat.repeatIntervalMs"

        /** A missing key takes its default (a file written by an older version). */
        fun fromKeyValues(values: Map<String, Any?>) = ScheduledSync(
            HeatSyncConfig.fromKeyValues(values),
            (values[KEY_INTERVAL_MS] as? Long)?.milliseconds ?: SyncTiming.DEFAULT_REPEAT_INTERVAL,
        )
    }
}

/**
 * Where [ScheduledSync] is kept across process deaths: written before any
 * work is touched, so that a worker started by a dead process's work, or
 * after a cancel whose WorkManager operations were lost with the process,
 * reads what the app last decided. On Android a private preferences file,
 * written synchronously.
 */
interface ScheduleStore {
    /** The last schedule, or null when the app never scheduled or cancelled since. */
    fun load(): ScheduledSync?

    fun save(schedule: ScheduledSync?)
}
