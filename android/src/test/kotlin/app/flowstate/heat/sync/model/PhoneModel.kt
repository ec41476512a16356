package app.flowstate.heat.sync.model

import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.SyncDisposition
import app.flowstate.heat.SyncStop
import app.flowstate.heat.SyncSummary
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.ScheduleStore
import app.flowstate.heat.sync.ScheduledSync
import app.flowstate.heat.sync.SyncRunner
import app.flowstate.heat.sync.SyncScheduling
import app.flowstate.heat.sync.SyncTiming
import app.flowstate.heat.sync.SyncWork
import app.flowstate.heat.sync.WorkOutcome
import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlin.coroutines.resume
import kotlin.time.Duration
import kotlin.time.Duration.Companion.hours

/**
 * A phone running an app that uses the library as its README says
 * (`HeatSync.schedule` in `Application.onCreate`, `syncNow` once
 * `READ_CALENDAR` is granted, `syncFromPush` from its messaging service),
 * on the [WorkManagerModel]. The production scheduling ([SyncScheduling])
 * and worker body ([SyncWork]) run unchanged; the Rust job is a fake
 * ([FakeRunner]) whose runs take model time.
 *
 * Process rules:
 * - a cold start initializes WorkManager (`ForceStopRunnable` queued
 *   first), runs `Application.onCreate`, then what woke the process (a
 *   dispatched job, a push, the user): so onCreate's requests run before
 *   the start of the work that woke it;
 * - a death drops the process's memory (executor queue, workers, the job's
 *   one-run-at-a-time state); running workers never finish and run again
 *   after the next start; persisted state (WorkManager's database, the
 *   schedule, the app's own settings) stays;
 * - revoking a runtime permission kills the app's process (Android does);
 * - a worker's coroutine runs on `Dispatchers.Unconfined`: it runs at once
 *   up to the fake run's suspension, and on when the model finishes the run.
 *
 * Every public step leaves the executor drained (but [processDeath], which
 * may cut it short) and calls [invariants].
 */
class PhoneModel(val invariants: LifecycleInvariants = LifecycleInvariants()) {
    var now = 0L
        private set
    val timing = ModelTiming(
        initialBackoff = SyncTiming.INITIAL_BACKOFF.inWholeMilliseconds,
        contentSettleDelay = SyncTiming.CHANGE_SETTLE_DELAY.inWholeMilliseconds,
        contentMaxDelay = SyncTiming.CHANGE_MAX_DELAY.inWholeMilliseconds,
    )
    val workManager = WorkManagerModel({ now }, timing)

    /** The library's persisted schedule (a preferences file). */
    private val store = object : ScheduleStore {
        var saved: ScheduledSync? = null
        override fun load() = saved
        override fun save(schedule: ScheduledSync?) {
            saved = schedule
        }
    }

    var permission = true
        private set

    /** What the app decided (its own settings): whether it schedules in onCreate, and with what. */
    var appWantsSync = false
        private set
    var appSchedule = ScheduledSync()
        private set

    var runDuration = 20_000L
    private var throwOnNextRun = false
    private var process: AppProcess? = null
    /** Steps and run starts so far: what "after" means. */
    var events = 0L
        private set
    private var holdExecutor = false
    val runs = mutableListOf<RunRecord>()
    val trace = ArrayDeque<String>()

    val processAlive get() = process != null

    /** One sync run of the fake job: when it started (event order and time), where it wrote, how it ended. */
    class RunRecord(val event: Long, val startedAt: Long, val scope: String, val expedited: Boolean, val finishAt: Long) {
        var completedAt: Long? = null
        var ended = false
        var continuation: CancellableContinuation<SyncSummary>? = null
    }

    init {
        workManager.startWorker = ::startWorker
        workManager.stopWorker = { spec -> process?.workers?.get(spec.id)?.cancel() }
        workManager.onStateChange = { spec, from, to -> invariants.stateChanged(this, spec, from, to) }
    }

