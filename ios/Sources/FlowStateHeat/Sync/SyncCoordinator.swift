import Dispatch

/// One sync run at a time, whoever asks: the background task, a debounced
/// run after `EKEventStoreChanged`, a second debounce. Requests that arrive
/// while a run is in progress share one follow-up run, which starts when the
/// current one ends (they asked after it began, so it may have missed their
/// change). The run itself blocks on a serial queue of its own, never on the
/// cooperative thread pool or the main thread.
public actor SyncCoordinator<Sync: BlockingSync> {
    private let sync: Sync
    private let queue = DispatchQueue(label: "app.flowstate.heat.sync", qos: .utility)
    /// Set by `cancel()` from any thread, read between runs.
    private let cancelRequested = Locked(false)
    private var running = false
    private var followUp: [CheckedContinuation<Sync.Summary?, Never>] = []

    /// Requests waiting for the follow-up run (for tests and diagnostics).
    var waitingForFollowUp: Int {
        followUp.count
    }

    public init(_ sync: Sync) {
        self.sync = sync
    }

    /// Runs now, or after the run in progress. Returns the summary of the run
    /// that covered this request, or nil when `cancel()` dropped it before it
    /// started.
    public func request() async -> Sync.Summary? {
        if running {
            return await withCheckedContinuation { followUp.append($0) }
        }
        running = true
        cancelRequested.withValue { $0 = false }
        var summary = await runOnQueue()
        let ownSummary = summary
        while !followUp.isEmpty {
            let waiting = followUp
            followUp = []
            summary = cancelRequested.withValue { $0 } ? nil : await runOnQueue()
            waiting.forEach { $0.resume(returning: summary) }
        }
        running = false
        return ownSummary
    }

    /// Stops the run in progress and drops the follow-up (background time is
    /// up: nothing new may start). Any thread; does nothing when idle.
    public nonisolated func cancel() {
        cancelRequested.withValue { $0 = true }
        sync.cancel()
    }

    private func runOnQueue() async -> Sync.Summary? {
        let (sync, cancelRequested) = (self.sync, self.cancelRequested)
        return await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: cancelRequested.withValue { $0 } ? nil : sync.run())
            }
        }
    }
}
