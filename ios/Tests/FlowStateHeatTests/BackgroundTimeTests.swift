import FlowStateHeat
import XCTest

/// UIKit background time is begun before a run and ended exactly once.
final class BackgroundTimeTests: XCTestCase {
    @MainActor
    private final class FakeApplication: BackgroundTimeGranting {
        var grantToHand = 7
        var begun: [Int] = []
        var ended: [Int] = []
        var expirationHandler: (@MainActor @Sendable () -> Void)?

        var invalidGrant: Int { 0 }

        func beginBackgroundTime(expirationHandler: @escaping @MainActor @Sendable () -> Void) -> Int {
            begun.append(grantToHand)
            self.expirationHandler = expirationHandler
            return grantToHand
        }

        func endBackgroundTime(_ grant: Int) {
            ended.append(grant)
        }
    }

    // The checks run on the main actor, as UIKit's calls do; they are static
    // so that the (non-Sendable) test case never crosses to it.
    func testTimeIsBegunBeforeTheRunAndEndedOnceAfterIt() async {
        await Self.timeIsBegunBeforeTheRunAndEndedOnceAfterIt()
    }

    func testExpiryCancelsTheRunAndEndsTheTimeOnce() async {
        await Self.expiryCancelsTheRunAndEndsTheTimeOnce()
    }

    func testNoTimeGrantedStillRunsAndEndsNothing() async {
        await Self.noTimeGrantedStillRunsAndEndsNothing()
    }

    @MainActor
    private static func timeIsBegunBeforeTheRunAndEndedOnceAfterIt() async {
        let app = FakeApplication()
        let begunDuringRun = await app.withBackgroundTime(onExpiry: {}) { @MainActor in app.begun }

        XCTAssertEqual(begunDuringRun, [7])
        XCTAssertEqual(app.ended, [7])
    }

    @MainActor
    private static func expiryCancelsTheRunAndEndsTheTimeOnce() async {
        let app = FakeApplication()
        let cancelled = Flag()

        await app.withBackgroundTime(onExpiry: { cancelled.set() }) { @MainActor in
            app.expirationHandler?()  // iOS: the time is up while the run is in progress
            XCTAssertEqual(app.ended, [7], "ended in the expiration handler")
        }

        XCTAssertTrue(cancelled.isSet)
        XCTAssertEqual(app.ended, [7], "not ended a second time when the run returns")
    }

    @MainActor
    private static func noTimeGrantedStillRunsAndEndsNothing() async {
        let app = FakeApplication()
        app.grantToHand = app.invalidGrant

        let ran = await app.withBackgroundTime(onExpiry: {}) { true }

        XCTAssertTrue(ran)
        XCTAssertEqual(app.ended, [])
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
