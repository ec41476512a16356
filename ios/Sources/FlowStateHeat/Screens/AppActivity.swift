import Foundation

/// Whether the app is active (in the foreground, receiving events):
/// screens read the store only then. Set by the app's lifecycle
/// (`SyncLifecycle.becameActive` / `willResignActive`).
@MainActor
public final class AppActivity {
    public private(set) var isActive = false
    private var observers: [Int: @MainActor (Bool) -> Void] = [:]
    private var nextID = 0

    public init() {}

    public func set(active: Bool) {
        guard active != isActive else { return }
        isActive = active
        observers.values.forEach { $0(active) }
    }

    /// Calls `observer` with the current state, then on every change.
    public func observe(_ observer: @escaping @MainActor (Bool) -> Void) -> Int {
        nextID += 1
        observers[nextID] = observer
        observer(isActive)
        return nextID
    }

    public func removeObserver(_ id: Int) {
        observers[id] = nil
    }
}
