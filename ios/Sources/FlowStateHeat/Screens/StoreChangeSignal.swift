import Foundation

/// "The store changed", posted after a sync run that changed a window and
/// observed by screens, widgets' hosts and extensions sharing the App Group
/// (a Darwin notification on the device: `DarwinStoreChangeSignal`).
public protocol StoreChangeSignal: Sendable {
    func post()
    /// `handler` runs on the main actor after each post (from any process
    /// of the App Group), until the returned observation is cancelled.
    func observe(_ handler: @escaping @MainActor @Sendable () -> Void) -> any ScheduledAction
}
