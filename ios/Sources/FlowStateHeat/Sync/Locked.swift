import Foundation

/// A value shared between threads, reached only under its lock. (Foundation's
/// `NSLock.withLock` needs iOS 16; the package supports iOS 15.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
