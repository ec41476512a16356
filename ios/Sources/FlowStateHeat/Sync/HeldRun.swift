import Foundation

/// A sync request made by something that keeps the app running — a
/// background task, background time, a silent push — and that must be
/// ended exactly once: when the run covering it ends, or when its time is up.
///
/// On expiry the request is withdrawn (the coordinator cancels the run if
/// no one else waits on it) and the expiry waits, at most `grace` seconds,
/// for that run to end before ending: ending first would let iOS suspend
/// the app while the run still has the store file open, and iOS kills an
/// app suspended holding a lock on a file in a shared container
/// (`0xdead10cc`). Apple lets an expiration handler block briefly: it
/// "blocks the app's suspension momentarily" (UIApplication
/// `beginBackgroundTask(expirationHandler:)`); handlers "must complete
/// before the allocated time" (`BGTask.expirationHandler`).
public final class HeldRun<Sync: BlockingSync>: Sendable {
    private struct State {
        var requestID: Int?
        var ended = false
    }

    private let coordinator: SyncCoordinator<Sync>
    private let execution: any SyncExecution
    private let end: @Sendable (Sync.Summary?) -> Void
    private let state = Locked(State())

    /// - Parameter end: called exactly once, with the covering run's summary,
    ///   or nil after an expiry.
    public init(_ coordinator: SyncCoordinator<Sync>, execution: any SyncExecution, end: @escaping @Sendable (Sync.Summary?) -> Void) {
        self.coordinator = coordinator
        self.execution = execution
        self.end = end
    }

    /// Requests the run. Does nothing after an expiry.
    public func start() {
        guard !state.withValue({ $0.ended }) else { return }
        let id = coordinator.request { [self] summary in finish(summary) }
        let expiredMeanwhile = state.withValue { state -> Bool in
            state.requestID = id
            return state.ended
        }
        if expiredMeanwhile {
            _ = coordinator.withdraw(id)
        }
    }

    /// The time is up: withdraw, wait at most `grace` for a cancelled run to
    /// end, then end (nil) unless the run's end came first.
    public func expire(grace: TimeInterval) {
        guard let id = state.withValue({ $0.ended ? nil : $0.requestID }) else {
            finish(nil)
            return
        }
        if let runEnded = coordinator.withdraw(id) {
            _ = execution.wait(for: runEnded, timeout: grace)
        }
        finish(nil)
    }

    private func finish(_ summary: Sync.Summary?) {
        let first = state.withValue { state -> Bool in
            defer { state.ended = true }
            return !state.ended
        }
        if first {
            end(summary)
        }
    }
}
