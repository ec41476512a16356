import Foundation

/// Extra time for a run that may outlive the app's stay in the foreground
/// (UIKit's `beginBackgroundTask`): begun before the run is requested, and
/// ended exactly once — when the run ends, or in the expiration handler
/// after the run was cancelled and has ended (at most `grace` seconds
/// later). "Failure to end the task explicitly will result in the
/// termination of the app"; the handler is called "synchronously on the
/// main thread, blocking the app's suspension momentarily"
/// (`beginBackgroundTask(expirationHandler:)`); `endBackgroundTask` "can be
/// safely called on a non-main thread" (`endBackgroundTask(_:)`).
public protocol BackgroundTimeGranting: Sendable {
    associatedtype Grant: Equatable & Sendable

    /// `UIBackgroundTaskIdentifier.invalid`: no time granted.
    var invalidGrant: Grant { get }
    @MainActor func beginBackgroundTime(expirationHandler: @escaping @MainActor @Sendable () -> Void) -> Grant
    func endBackgroundTime(_ grant: Grant)
}

extension BackgroundTimeGranting {
    /// Requests a run inside background time. Returns false, requesting
    /// nothing, when iOS grants no time: a run nobody holds could still have
    /// the store open when the app is suspended. The caller leaves the
    /// change to the next run (launch, foreground, background task, push).
    @MainActor
    public func requestRun<Sync: BlockingSync>(
        _ coordinator: SyncCoordinator<Sync>,
        execution: any SyncExecution,
        grace: TimeInterval = BackgroundTaskRun.expiryGrace
    ) -> Bool {
        let grant = Locked<Grant?>(nil)
        let endGrant: @Sendable () -> Void = { [self] in
            if let granted = grant.withValue({ value -> Grant? in
                defer { value = nil }
                return value
            }) {
                endBackgroundTime(granted)
            }
        }
        let held = HeldRun(coordinator, execution: execution) { _ in endGrant() }
        let begun = beginBackgroundTime { held.expire(grace: grace) }
        guard begun != invalidGrant else { return false }
        grant.withValue { $0 = begun }
        held.start()
        return true
    }
}
