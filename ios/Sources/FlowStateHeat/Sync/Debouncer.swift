import Foundation

/// Turns a burst of signals into one action after a quiet period. EventKit
/// posts `EKEventStoreChanged` several times for one edit (and once per
/// account during a server sync); one sync after the burst is enough.
public final class Debouncer: @unchecked Sendable {
    private let delay: TimeInterval
    // Guards `pending`.
    private let lock = NSLock()
    private var pending: Task<Void, Never>?

    public init(delay: TimeInterval) {
        self.delay = delay
    }

    /// Runs `action` once no other signal has come for `delay` seconds. An
    /// action already started is not cancelled by later signals.
    public func signal(_ action: @escaping @Sendable () async -> Void) {
        let delay = self.delay
        lock.lock()
        defer { lock.unlock() }
        pending?.cancel()
        pending = Task {
            do {
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            } catch {
                return
            }
            Task { await action() }
        }
    }
}