    /** The app's process: the library's objects as the app's code creates them. */
    private inner class AppProcess {
        val runner = FakeRunner()
        val scheduling = SyncScheduling(ModelQueue(workManager) { invariants.requested(this@PhoneModel, it) }, store)
        val workers = mutableMapOf<Int, Job>()
        var startingSpec: WorkSpec? = null
    }

    /** The Rust job's one-run-at-a-time and access checks, with runs the model finishes. */
    private inner class FakeRunner : SyncRunner {
        var active: RunRecord? = null

        override suspend fun run(config: HeatSyncConfig): SyncSummary {
            if (!permission) return summaryOf(SyncStop.AccessNotGranted(CalendarAccess.DENIED), SyncDisposition.NEEDS_USER)
            if (active != null) return summaryOf(SyncStop.AlreadyRunning, SyncDisposition.RETRY_LATER)
            if (throwOnNextRun) {
                throwOnNextRun = false
                throw IllegalStateException("the native library failed to load")
            }
            val spec = process?.startingSpec
            val record = RunRecord(++events, now, config.scope, spec?.expedited == true, now + runDuration)
            runs += record
            active = record
            invariants.runStarted(this@PhoneModel, record)
            log("run starts in ${config.scope}${if (record.expedited) " (expedited)" else ""}")
            try {
                return suspendCancellableCoroutine { record.continuation = it }
            } finally {
                record.ended = true
                active = null
            }
        }
    }

    // --- steps ---

    /** The user opens the app. */
    fun appStart() = step("app start") { ensureProcess() }

    fun schedule(config: HeatSyncConfig = appSchedule.config, repeatInterval: Duration = 1.hours) = step("schedule ${config.scope} every $repeatInterval") {
        appWantsSync = true
        appSchedule = ScheduledSync(config, repeatInterval)
        ensureProcess().scheduling.schedule(appSchedule)
    }

    fun calendarChange() = step("calendar change") {
        invariants.expectSync(this, "calendar change", events, quick = triggerArmed())
        workManager.contentChanged()
    }

    /** A data message arrives: the messaging service (starting the process if need be) calls syncFromPush. */
    fun push() = step("push") {
        invariants.expectSync(this, "push", events, quick = true)
        ensureProcess().scheduling.requestSync(expedited = true)
    }

    fun syncNow() = step("syncNow") {
        invariants.expectSync(this, "syncNow", events, quick = true)
        ensureProcess().scheduling.requestSync(expedited = false)
    }

    fun cancelSync() = step("cancelSync") {
        appWantsSync = false
        invariants.cancelled(this)
        ensureProcess().scheduling.cancel()
    }

    /** The user grants READ_CALENDAR in the app, which then asks for a sync (README). */
    fun grantPermission() = step("grant READ_CALENDAR") {
        permission = true
        invariants.expectSync(this, "permission granted", events, quick = true)
        ensureProcess().scheduling.requestSync(expedited = false)
    }

    /** The user revokes READ_CALENDAR in the settings: Android kills the app's process. */
    fun revokePermission() = step("revoke READ_CALENDAR") {
        permission = false
        invariants.permissionRevoked()
        die()
    }

    /** The process dies (its executor has nothing queued: every step drains it). */
    fun processDeath() = processDeathAfter(0) {}

    /**
     * An app step whose requests are cut short: the process dies after its
     * executor ran [operationsRun] of the operations [action] queued.
     */
    fun processDeathAfter(operationsRun: Int, action: PhoneModel.() -> Unit) {
        holdExecutor = true
        try {
            action()
        } finally {
            holdExecutor = false
        }
        events++
        log("process death after $operationsRun of ${workManager.executor.size} queued operations")
        repeat(operationsRun) { workManager.runNext() }
        die()
        invariants.disrupted(this)
        invariants.check(this)
    }

    /** WorkManager stops a running sync worker (constraints no longer met, the time limit). */
    fun systemStop() = step("system stops a worker") {
        val running = process?.workers?.entries?.firstOrNull() ?: return@step
        invariants.disrupted(this)
        running.value.cancel()
    }

