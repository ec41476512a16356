package app.flowstate.heat.sync

import app.flowstate.heat.SyncDisposition

/**
 * What a sync worker tells WorkManager, chosen here and only here from the
 * run's disposition (computed by the sync job), so the Android worker only
 * translates it into a `Result`.
 *
 * Never a failure, for either kind of work (androidx `WorkerWrapper.kt`,
 * `handleResult`):
 * - a one-off sync is unique work that later requests are appended to
 *   (`APPEND_OR_REPLACE`); `Result.failure()` runs `setFailed`, which fails
 *   every work appended behind it (`iterativelyFailWorkAndDependents`), so
 *   the change that appended it would never be synced;
 * - for periodic work, failure and success both run `resetPeriodic` (the
 *   work stays enqueued for its next period): nothing to gain.
 * Only an exception out of `doWork` fails periodic work for good
 * (`runWorker` turns it into `Resolution.Failed`, i.e. `setFailed`, periodic
 * or not); [SyncWork] therefore never lets one out.
 */
enum class WorkOutcome {
    SUCCESS,

    /**
     * Run again after backoff (`Result.retry()`: `reschedule`; work appended
     * behind stays blocked until this one succeeds). A one-off that met
     * another run in progress (`alreadyRunning`) thus starts again after it.
     */
    RETRY,
    ;

    companion object {
        /** Runs of one scheduled work, the first included, before a transient stop counts as done. */
        const val MAX_ATTEMPTS = 5

        /**
         * Retry for `RETRY_LATER` (a budget spent, a stop, another run in
         * progress, a failing calendar or store) until the attempts run out,
         * then success: the next periodic run picks it up. Everything else
         * succeeds: `NEEDS_USER` comes back through the app (which then asks
         * for a sync), `GIVE_UP` would fail again.
         *
         * @param runAttemptCount WorkManager's count of earlier runs of this work (0 on the first).
         */
        fun of(disposition: SyncDisposition, runAttemptCount: Int): WorkOutcome = when (disposition) {
            SyncDisposition.RETRY_LATER -> retryUnlessSpent(runAttemptCount)
            SyncDisposition.DONE, SyncDisposition.NEEDS_USER, SyncDisposition.GIVE_UP -> SUCCESS
        }

        /** A worker that met an unexpected error (it never throws): retried like [SyncDisposition.RETRY_LATER]. */
        fun afterError(runAttemptCount: Int): WorkOutcome = retryUnlessSpent(runAttemptCount)

        private fun retryUnlessSpent(runAttemptCount: Int) = if (runAttemptCount + 1 < MAX_ATTEMPTS) RETRY else SUCCESS
    }
}
