import Foundation

/// What a silent push's fetch completion handler is told
/// (`UIBackgroundFetchResult`).
public enum PushFetchResult: String, Sendable {
    case newData, noData, failed

    /// `.newData` when a window changed, `.noData` when the run did its job
    /// without a change, `.failed` when it could not sync or never ran.
    public init(_ summary: (some SyncReport)?) {
        guard let summary else {
            self = .failed
            return
        }
        self = summary.changedAnyWindow ? .newData : summary.succeeded ? .noData : .failed
    }
}

/// A sync for a silent push
/// (`application(_:didReceiveRemoteNotification:fetchCompletionHandler:)`):
/// through the coordinator like every run, answered exactly once. "Your
/// app has up to 30 seconds of wall-clock time to process the notification
/// and call the specified completion handler block"; iOS terminates an app
/// that does not. The push expires itself after `budget` seconds (cancel
/// its run, wait at most `grace`), so the handler is called in time.
public enum PushSync {
    /// 30 s less margin for the grace and the handler itself.
    public static let budget: TimeInterval = 25

    public static func start<Sync: BlockingSync>(
        _ coordinator: SyncCoordinator<Sync>,
        execution: any SyncExecution,
        budget: TimeInterval = budget,
        grace: TimeInterval = BackgroundTaskRun.expiryGrace,
        complete: @escaping @Sendable (PushFetchResult) -> Void
    ) {
        let timer = Locked<(any ScheduledAction)?>(nil)
        let held = HeldRun(coordinator, execution: execution) { summary in
            timer.withValue { $0 }?.cancel()
            complete(PushFetchResult(summary))
        }
        timer.withValue { $0 = execution.schedule(after: budget) { held.expire(grace: grace) } }
        held.start()
    }
}
