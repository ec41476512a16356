/// One sync run as the app drives it: `run(cancellation:)` blocks until the
/// run is over (the store closed). Each run gets its own cancellation,
/// made before it starts: cancelling it reaches that run only, also when it
/// comes before the run began (the run then returns at once, cancelled).
/// `SyncCoordinator` runs it off the main thread.
public protocol BlockingSync: Sendable {
    associatedtype Summary: SyncReport
    associatedtype Cancellation: RunCancelling

    func makeCancellation() -> Cancellation
    func run(cancellation: Cancellation) -> Summary
}

/// A per-run cancel handle (the Rust `SyncCancellation`).
public protocol RunCancelling: Sendable {
    func cancel()
    func isCancelled() -> Bool
}

/// What iOS is told about a finished run. Computed from the Rust
/// `SyncSummary.disposition` in one place (`DeviceCalendarSync`).
public protocol SyncReport: Sendable {
    /// For `BGTask.setTaskCompleted(success:)`: the run did what it had to.
    var succeeded: Bool { get }
    /// At least one window's stored state changed: screens reload
    /// (`StoreChangeSignal`), a silent push answers `.newData`.
    var changedAnyWindow: Bool { get }
    /// One line for the log (the Rust `SyncSummary.logLine`: stop,
    /// disposition, windows, counts, duration; never titles, locations or ids).
    var logLine: String { get }
}
