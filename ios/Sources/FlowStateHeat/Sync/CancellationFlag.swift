import Foundation

/// A flag set from any thread (an expiration handler) and read by the
/// coordinator between runs.
final class CancellationFlag: @unchecked Sendable {
    // Guards `value`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.withLock { value }
    }

    func set() {
        lock.withLock { value = true }
    }

    func reset() {
        lock.withLock { value = false }
    }
}
