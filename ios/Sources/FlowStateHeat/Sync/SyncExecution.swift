import Dispatch
import Foundation

/// Where the scheduling layer's work happens: sync runs off the main
/// thread, timers on the main actor, and the one bounded wait iOS allows
/// (an expiration handler may block briefly). `DispatchSyncExecution` on the
/// device; a simulated clock in the lifecycle model
/// (Tests/FlowStateHeatTests/Lifecycle), which is why none of the layer
/// above calls Dispatch or sleeps itself.
public protocol SyncExecution: Sendable {
    /// Runs `body` (one blocking sync run) off the main thread and the
    /// cooperative pool, one at a time.
    func startRun(_ body: @escaping @Sendable () -> Void)
    /// Runs `body` (one short read-only store open) off the main thread,
    /// then `then` with its result on the main actor.
    func startRead<Value: Sendable>(_ body: @escaping @Sendable () -> Value, then: @escaping @MainActor @Sendable (Value) -> Void)
    /// Calls `action` on the main actor after `delay` seconds, unless the
    /// returned timer is cancelled first.
    func schedule(after delay: TimeInterval, _ action: @escaping @MainActor @Sendable () -> Void) -> any ScheduledAction
    /// Blocks the calling thread until `signal` is raised or `timeout`
    /// seconds have passed; true when it was raised.
    func wait(for signal: OneShotSignal, timeout: TimeInterval) -> Bool
}

public protocol ScheduledAction: Sendable {
    func cancel()
}

/// Raised once (a run ended); waited on with a timeout.
public final class OneShotSignal: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var raised = false

    public init() {}

    public var isRaised: Bool {
        condition.lock()
        defer { condition.unlock() }
        return raised
    }

    public func raise() {
        condition.lock()
        raised = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until raised or `deadline`; true when raised.
    public func wait(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !raised {
            guard condition.wait(until: deadline) else { return raised }
        }
        return true
    }
}

/// The device's execution: a serial queue for runs, one for reads, and the
/// main queue for timers.
public final class DispatchSyncExecution: SyncExecution {
    private let runQueue = DispatchQueue(label: "app.flowstate.heat.sync", qos: .utility)
    private let readQueue = DispatchQueue(label: "app.flowstate.heat.read", qos: .utility)

    public init() {}

    public func startRun(_ body: @escaping @Sendable () -> Void) {
        runQueue.async(execute: body)
    }

    public func startRead<Value: Sendable>(_ body: @escaping @Sendable () -> Value, then: @escaping @MainActor @Sendable (Value) -> Void) {
        readQueue.async {
            let value = body()
            DispatchQueue.main.async { MainActor.assumeIsolated { then(value) } }
        }
    }

    public func schedule(after delay: TimeInterval, _ action: @escaping @MainActor @Sendable () -> Void) -> any ScheduledAction {
        let item = DispatchWorkItem { MainActor.assumeIsolated(action) }
        DispatchQueue.main.asyncAfter(deadline: .now() + delay, execute: item)
        return DispatchTimer(item: item)
    }

    public func wait(for signal: OneShotSignal, timeout: TimeInterval) -> Bool {
        signal.wait(until: Date(timeIntervalSinceNow: timeout))
    }
}

private struct DispatchTimer: ScheduledAction, @unchecked Sendable {
    let item: DispatchWorkItem

    func cancel() {
        item.cancel()
    }
}
