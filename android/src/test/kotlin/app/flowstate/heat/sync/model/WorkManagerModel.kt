package app.flowstate.heat.sync.model

/**
 * A deterministic model of WorkManager's database, serial task executor and
 * JobScheduler dispatch, for the rules the sync's scheduling depends on.
 * Every rule names the androidx source it comes from (work-runtime,
 * `androidx/work/impl/...`); where the model simplifies, it says so.
 *
 * Operations (enqueue, cancel, a worker's result, the start of dispatched
 * work) are queued on [executor] and run in order, as on the one
 * `SerialExecutorImpl` of `WorkManagerTaskExecutor` that `EnqueueRunnable`,
 * `WorkerUpdater.enqueueUniquelyNamedPeriodic`, `CancelWorkRunnable` and
 * `WorkerWrapper.launch` (its `taskCoroutineDispatcher`) all run on. The
 * executor is in memory: a process death drops what it had not run yet.
 * The database ([specs]) survives.
 */
class WorkManagerModel(private val clock: () -> Long, private val timing: ModelTiming) {
    /** The `WorkSpec` table, by id, in insertion order; survives process death. */
    val specs = linkedMapOf<Int, WorkSpec>()

    /** The serial task executor: operations not yet run, oldest first. */
    val executor = ArrayDeque<Operation>()

    /** Ids with a `WorkerWrapper` in this process (`Processor`'s map); in memory. */
    private val processor = mutableSetOf<Int>()

    /** Ids handed to `SystemJobService.onStartJob` whose start has not run yet; in memory. */
    private val dispatched = mutableSetOf<Int>()

    /** Expedited jobs JobScheduler still accepts (the app's quota, refilled by the test). */
    var expeditedQuota = Int.MAX_VALUE

    /** Called with every change of state (from null: inserted): the test's invariants watch them. */
    var onStateChange: (WorkSpec, WorkState?, WorkState) -> Unit = { _, _, _ -> }

    /** Starts the worker of a spec that became RUNNING; its result comes back through [finish]. */
    var startWorker: (WorkSpec) -> Unit = {}

    /** Stops the worker of a cancelled spec (`Processor.stopAndCancelWork`); it still ends through [finish]. */
    var stopWorker: (WorkSpec) -> Unit = {}

    private var nextId = 1

    class Operation(val label: String, val run: () -> Unit)

    // --- requests (each queued on the executor, as WorkManager's API does) ---

    fun enqueueUniqueWork(name: String, policy: ExistingWork, request: ModelRequest) {
        executor += Operation("enqueue $name $policy") { enqueueUnique(name, policy, request) }
    }

    fun enqueueUniquePeriodicWork(name: String, policy: ExistingPeriodic, request: ModelRequest) {
        require(request.repeatInterval != null) { "periodic work needs an interval" }
        executor += Operation("enqueue periodic $name $policy") { enqueuePeriodic(name, policy, request) }
    }

    fun cancelUniqueWork(name: String) {
        executor += Operation("cancel $name") { cancelByName(name) }
    }

    /** Runs the oldest queued operation; false when there is none. */
    fun runNext(): Boolean {
        val operation = executor.removeFirstOrNull() ?: return false
        operation.run()
        return true
    }

    fun drain() {
        while (runNext()) continue
    }

    // --- the process ---

    /**
     * The process died: the executor's queue and the `Processor` are gone;
     * specs stay as they were (a running one stays RUNNING until the next
     * start resets it).
     */
    fun processDied() {
        executor.clear()
        processor.clear()
        dispatched.clear()
    }

