import Foundation

/// `BGTaskScheduler` as the lifecycle uses it: register a launch handler
/// once, before the end of launch; submit a request (one pending request
/// per identifier: a new one replaces it).
public protocol BackgroundTaskScheduling: Sendable {
    /// False when the identifier is not in `BGTaskSchedulerPermittedIdentifiers`.
    func register(identifier: String, launchHandler: @escaping @Sendable (any BackgroundTaskHandle) -> Void) -> Bool
    /// Throws `BGTaskScheduler.Error` (`.unavailable`, `.tooManyPendingTaskRequests`, `.notPermitted`).
    /// `earliestIn`: seconds from now (`earliestBeginDate`).
    func submit(identifier: String, earliestIn: TimeInterval) throws
}

/// One launched `BGTask`.
public protocol BackgroundTaskHandle: Sendable {
    func setExpirationHandler(_ handler: @escaping @Sendable () -> Void)
    func setTaskCompleted(success: Bool)
}
