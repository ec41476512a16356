@testable import FlowStateHeat
import Foundation

/// `SyncExecution` on a simulated clock, for the lifecycle model: one run
/// in flight at a time (it "holds the store" from its start until the
/// model ends it), timers in time order, and the expiration handler's
/// bounded wait, which lets the run in flight end if it would within the
/// timeout (the main thread is blocked meanwhile; only the run's own thread
/// moves). Nothing happens while the process is suspended.
final class SimulatedExecution: SyncExecution, @unchecked Sendable {
    private struct Timer {
        let id: Int
        let fireAt: TimeInterval
        let action: @MainActor @Sendable () -> Void
    }

    private struct RunInFlight {
        var endsAt: TimeInterval
        let body: @Sendable () -> Void
    }

    let clock: SimulatedClock
    /// How long the next run takes, drawn by the model when it starts.
    var runDuration: () -> TimeInterval = { 1 }
    /// How long a cancelled run takes to return (the job checks between
    /// windows and every 1,024 events).
    var cancelLatency: TimeInterval = 0.05
    /// Called when a run starts (the store is opened) and ends.
    var onRunStarted: () -> Void = {}
    var onRunReturned: () -> Void = {}
    var onRead: () -> Void = {}
    private var timers: [Timer] = []
    private var nextTimerID = 0
    private var run: RunInFlight?

    init(clock: SimulatedClock) {
        self.clock = clock
    }

    var isRunInFlight: Bool { run != nil }

    func startRun(_ body: @escaping @Sendable () -> Void) {
        precondition(run == nil, "the coordinator started a second run beside one in flight")
        run = RunInFlight(endsAt: clock.now + runDuration(), body: body)
        onRunStarted()
    }

    func startRead<Value: Sendable>(_ body: @escaping @Sendable () -> Value, then: @escaping @MainActor @Sendable (Value) -> Void) {
        onRead()
        let value = body()
        MainActor.assumeIsolated { then(value) }
    }

    func schedule(after delay: TimeInterval, _ action: @escaping @MainActor @Sendable () -> Void) -> any ScheduledAction {
        nextTimerID += 1
        timers.append(Timer(id: nextTimerID, fireAt: clock.now + delay, action: action))
        return SimulatedTimer(id: nextTimerID, execution: self)
    }

    func wait(for signal: OneShotSignal, timeout: TimeInterval) -> Bool {
        if let run, run.endsAt <= clock.now + timeout {
            clock.now = max(clock.now, run.endsAt)
            endRun()
        } else {
            clock.now += timeout
        }
        return signal.isRaised
    }

    func cancelTimer(_ id: Int) {
        timers.removeAll { $0.id == id }
    }

    /// The run in flight was cancelled: it returns after `cancelLatency`.
    func runCancelled() {
        guard let endsAt = run?.endsAt else { return }
        run?.endsAt = min(endsAt, clock.now + cancelLatency)
    }

    /// When the next timer or run end is due.
    var nextDue: TimeInterval? {
        let due = timers.map(\.fireAt) + (run.map { [$0.endsAt] } ?? [])
        return due.min()
    }

    /// Fires the earliest due timer or ends the run, if one is due by `time`;
    /// false when nothing is.
    func fireNext(upTo time: TimeInterval) -> Bool {
        guard let due = nextDue, due <= time else { return false }
        clock.now = max(clock.now, due)
        if let run, run.endsAt == due {
            endRun()
        } else if let index = timers.firstIndex(where: { $0.fireAt == due }) {
            let timer = timers.remove(at: index)
            MainActor.assumeIsolated { timer.action() }
        }
        return true
    }

    private func endRun() {
        guard let ending = run else { return }
        run = nil
        ending.body()
        onRunReturned()
    }
}

private struct SimulatedTimer: ScheduledAction, @unchecked Sendable {
    let id: Int
    weak var execution: SimulatedExecution?

    func cancel() {
        execution?.cancelTimer(id)
    }
}

/// The model's wall clock, in seconds from the start of a schedule.
final class SimulatedClock: @unchecked Sendable {
    var now: TimeInterval = 0
}
