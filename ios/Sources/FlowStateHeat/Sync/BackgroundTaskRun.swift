import Dispatch
import Foundation

/// A background task's sync run (`BGAppRefreshTask`), with the order iOS
/// needs: the expiration handler is installed before any work starts; on
/// expiry the run is cancelled and the task completed within a bounded
/// fallback even if the run is stuck in a call that does not notice the
/// cancellation (a blocking EventKit fetch); the task is completed exactly
/// once, whichever of the run's end and the fallback comes first.
public enum BackgroundTaskRun {
    /// About a second: enough for a cancelled run to close its store, well
    /// within the few seconds iOS leaves after calling the expiration handler.
    public static let expiryFallback: TimeInterval = 1

    /// - Parameters:
    ///   - installExpirationHandler: sets `task.expirationHandler` to the
    ///     given closure; called before the run starts.
    ///   - complete: `task.setTaskCompleted(success:)`; called exactly once.
    ///   - onSummary: the finished run's summary (not called for a run
    ///     dropped by the expiry before it started).
    public static func start<Sync: BlockingSync>(
        _ coordinator: SyncCoordinator<Sync>,
        installExpirationHandler: (@escaping @Sendable () -> Void) -> Void,
        complete: @escaping @Sendable (_ success: Bool) -> Void,
        onSummary: @escaping @Sendable (Sync.Summary) -> Void = { _ in },
        expiryFallback: TimeInterval = expiryFallback
    ) {
        let completion = TaskCompletion(complete)
        installExpirationHandler {
            completion.expire()
            coordinator.cancel()
            DispatchQueue.global(qos: .userInitiated).asyncAfter(deadline: .now() + expiryFallback) {
                completion.complete(success: false)
            }
        }
        Task.detached {
            let summary = await coordinator.request()
            if let summary {
                onSummary(summary)
            }
            completion.complete(success: summary?.succeeded ?? false)
        }
    }
}

/// Calls `complete` once: later calls (the fallback after the run ended, or
/// the run ending after the fallback) do nothing. After expiry, success is
/// reported as false.
final class TaskCompletion: Sendable {
    private let completeTask: @Sendable (Bool) -> Void
    private let state = Locked((completed: false, expired: false))

    init(_ complete: @escaping @Sendable (Bool) -> Void) {
        completeTask = complete
    }

    func expire() {
        state.withValue { $0.expired = true }
    }

    func complete(success: Bool) {
        let reported: Bool? = state.withValue { state in
            guard !state.completed else { return nil }
            state.completed = true
            return success && !state.expired
        }
        if let reported {
            completeTask(reported)
        }
    }
}
