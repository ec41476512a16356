import Foundation

/// A background task's sync (`BGAppRefreshTask`): the expiration handler is
/// installed before the work starts ("Not setting an expiration handler
/// results in the system marking your task as complete and unsuccessful",
/// `BGTask.expirationHandler`), and the task is completed exactly once
/// ("Not calling setTaskCompleted(success:) before the time for the task
/// expires may result in the system killing your app",
/// `BGTask.setTaskCompleted(success:)`): after its own run — never after
/// follow-ups others asked for — or on expiry, once the run it alone held
/// has ended or `expiryGrace` has passed (`HeldRun`).
public enum BackgroundTaskRun {
    /// About a second: a cancelled run closes its store well within it, and
    /// it is far inside the few seconds iOS gives expiration handlers.
    public static let expiryGrace: TimeInterval = 1

    /// - Parameters:
    ///   - installExpirationHandler: sets `task.expirationHandler`; called
    ///     before the run is requested.
    ///   - complete: `task.setTaskCompleted(success:)`, with
    ///     `SyncReport.succeeded` (false after an expiry); called exactly once.
    public static func start<Sync: BlockingSync>(
        _ coordinator: SyncCoordinator<Sync>,
        execution: any SyncExecution,
        installExpirationHandler: (@escaping @Sendable () -> Void) -> Void,
        complete: @escaping @Sendable (_ success: Bool) -> Void,
        expiryGrace: TimeInterval = expiryGrace
    ) {
        let held = HeldRun(coordinator, execution: execution) { summary in
            complete(summary?.succeeded ?? false)
        }
        installExpirationHandler { held.expire(grace: expiryGrace) }
        held.start()
    }
}
