package app.flowstate.heat.sync

import app.flowstate.heat.SyncSummary
import kotlinx.coroutines.CancellationException

/**
 * What a sync worker (periodic, one-off, from a push) does, in every
 * lifecycle: reads the one persisted configuration ([SyncScheduling.scheduled];
 * after a cancel nothing runs and the work removes itself), runs the job
 * once ([SyncRunner]), re-arms a trigger lost with the process, and chooses
 * the result from the run's disposition ([WorkOutcome]).
 *
 * It never throws, except the coroutine's cancellation, which is WorkManager
 * stopping the worker (the work is then enqueued again, `WorkerWrapper`'s
 * `ResetWorkerStatus`). Any other exception would fail the work for good,
 * periodic work included ([WorkOutcome]).
 */
class SyncWork(
    private val scheduling: SyncScheduling,
    private val runner: SyncRunner,
    private val permitted: () -> Boolean,
) {
    /** What happened, for the worker's result, its output data and the log. */
    data class Report(val outcome: WorkOutcome, val summary: SyncSummary?, val note: String)

    suspend fun run(runAttemptCount: Int): Report = try {
        val schedule = scheduling.scheduled()
        if (schedule == null) {
            Report(WorkOutcome.SUCCESS, null, "not scheduled: the work removed itself")
        } else {
            val summary = runner.run(schedule.config)
            scheduling.afterRun(permitted())
            Report(WorkOutcome.of(summary.disposition, runAttemptCount), summary, summary.disposition.name)
        }
    } catch (stopped: CancellationException) {
        throw stopped
    } catch (unexpected: Throwable) {
        Report(WorkOutcome.afterError(runAttemptCount), null, "unexpected ${unexpected::class.java.name}")
    }
}
