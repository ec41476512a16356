package app.flowstate.heat.sync

import app.flowstate.heat.CalendarSource
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncPlan
import app.flowstate.heat.SyncSummary
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope

/**
 * Runs the job on [Dispatchers.IO], the coroutine way: cancelling the caller
 * (WorkManager stopping a `CoroutineWorker`, whose `onStopped` is final and
 * cancels `doWork`) cancels the run's [cancellation], made for this run
 * only, which stops it at once with the window in progress unchanged
 * (`docs/contract.md` "Sync job"); the caller still sees the
 * [CancellationException], after the run returned.
 *
 * A run that changed its scope (cancelled or not) nudges [StoreChanges], so
 * screens in this process reload without waiting for their next poll.
 */
suspend fun SyncJob.runCancellable(
    plan: SyncPlan,
    source: CalendarSource,
    cancellation: SyncCancellation = SyncCancellation(),
): SyncSummary = coroutineScope {
    val running = async(Dispatchers.IO) {
        run(plan, source, cancellation).also { summary ->
            if (summary.windows.any { it.outcome.changed }) StoreChanges.nudge(plan.scope)
        }
    }
    try {
        running.await()
    } catch (cancelled: CancellationException) {
        cancellation.cancel()
        throw cancelled // coroutineScope returns only once the run has returned
    }
}
