/// One sync run as the app drives it: `run()` blocks until the run is over
/// (the store closed), and `cancel()` from any thread makes a run in
/// progress return promptly. `SyncCoordinator` gives it its own queue.
public protocol BlockingSync: Sendable {
    associatedtype Summary: SyncReport

    func run() -> Summary
    func cancel()
}

/// What the background task reports to iOS.
public protocol SyncReport: Sendable {
    /// For `BGTask.setTaskCompleted(success:)`.
    var succeeded: Bool { get }
}
