@testable import FlowStateHeat
import XCTest

/// UIKit background time is begun before a run is requested and ended
/// exactly once: after the run, or on expiry once the cancelled run has
/// ended (at most the grace later).
final class BackgroundTimeTests: XCTestCase {
    private final class FakeApplication: BackgroundTimeGranting, @unchecked Sendable {
        private let lock = NSLock()
        private var _begun: [Int] = []
        private var _ended: [(grant: Int, runStillRunning: Bool)] = []
        private var _handler: (@MainActor @Sendable () -> Void)?
        let sync: FakeBlockingSync
        var grantToHand = 7

        init(sync: FakeBlockingSync) {
            self.sync = sync
        }

        var begun: [Int] { lock.withLock { _begun } }
        var ended: [(grant: Int, runStillRunning: Bool)] { lock.withLock { _ended } }
        var expirationHandler: (@MainActor @Sendable () -> Void)? { lock.withLock { _handler } }

        var invalidGrant: Int { 0 }

        @MainActor
        func beginBackgroundTime(expirationHandler: @escaping @MainActor @Sendable () -> Void) -> Int {
            lock.withLock {
                _begun.append(grantToHand)
                _handler = expirationHandler
                return grantToHand
            }
        }

        func endBackgroundTime(_ grant: Int) {
            let running = sync.isRunning
            lock.withLock { _ended.append((grant, running)) }
        }
    }

    private func requestRun(_ app: FakeApplication, grace: TimeInterval = 1) async -> Bool {
        let execution = DispatchSyncExecution()
        let coordinator = SyncCoordinator(app.sync, execution: execution)
        return await MainActor.run { app.requestRun(coordinator, execution: execution, grace: grace) }
    }

    func testTimeIsBegunBeforeTheRunAndEndedOnceAfterIt() async {
        let app = FakeApplication(sync: FakeBlockingSync(noticesCancel: true))
        let requested = await requestRun(app)
        await eventually("the run started") { app.sync.runsStarted == 1 }
        XCTAssertTrue(requested)
        XCTAssertEqual(app.begun, [7])
        XCTAssertTrue(app.ended.isEmpty)

        app.sync.release()

        await eventually("the time ended") { app.ended.count == 1 }
        XCTAssertEqual(app.ended.map(\.grant), [7])
        XCTAssertEqual(app.ended.map(\.runStillRunning), [false])
    }

    /// Issue 21, point 1: the expiration handler ended the background time
    /// right after cancelling, while the run still had the store open.
    func testExpiryEndsTheTimeOnlyAfterTheCancelledRunHasEnded() async {
        let app = FakeApplication(sync: FakeBlockingSync(noticesCancel: true))
        _ = await requestRun(app, grace: 5)
        await eventually("the run started") { app.sync.runsStarted == 1 }

        let handler = app.expirationHandler
        await MainActor.run { handler?() }  // iOS: the time is up while the run is in progress

        XCTAssertEqual(app.ended.map(\.grant), [7], "ended in the expiration handler")
        XCTAssertEqual(app.ended.map(\.runStillRunning), [false], "after the run returned, not before")
        try? await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(app.ended.count, 1, "not ended a second time when the run's answer comes")
    }

    func testExpiryOfARunThatIgnoresCancelEndsTheTimeAfterTheGrace() async {
        let app = FakeApplication(sync: FakeBlockingSync(noticesCancel: false))
        _ = await requestRun(app, grace: 0.3)
        await eventually("the run started") { app.sync.runsStarted == 1 }

        let handler = app.expirationHandler
        let expired = Date()
        await MainActor.run { handler?() }

        XCTAssertEqual(app.ended.map(\.grant), [7])
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(expired), 0.3, "waited for the grace")
        XCTAssertLessThan(Date().timeIntervalSince(expired), 3, "and no longer")
        app.sync.release()
    }

    func testNoTimeGrantedRequestsNoRun() async throws {
        let app = FakeApplication(sync: FakeBlockingSync(noticesCancel: true))
        app.grantToHand = 0

        let requested = await requestRun(app)

        XCTAssertFalse(requested)
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertEqual(app.sync.runsStarted, 0, "a run nobody holds could be suspended with the store open")
        XCTAssertTrue(app.ended.isEmpty)
    }
}
