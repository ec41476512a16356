package app.flowstate.heat.sync

import app.flowstate.heat.CalendarSource
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncPlan
import app.flowstate.heat.SyncSummary
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope

/**
 * Runs the job on [runOn] (blocking: [Dispatchers.IO]), the coroutine way, with its own
 * [SyncCancellation] made before the run starts: cancelling the caller
 * (WorkManager stopping a `CoroutineWorker`, whose `onStopped` is final and
 * cancels `doWork`) cancels exactly this run — before it began too (the
 * handle stays armed, the run then ends at once), never another worker's —
 * and calls [onStop] (e.g. to cancel the provider query in progress). The
 * window in progress stays unchanged (`docs/contract.md` "Sync job"); the
 * caller still sees the [CancellationException], after the run returned.
 *
 * A run that changed its scope (cancelled or not) nudges [StoreChanges], so
 * screens in this process reload without waiting for their next poll.
 */
suspend fun SyncJob.runCancellable(
    plan: SyncPlan,
    source: CalendarSource,
    runOn: CoroutineDispatcher = Dispatchers.IO,
    onStop: () -> Unit = {},
): SyncSummary =
    SyncCancellation().use { cancellation ->
        coroutineScope {
            val running = async(runOn) {
                run(plan, source, cancellation).also { summary ->
                    if (summary.windows.any { it.outcome.changed }) StoreChanges.nudge(plan.scope)
                }
            }
            try {
                running.await()
            } catch (cancelled: CancellationException) {
                cancellation.cancel()
                onStop()
                throw cancelled // coroutineScope returns only once the run has returned
            }
        }
    }