    /**
     * WorkManager's initialization in a new process (`WorkManagerInitializer`
     * runs before `Application.onCreate`): the database's open callback
     * prunes finished work without unfinished dependents older than
     * [olderThan] (`WorkDatabase`'s `CleanupCallback`), and
     * `ForceStopRunnable.cleanUp`, queued first, puts work left RUNNING by a
     * dead process back to ENQUEUED, to be scheduled again (a content-URI
     * job then waits for a new change).
     */
    fun initialize(olderThan: Long) {
        specs.values.removeAll { spec ->
            spec.state.isFinished && spec.lastEnqueueTime < olderThan && dependentsOf(spec.id).all { it.state.isFinished }
        }
        executor += Operation("ForceStopRunnable") {
            for (spec in specs.values.filter { it.state == WorkState.RUNNING }) {
                setState(spec, WorkState.ENQUEUED)
                spec.contentChangedAt = null
            }
        }
    }

    // --- JobScheduler dispatch ---

    /**
     * When JobScheduler would start a spec's job, or null: ENQUEUED work
     * whose next run time has come (`WorkSpec.calculateNextRunTime`), a
     * content-URI job only after a change it saw (it fires once, the settle
     * delay after the last change, at most the max delay after the first);
     * work left RUNNING by a dead process is rescheduled at once.
     */
    fun dueAt(spec: WorkSpec, processAlive: Boolean): Long? {
        if (spec.id in dispatched || spec.id in processor || spec.unschedulable) return null
        return when (spec.state) {
            WorkState.RUNNING -> if (processAlive) null else clock()
            WorkState.ENQUEUED -> when {
                !spec.request.contentTrigger -> spec.nextRunTime(timing)
                else -> spec.contentChangedAt?.let { first ->
                    minOf(first + timing.contentMaxDelay, (spec.lastContentChange ?: first) + timing.contentSettleDelay)
                }
            }
            else -> null
        }
    }

    /**
     * `SystemJobService.onStartJob` → `Processor.startWork(WorkGenerationalId)`:
     * the job carries the generation it was scheduled with; starting it is
     * queued behind everything queued before (`Application.onCreate` runs
     * before the service is created in a cold process).
     */
    fun dispatch(spec: WorkSpec) {
        dispatched += spec.id
        val generation = spec.generation
        executor += Operation("start ${spec.name}#${spec.id} gen $generation") { start(spec.id, generation) }
    }

    /**
     * `Processor.startWork`: no spec ("Didn't find WorkSpec"), another
     * generation (`WorkerUpdater` bumped it), or a spec not ENQUEUED
     * (`WorkerWrapper.runWorker`'s first check, then `trySetRunning`) is
     * not started. Otherwise RUNNING and the attempt counted.
     */
    private fun start(id: Int, generation: Int) {
        dispatched -= id
        val spec = specs[id] ?: return
        if (spec.generation != generation || spec.state != WorkState.ENQUEUED) return
        spec.runAttemptCountAtStart = spec.runAttemptCount
        setState(spec, WorkState.RUNNING)
        spec.runAttemptCount++
        processor += id
        startWorker(spec)
    }

    /** The calendar provider notified `CalendarContract.Events`: content-URI jobs scheduled now see it. */
    fun contentChanged() {
        for (spec in specs.values) {
            if (spec.request.contentTrigger && spec.state == WorkState.ENQUEUED) {
                if (spec.contentChangedAt == null) spec.contentChangedAt = clock()
                spec.lastContentChange = clock()
            }
        }
    }

    // --- a worker's end (WorkerWrapper) ---

    /** A worker ended; its resolution is applied on the executor (`WorkerWrapper.launch`). */
    fun finish(spec: WorkSpec, resolution: Resolution) {
        executor += Operation("finish ${spec.name}#${spec.id} $resolution") { resolve(spec.id, resolution) }
    }

    private fun resolve(id: Int, resolution: Resolution) {
        processor -= id
        val spec = specs[id] ?: return // deleted by REPLACE: onWorkFinished treats it as done
        when (resolution) {
            // ResetWorkerStatus: back to ENQUEUED unless finished (cancelled meanwhile).
            Resolution.STOPPED -> if (!spec.state.isFinished) setState(spec, WorkState.ENQUEUED)
            // runWorker's catch: Resolution.Failed → setFailed, periodic work included.
            Resolution.THREW -> setFailed(spec)
            else -> when {
                spec.state == WorkState.RUNNING -> handleResult(spec, resolution)
                !spec.state.isFinished -> reschedule(spec)
            }
        }
    }

