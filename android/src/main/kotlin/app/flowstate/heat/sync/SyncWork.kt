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
    /**
     * What happened, for the worker's result, its output data and the log:
     * [logLine] is the job's one line per run (stop, disposition, windows,
     * counts, duration; never titles, locations or ids), or why no run.
     */
    data class Report(val outcome: WorkOutcome, val summary: SyncSummary?, val logLine: String) {
        /** The worker's output data (`WorkInfo.outputData`), so an app can observe the run. */
        fun outputValues(): Map<String, Any> = buildMap {
            put(KEY_LOG_LINE, logLine)
            summary?.let {
                put(KEY_DISPOSITION, it.disposition.name)
                put(KEY_WINDOWS, it.windows.size)
                put(KEY_WINDOWS_CHANGED, it.windows.count { window -> window.outcome.changed })
                put(KEY_DURATION_MICROS, it.durationMicros)
            }
        }
    }

    suspend fun run(runAttemptCount: Int): Report = try {
        val schedule = scheduling.scheduled()
        if (schedule == null) {
            Report(WorkOutcome.SUCCESS, null, "no run: not scheduled, the work removed itself")
        } else {
            val summary = runner.run(schedule.config)
            scheduling.afterRun(permitted())
            Report(WorkOutcome.of(summary.disposition, runAttemptCount), summary, summary.logLine)
        }
    } catch (stopped: CancellationException) {
        throw stopped
    } catch (unexpected: Throwable) {
        Report(WorkOutcome.afterError(runAttemptCount), null, "no run: unexpected ${unexpected::class.java.name}")
    }

    companion object {
        const val KEY_LOG_LINE = "heat.logLine"
        const val KEY_DISPOSITION = "heat.disposition"
        const val KEY_WINDOWS = "heat.windows"
        const val KEY_WINDOWS_CHANGED = "heat.windowsChanged"
        const val KEY_DURATION_MICROS = "heat.durationMicros"
    }
}
