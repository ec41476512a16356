#if canImport(BackgroundTasks)
import BackgroundTasks
import Foundation

/// `BGTaskScheduler.shared` for `SyncLifecycle`: copies calls, decides nothing.
@available(iOSApplicationExtension, unavailable)
public struct SystemBackgroundTasks: BackgroundTaskScheduling {
    public init() {}

    public func register(identifier: String, launchHandler: @escaping @Sendable (any BackgroundTaskHandle) -> Void) -> Bool {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { task in
            launchHandler(SystemBackgroundTask(task))
        }
    }

    public func submit(identifier: String, earliestIn: TimeInterval) throws {
        let request = BGAppRefreshTaskRequest(identifier: identifier)
        request.earliestBeginDate = Date(timeIntervalSinceNow: earliestIn)
        try BGTaskScheduler.shared.submit(request)
    }
}

/// A launched `BGTask`. BGTask is not Sendable; its expiration handler and
/// `setTaskCompleted(success:)` are made to be used from whatever thread the
/// work is on, and `BackgroundTaskRun` sets the one and calls the other
/// exactly once.
private final class SystemBackgroundTask: BackgroundTaskHandle, @unchecked Sendable {
    private let task: BGTask

    init(_ task: BGTask) {
        self.task = task
    }

    func setExpirationHandler(_ handler: @escaping @Sendable () -> Void) {
        task.expirationHandler = handler
    }

    func setTaskCompleted(success: Bool) {
        task.setTaskCompleted(success: success)
    }
}
#endif
