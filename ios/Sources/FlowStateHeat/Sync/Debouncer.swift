import Foundation

/// Turns a burst of signals into one action after a quiet period. EventKit
/// posts `EKEventStoreChanged` several times for one edit (and once per
/// account during a server sync); one sync after the burst is enough. On
/// the main actor, with the execution's timers (a simulated clock in the
/// lifecycle model).
@MainActor
public final class Debouncer {
    private let delay: TimeInterval
    private let execution: any SyncExecution
    private var pending: (timer: any ScheduledAction, action: @MainActor () -> Void)?

    public init(delay: TimeInterval, execution: any SyncExecution) {
        self.delay = delay
        self.execution = execution
    }

    /// Runs `action` once no other signal has come for `delay` seconds.
    public func signal(_ action: @escaping @MainActor () -> Void) {
        pending?.timer.cancel()
        let timer = execution.schedule(after: delay) { [weak self] in self?.fire() }
        pending = (timer, action)
    }

    /// Runs the pending action now (the app is leaving the foreground: the
    /// timer would not fire once it is suspended).
    public func flush() {
        pending?.timer.cancel()
        fire()
    }

    private func fire() {
        guard let action = pending?.action else { return }
        pending = nil
        action()
    }
}
