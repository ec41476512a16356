package app.flowstate.heat.sync

import app.flowstate.heat.SyncStop

/**
 * What a background job tells its scheduler after a sync job's run, decided
 * from the run's [SyncStop] so the Android worker only translates it into a
 * WorkManager `Result`. Everything the run itself decides (a damaged store
 * rebuilt, windows guarded, the budget) is the job's.
 */
enum class WorkOutcome {
    SUCCESS,

    /** The calendar or the store failed for now (provider busy, disk full, database locked): run again after backoff. */
    RETRY,

    /** A transient failure that kept failing: this one-off gives up; a periodic job still runs next period. */
    FAILURE,
    ;

    companion object {
        /** Runs of one scheduled job, the first included, before a transient failure counts as a failure. */
        const val MAX_ATTEMPTS = 5

        /**
         * Retry for `sourceFailed` and `storeFailed`; success for everything
         * else. Without calendar access nothing is retried: the permission
         * comes back through the app (which then asks for a sync), not
         * through backoff.
         *
         * @param runAttemptCount WorkManager's count of earlier runs of this job (0 on the first).
         */
        fun of(stop: SyncStop, runAttemptCount: Int): WorkOutcome = when (stop) {
            is SyncStop.SourceFailed, is SyncStop.StoreFailed ->
                if (runAttemptCount + 1 < MAX_ATTEMPTS) RETRY else FAILURE
            SyncStop.Completed, SyncStop.BudgetSpent, SyncStop.Cancelled, SyncStop.AlreadyRunning,
            is SyncStop.AccessNotGranted, is SyncStop.InvalidPlan,
            -> SUCCESS
        }
    }
}