    /** `WorkerWrapper.handleResult`. */
    private fun handleResult(spec: WorkSpec, resolution: Resolution) {
        when (resolution) {
            Resolution.SUCCESS -> if (spec.isPeriodic) resetPeriodic(spec) else setSucceeded(spec)
            Resolution.RETRY -> reschedule(spec)
            Resolution.FAILURE -> if (spec.isPeriodic) resetPeriodic(spec) else setFailed(spec)
            Resolution.STOPPED, Resolution.THREW -> error("not a Result")
        }
    }

    /** `resetPeriodic`: enqueued again for its next period, attempts reset. */
    private fun resetPeriodic(spec: WorkSpec) {
        spec.lastEnqueueTime = clock()
        setState(spec, WorkState.ENQUEUED)
        spec.runAttemptCount = 0
        spec.periodCount++
    }

    /** `reschedule`: enqueued again, backed off from now. */
    private fun reschedule(spec: WorkSpec) {
        setState(spec, WorkState.ENQUEUED)
        spec.lastEnqueueTime = clock()
    }

    /** `setSucceeded`: dependents whose prerequisites all succeeded are enqueued. */
    private fun setSucceeded(spec: WorkSpec) {
        setState(spec, WorkState.SUCCEEDED)
        for (dependent in dependentsOf(spec.id)) {
            if (dependent.state == WorkState.BLOCKED && dependent.prerequisites.all { specs[it]?.state == WorkState.SUCCEEDED }) {
                setState(dependent, WorkState.ENQUEUED)
                dependent.lastEnqueueTime = clock()
                useExpeditedQuota(dependent)
            }
        }
    }

    /** `iterativelyFailWorkAndDependents`: the work and all work after it fail (cancelled work stays cancelled). */
    private fun setFailed(spec: WorkSpec) {
        val pending = ArrayDeque(listOf(spec))
        while (pending.isNotEmpty()) {
            val next = pending.removeLast()
            if (next.state != WorkState.CANCELLED) setState(next, WorkState.FAILED)
            pending += dependentsOf(next.id)
        }
    }

    // --- unique work (EnqueueRunnable, WorkerUpdater, CancelWorkRunnable) ---

    private fun enqueueUnique(name: String, policy: ExistingWork, request: ModelRequest) {
        val existing = named(name)
        val spec = WorkSpec(nextId++, name, request, clock())
        if (existing.isNotEmpty()) {
            when (policy) {
                // KEEP keeps only ENQUEUED or RUNNING work; anything else is cancelled and deleted.
                ExistingWork.KEEP -> if (existing.any { it.state == WorkState.ENQUEUED || it.state == WorkState.RUNNING }) return else replace(existing)
                ExistingWork.REPLACE -> replace(existing)
                ExistingWork.APPEND, ExistingWork.APPEND_OR_REPLACE -> {
                    // The new work depends on every leaf (work without dependents) of the name.
                    val leaves = existing.filter { leaf -> dependentsOf(leaf.id).isEmpty() }
                    val failedOrCancelled = leaves.any { it.state == WorkState.FAILED || it.state == WorkState.CANCELLED }
                    if (policy == ExistingWork.APPEND_OR_REPLACE && failedOrCancelled) {
                        existing.forEach { delete(it) } // a new chain
                    } else {
                        spec.prerequisites += leaves.map { it.id }
                        spec.state = when {
                            leaves.all { it.state == WorkState.SUCCEEDED } -> WorkState.ENQUEUED
                            leaves.any { it.state == WorkState.FAILED } -> WorkState.FAILED
                            leaves.any { it.state == WorkState.CANCELLED } -> WorkState.CANCELLED
                            else -> WorkState.BLOCKED
                        }
                    }
                }
            }
        }
        insert(spec)
    }

