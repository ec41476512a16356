@testable import FlowStateHeat
import XCTest

/// One run at a time; requests during a run share one follow-up.
final class SyncCoordinatorTests: XCTestCase {
    func testOverlappingRequestsCoalesceIntoOneFollowUpRun() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync)
        let first = Task { await coordinator.request() }
        await eventually("the first run started") { sync.runsStarted == 1 }

        // A debounced run, a second debounce and a background run, all during the first run.
        let later = (0..<3).map { _ in Task { await coordinator.request() } }
        await eventually("three requests wait") { await coordinator.waitingForFollowUp == 3 }
        XCTAssertEqual(sync.runsStarted, 1, "nothing runs beside the first run")
        sync.release()
        await eventually("the follow-up started") { sync.runsStarted == 2 }
        sync.release()

        let firstSummary = await first.value
        var laterSummaries: [FakeSummary?] = []
        for task in later {
            laterSummaries.append(await task.value)
        }
        XCTAssertEqual(firstSummary, FakeSummary(run: 1, succeeded: true))
        XCTAssertEqual(laterSummaries, Array(repeating: FakeSummary(run: 2, succeeded: true), count: 3))
        XCTAssertEqual(sync.runsStarted, 2)
        XCTAssertFalse(sync.anyRunOnMainThread)
    }

    func testARequestAfterTheRunEndedRunsAgain() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync)
        sync.release()
        _ = await coordinator.request()
        sync.release()

        let summary = await coordinator.request()

        XCTAssertEqual(summary, FakeSummary(run: 2, succeeded: true))
    }

    func testCancelStopsTheRunAndDropsTheFollowUp() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync)
        let first = Task { await coordinator.request() }
        await eventually("the first run started") { sync.runsStarted == 1 }
        let waiting = Task { await coordinator.request() }
        await eventually("a request waits") { await coordinator.waitingForFollowUp == 1 }

        coordinator.cancel()

        let firstSummary = await first.value
        let waitingSummary = await waiting.value
        XCTAssertEqual(firstSummary, FakeSummary(run: 1, succeeded: false))
        XCTAssertNil(waitingSummary, "no new run starts once the time is up")
        XCTAssertEqual(sync.runsStarted, 1)
    }
}
