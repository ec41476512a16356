#if canImport(UIKit)
import UIKit

/// UIKit's background time (`beginBackgroundTask`) for
/// `BackgroundTimeGranting.requestRun`, which begins it before a run and
/// ends it exactly once.
@available(iOSApplicationExtension, unavailable)
extension UIApplication: BackgroundTimeGranting {
    public nonisolated var invalidGrant: UIBackgroundTaskIdentifier { .invalid }

    public func beginBackgroundTime(
        expirationHandler: @escaping @MainActor @Sendable () -> Void
    ) -> UIBackgroundTaskIdentifier {
        beginBackgroundTask(withName: "FlowStateHeat sync", expirationHandler: expirationHandler)
    }

    public nonisolated func endBackgroundTime(_ grant: UIBackgroundTaskIdentifier) {
        endBackgroundTask(grant)
    }
}
#endif