    /** The next run's worker meets an unexpected exception (e.g. the native library fails to load). */
    fun runnerThrowsNext() = step("the next run throws") {
        throwOnNextRun = true
        invariants.disrupted(this)
    }

    fun expeditedQuota(count: Int) = step("expedited quota $count") { workManager.expeditedQuota = count }

    /** Time passes; due jobs are dispatched (starting the process if need be) and runs end, in time order. */
    fun advance(millis: Long) = step("time +${millis / 1000}s") {
        val until = now + millis
        while (true) {
            val next = nextEventTime() ?: break
            if (next > until) break
            now = maxOf(now, next)
            finishDueRuns()
            dispatchDueWork()
            workManager.drain()
        }
        now = until
    }

    // --- the process ---

    private fun step(label: String, action: () -> Unit) {
        events++
        log(label)
        action()
        if (holdExecutor) return
        workManager.drain()
        invariants.check(this)
    }

    private fun ensureProcess(): AppProcess = process ?: AppProcess().also { started ->
        process = started
        log("cold start: WorkManager initialized, Application.onCreate")
        workManager.initialize(olderThan = now - PRUNE_AFTER)
        if (appWantsSync) started.scheduling.schedule(appSchedule)
    }

    private fun die() {
        val dead = process ?: return
        process = null
        workManager.processDied()
        dead.runner.active?.let { it.ended = true }
        log("process dead")
    }

    private fun triggerArmed() = workManager.named(ModelQueue.TRIGGER).any { it.state == WorkState.ENQUEUED }

    private fun nextEventTime(): Long? {
        val finishes = runs.filter { !it.ended && it.continuation != null }.map { it.finishAt }
        val dispatches = workManager.specs.values.mapNotNull { workManager.dueAt(it, processAlive) }
        return (finishes + dispatches).minOrNull()?.let { maxOf(it, now) }
    }

    private fun finishDueRuns() {
        for (record in runs.filter { !it.ended && it.finishAt <= now }) {
            record.completedAt = now
            log("run completes")
            invariants.runCompleted(this, record)
            record.continuation?.resume(summaryOf(SyncStop.Completed, SyncDisposition.DONE))
        }
    }

    private fun dispatchDueWork() {
        for (spec in workManager.specs.values.toList()) {
            val due = workManager.dueAt(spec, processAlive) ?: continue
            if (due > now) continue
            ensureProcess()
            log("JobScheduler starts $spec")
            workManager.dispatch(spec)
        }
    }

    private fun startWorker(spec: WorkSpec) {
        val running = process ?: error("a worker started without a process")
        log("worker starts: $spec")
        when (spec.request.worker) {
            WorkerKind.CHANGE_HANDLER -> {
                running.scheduling.onCalendarChanged(permission)
                workManager.finish(spec, Resolution.SUCCESS)
            }
            WorkerKind.SYNC -> {
                val job = Job()
                running.workers[spec.id] = job
                running.startingSpec = spec
                CoroutineScope(Dispatchers.Unconfined + job).launch {
                    val resolution = try {
                        val report = SyncWork(running.scheduling, running.runner) { permission }.run(spec.runAttemptCountAtStart)
                        if (report.outcome == WorkOutcome.SUCCESS) Resolution.SUCCESS else Resolution.RETRY
                    } catch (stopped: CancellationException) {
                        Resolution.STOPPED
                    } catch (unexpected: Throwable) {
                        Resolution.THREW
                    }
                    running.workers.remove(spec.id)
                    if (process === running) workManager.finish(spec, resolution)
                }
                running.startingSpec = null
            }
        }
    }

    fun log(line: String) {
        trace += "[${now / 1000}s] $line"
        if (trace.size > TRACE_LINES) trace.removeFirst()
    }

    private companion object {
        const val TRACE_LINES = 80

        /** `WorkDatabase`'s `CleanupCallback` prunes finished work a day after its last enqueue (`keepResultsForAtLeast`'s default). */
        const val PRUNE_AFTER = 24 * 60 * 60 * 1000L
    }
}
