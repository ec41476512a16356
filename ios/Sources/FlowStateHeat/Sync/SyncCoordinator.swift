import Foundation

/// One sync run at a time, whoever asks: a background task, background time
/// after a calendar change, a silent push, the app coming to the front.
///
/// Each request is answered by the first run that starts after it (it may
/// come with a change an earlier run missed): a request during a run waits
/// for the one follow-up run that starts when the current one ends, shared
/// by every request that arrived meanwhile. A requester is answered as soon
/// as *its* run ends: it never waits for follow-ups asked by others (a
/// background task held open by a burst of calendar changes would expire).
/// A run starts only for a request, and every request comes from something
/// that keeps the app running (`HeldRun`), so no run is in progress when
/// iOS may suspend the app with the store file open.
///
/// A requester that must leave (its time is up) withdraws; when no request
/// is left on the run in progress, that run, and only that run, is
/// cancelled, and the returned signal is raised when it has ended.
public final class SyncCoordinator<Sync: BlockingSync>: Sendable {
    public typealias Answer = @Sendable (Sync.Summary) -> Void

    private struct Request {
        let id: Int
        let answer: Answer
    }

    private struct Run {
        let cancellation: Sync.Cancellation
        var requests: [Request]
        let ended: OneShotSignal
    }

    private struct State {
        var nextID = 0
        var running: Run?
        var waiting: [Request] = []
    }

    private let sync: Sync
    private let execution: any SyncExecution
    private let onRunEnded: @Sendable (Sync.Summary) -> Void
    private let state = Locked(State())

    /// - Parameter onRunEnded: every finished run's summary, before the
    ///   requesters are answered (log it, signal screens); any thread.
    public init(_ sync: Sync, execution: any SyncExecution, onRunEnded: @escaping @Sendable (Sync.Summary) -> Void = { _ in }) {
        self.sync = sync
        self.execution = execution
        self.onRunEnded = onRunEnded
    }

    /// Asks for a run that starts after now. `answer` is called exactly once
    /// with that run's summary, unless the request is withdrawn first.
    /// Returns the request's id, for `withdraw`.
    @discardableResult
    public func request(_ answer: @escaping Answer) -> Int {
        let (id, start) = state.withValue { state -> (Int, Run?) in
            state.nextID += 1
            state.waiting.append(Request(id: state.nextID, answer: answer))
            return (state.nextID, Self.startIfIdle(&state, sync))
        }
        launch(start)
        return id
    }

    /// The requester leaves (its background time is up). Its answer is not
    /// called. Returns the signal raised when the run it alone was waiting
    /// on has ended after being cancelled; nil when there is nothing to wait
    /// for (the request had not started, or others still wait on the run).
    public func withdraw(_ id: Int) -> OneShotSignal? {
        let cancelled = state.withValue { state -> Run? in
            state.waiting.removeAll { $0.id == id }
            guard var run = state.running, run.requests.contains(where: { $0.id == id }) else { return nil }
            run.requests.removeAll { $0.id == id }
            state.running = run
            return run.requests.isEmpty ? run : nil
        }
        guard let cancelled else { return nil }
        cancelled.cancellation.cancel()
        return cancelled.ended
    }

    /// Whether a run is in progress (for diagnostics and the model).
    public var isRunning: Bool {
        state.withValue { $0.running != nil }
    }

    private static func startIfIdle(_ state: inout State, _ sync: Sync) -> Run? {
        guard state.running == nil, !state.waiting.isEmpty else { return nil }
        let run = Run(cancellation: sync.makeCancellation(), requests: state.waiting, ended: OneShotSignal())
        state.waiting = []
        state.running = run
        return run
    }

    private func launch(_ run: Run?) {
        guard let run else { return }
        let sync = self.sync
        execution.startRun { [self] in
            finish(sync.run(cancellation: run.cancellation))
        }
    }

    private func finish(_ summary: Sync.Summary) {
        let (ended, next) = state.withValue { state -> (Run?, Run?) in
            let ended = state.running
            state.running = nil
            return (ended, Self.startIfIdle(&state, sync))
        }
        onRunEnded(summary)
        ended?.ended.raise()
        ended?.requests.forEach { $0.answer(summary) }
        launch(next)
    }
}