    /**
     * `enqueueUniquelyNamedPeriodic` (UPDATE) and `EnqueueRunnable` (KEEP,
     * CANCEL_AND_REENQUEUE, which maps to REPLACE): UPDATE on an unfinished
     * spec keeps its state, attempts and period and bumps its generation
     * (`updateWorkImpl`); not running, its job is cancelled and scheduled
     * again with the new generation. A cancelled spec is replaced; a
     * finished one (failed) is left alone (`NOT_APPLIED`).
     */
    private fun enqueuePeriodic(name: String, policy: ExistingPeriodic, request: ModelRequest) {
        when (policy) {
            ExistingPeriodic.KEEP -> enqueueUnique(name, ExistingWork.KEEP, request)
            ExistingPeriodic.CANCEL_AND_REENQUEUE -> enqueueUnique(name, ExistingWork.REPLACE, request)
            ExistingPeriodic.UPDATE -> {
                val current = named(name)
                check(current.size <= 1) { "Can't apply UPDATE policy to the chains of work." }
                val spec = current.firstOrNull()
                when {
                    spec == null -> enqueueUnique(name, ExistingWork.KEEP, request)
                    spec.state == WorkState.CANCELLED -> {
                        delete(spec)
                        enqueueUnique(name, ExistingWork.KEEP, request)
                    }
                    spec.state.isFinished -> return
                    else -> {
                        spec.generation++
                        spec.repeatInterval = request.repeatInterval
                        if (spec.id !in processor) spec.contentChangedAt = null
                    }
                }
            }
        }
    }

    /** `CancelWorkRunnable.forName`: every unfinished work of the name, and its dependents, CANCELLED; running workers stopped. */
    private fun cancelByName(name: String) {
        for (spec in named(name)) cancel(spec)
    }

    private fun cancel(spec: WorkSpec) {
        val pending = ArrayDeque(listOf(spec))
        while (pending.isNotEmpty()) {
            val next = pending.removeLast()
            if (!next.state.isFinished) {
                setState(next, WorkState.CANCELLED)
                if (next.id in processor) stopWorker(next)
            }
            pending += dependentsOf(next.id)
        }
    }

    /** REPLACE: cancel (stopping running workers), then delete the records. */
    private fun replace(existing: List<WorkSpec>) {
        existing.forEach { cancel(it) }
        existing.forEach { delete(it) }
    }

    private fun insert(spec: WorkSpec) {
        specs[spec.id] = spec
        onStateChange(spec, null, spec.state)
        if (spec.state == WorkState.ENQUEUED) useExpeditedQuota(spec)
    }

    private fun delete(spec: WorkSpec) {
        specs.remove(spec.id)
    }

    /**
     * `SystemJobScheduler.scheduleInternal`: JobScheduler refuses an
     * expedited job out of quota; with `RUN_AS_NON_EXPEDITED_WORK_REQUEST`
     * WorkManager schedules it as an ordinary job, otherwise it is not
     * scheduled.
     */
    private fun useExpeditedQuota(spec: WorkSpec) {
        if (!spec.expedited) return
        if (expeditedQuota > 0) {
            expeditedQuota--
        } else if (spec.request.runAsNonExpeditedOutOfQuota) {
            spec.expedited = false
        } else {
            spec.unschedulable = true
        }
    }

    private fun setState(spec: WorkSpec, state: WorkState) {
        val before = spec.state
        spec.state = state
        if (before != state) onStateChange(spec, before, state)
    }

    fun named(name: String): List<WorkSpec> = specs.values.filter { it.name == name }

    private fun dependentsOf(id: Int): List<WorkSpec> = specs.values.filter { id in it.prerequisites }
}
