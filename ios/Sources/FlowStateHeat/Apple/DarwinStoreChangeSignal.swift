#if canImport(UIKit)
import Foundation

/// `StoreChangeSignal` as a Darwin notification (`notify_post`), which
/// reaches every process of the device that observes the name: the app and
/// its extensions sharing the App Group. Name it after the App Group, e.g.
/// `group.app.flowstate.heat-changed`.
public struct DarwinStoreChangeSignal: StoreChangeSignal {
    public let name: String

    public init(name: String) {
        self.name = name
    }

    public func post() {
        _ = notify_post(name)
    }

    public func observe(_ handler: @escaping @MainActor @Sendable () -> Void) -> any ScheduledAction {
        var token: Int32 = 0
        _ = notify_register_dispatch(name, &token, DispatchQueue.main) { _ in
            MainActor.assumeIsolated(handler)
        }
        return DarwinObservation(token: token)
    }
}

private struct DarwinObservation: ScheduledAction {
    let token: Int32

    func cancel() {
        _ = notify_cancel(token)
    }
}
#endif
