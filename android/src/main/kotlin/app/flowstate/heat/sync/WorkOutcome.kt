package app.flowstate.heat.sync

import app.flowstate.heat.HeatException

/**
 * What a background job tells its scheduler after a run. Decided here, from
 * the run's summary, so the Android worker only translates it into a
 * WorkManager `Result`.
 */
enum class WorkOutcome {
    SUCCESS,

    /** A transient failure (provider busy, database locked): run again after backoff. */
    RETRY,

    /** The store file is corrupt: delete it, then run again to rebuild it from the calendar ([HeatStoreFile]). */
    DISCARD_STORE_AND_RETRY,

    /**
     * Retrying cannot help (no permission, a store from a newer app version,
     * a bug, or out of attempts); a periodic job still runs next period.
     */
    FAILURE,
    ;

    companion object {
        /** Runs of one scheduled job, the first included, before a transient failure counts as a failure. */
        const val MAX_ATTEMPTS = 5

        /** @param runAttemptCount WorkManager's count of earlier runs of this job (0 on the first). */
        fun of(summary: HeatSyncSummary, runAttemptCount: Int): WorkOutcome {
            val retry = if (runAttemptCount + 1 < MAX_ATTEMPTS) RETRY else FAILURE
            return when (summary.status) {
                HeatSyncStatus.COMPLETE, HeatSyncStatus.OUT_OF_TIME -> SUCCESS
                HeatSyncStatus.PERMISSION_MISSING -> FAILURE
                HeatSyncStatus.READ_FAILED -> retry
                HeatSyncStatus.STORE_FAILED -> when (summary.failure) {
                    is HeatException.Storage, is HeatException.Interrupted -> retry
                    is HeatException.CorruptDatabase -> if (retry == RETRY) DISCARD_STORE_AND_RETRY else FAILURE
                    else -> FAILURE
                }
            }
        }
    }
}
