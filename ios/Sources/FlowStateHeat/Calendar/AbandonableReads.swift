import Dispatch
import Foundation

/// A calendar source whose reads belong to a run: while `duringRun` is in
/// progress, a read that blocks (EventKit's `events(matching:)` can hang)
/// is given up as soon as the run's cancellation is cancelled, so a
/// cancelled run returns and closes the store file within the expiry
/// grace, rather than holding it open into the app's suspension
/// (`0xdead10cc`). The given-up fetch finishes on its own thread and its
/// result is dropped.
public protocol RunScopedSource: Sendable {
    func duringRun<T>(_ cancellation: any RunCancelling, _ body: () -> T) -> T
}

/// The read given up because its run was cancelled (the job ends the run
/// without touching the window).
public struct ReadAbandoned: Error, Sendable {}

/// The run in progress and the reads it may give up.
final class AbandonableReads: Sendable {
    /// How often a waiting read looks at the run's cancellation.
    static let checkInterval: TimeInterval = 0.02

    private let run = Locked<(any RunCancelling)?>(nil)
    private let fetches = DispatchQueue(label: "app.flowstate.heat.fetch", qos: .utility, attributes: .concurrent)

    func during<T>(_ cancellation: any RunCancelling, _ body: () -> T) -> T {
        run.withValue { $0 = cancellation }
        defer { run.withValue { $0 = nil } }
        return body()
    }

    /// `fetch`'s result, or `ReadAbandoned` once the run is cancelled.
    /// Outside a run, `fetch` runs on the calling thread.
    func read<T: Sendable>(_ fetch: @escaping @Sendable () -> T) throws -> T {
        guard let cancellation = run.withValue({ $0 }) else { return fetch() }
        let result = Locked<T?>(nil)
        let done = OneShotSignal()
        fetches.async {
            let value = fetch()
            result.withValue { $0 = value }
            done.raise()
        }
        while !done.wait(until: Date(timeIntervalSinceNow: Self.checkInterval)) {
            if cancellation.isCancelled() {
                throw ReadAbandoned()
            }
        }
        guard let value = result.withValue({ $0 }) else { throw ReadAbandoned() }
        return value
    }
}
