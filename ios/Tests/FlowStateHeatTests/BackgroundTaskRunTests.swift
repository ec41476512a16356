@testable import FlowStateHeat
import XCTest

/// A background task is completed exactly once, also when it expires while
/// the run is stuck in a read.
final class BackgroundTaskRunTests: XCTestCase {
    /// What iOS sees of the task.
    private final class FakeTask: @unchecked Sendable {
        private let lock = NSLock()
        private var _handler: (@Sendable () -> Void)?
        private var _completions: [Bool] = []
        private var _handlerSetBeforeRun: Bool?

        var completions: [Bool] { lock.withLock { _completions } }
        var handlerSetBeforeRun: Bool? { lock.withLock { _handlerSetBeforeRun } }

        func install(_ handler: @escaping @Sendable () -> Void) {
            lock.withLock { _handler = handler }
        }

        func noteRunStarted() {
            lock.withLock { _handlerSetBeforeRun = _handlerSetBeforeRun ?? (_handler != nil) }
        }

        func expire() {
            lock.withLock { _handler }?()
        }

        func complete(_ success: Bool) {
            lock.withLock { _completions.append(success) }
        }
    }

    private func start(_ sync: FakeBlockingSync, _ task: FakeTask, fallback: TimeInterval) -> SyncCoordinator<FakeBlockingSync> {
        let execution = DispatchSyncExecution()
        let coordinator = SyncCoordinator(sync, execution: execution)
        BackgroundTaskRun.start(
            coordinator,
            execution: execution,
            installExpirationHandler: { task.install($0) },
            complete: { task.complete($0) },
            expiryGrace: fallback
        )
        return coordinator
    }

    func testExpiryDuringABlockedReadCompletesTheTaskOnceWithinTheFallback() async throws {
        let sync = FakeBlockingSync(noticesCancel: false)  // stuck in a fetch that ignores cancel()
        let task = FakeTask()
        _ = start(sync, task, fallback: 0.3)
        await eventually("the run started") { sync.runsStarted == 1 }
        task.noteRunStarted()
        XCTAssertEqual(task.handlerSetBeforeRun, true, "the expiration handler is in place before the work")

        let expired = Date()
        task.expire()
        await eventually("the task completed") { task.completions.count == 1 }
        XCTAssertLessThan(Date().timeIntervalSince(expired), 3)
        XCTAssertEqual(task.completions, [false])

        sync.release()  // the read returns at last
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(task.completions, [false], "completed once")
    }

    func testExpiryOfARunThatStopsCompletesOnceBeforeTheFallback() async throws {
        let sync = FakeBlockingSync(noticesCancel: true)
        let task = FakeTask()
        _ = start(sync, task, fallback: 5)
        await eventually("the run started") { sync.runsStarted == 1 }

        task.expire()

        await eventually("the task completed", timeout: 4) { task.completions.count == 1 }
        XCTAssertEqual(task.completions, [false], "an expired run is not a success")
    }

    func testARunThatEndsCompletesOnceWithItsResult() async throws {
        let sync = FakeBlockingSync(noticesCancel: true)
        let task = FakeTask()
        sync.release()
        _ = start(sync, task, fallback: 0.1)

        await eventually("the task completed") { task.completions.count == 1 }
        task.expire()  // too late: after completion
        try await Task.sleep(nanoseconds: 300_000_000)

        XCTAssertEqual(task.completions, [true])
    }
}
