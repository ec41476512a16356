@testable import FlowStateHeat
import XCTest

/// One run at a time; requests during a run share one follow-up; each
/// requester is answered by its own run, on real threads.
final class SyncCoordinatorTests: XCTestCase {
    func testOverlappingRequestsCoalesceIntoOneFollowUpRun() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync, execution: DispatchSyncExecution())
        let first = Task { await coordinator.requested() }
        await eventually("the first run started") { sync.runsStarted == 1 }

        // A debounced run, a second debounce and a background run, all during the first run.
        let later = (0..<3).map { _ in Task { await coordinator.requested() } }
        try? await Task.sleep(nanoseconds: 100_000_000)
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

    /// Issue 21, point 3: the first requester (a background task) used to
    /// return only after every follow-up, so a burst of calendar changes kept
    /// the task open until it expired.
    func testTheFirstRequesterIsAnsweredWhenItsOwnRunEndsNotAfterTheFollowUp() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync, execution: DispatchSyncExecution())
        let answers = Answers()
        coordinator.request { answers.append("first", $0) }
        await eventually("the first run started") { sync.runsStarted == 1 }
        coordinator.request { answers.append("follow-up", $0) }

        sync.release()
        await eventually("the follow-up started") { sync.runsStarted == 2 }

        XCTAssertEqual(answers.names, ["first"], "answered while the follow-up still runs")
        sync.release()
        await eventually("the follow-up answered") { answers.names == ["first", "follow-up"] }
    }

    func testWithdrawingTheOnlyRequestCancelsExactlyItsRunAndSignalsItsEnd() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync, execution: DispatchSyncExecution())
        let answers = Answers()
        let first = coordinator.request { answers.append("first", $0) }
        await eventually("the first run started") { sync.runsStarted == 1 }
        coordinator.request { answers.append("waiting", $0) }

        let ended = coordinator.withdraw(first)

        XCTAssertNotNil(ended)
        XCTAssertTrue(ended?.wait(until: Date(timeIntervalSinceNow: 5)) ?? false, "the cancelled run ended")
        await eventually("the follow-up started") { sync.runsStarted == 2 }
        XCTAssertEqual(answers.names, [], "a withdrawn request is not answered")
        sync.release()
        await eventually("the waiting request answered by the follow-up") { answers.names == ["waiting"] }
    }

    func testWithdrawingOneOfTwoRequestersLeavesTheRunRunning() async {
        let sync = FakeBlockingSync(noticesCancel: true)
        let coordinator = SyncCoordinator(sync, execution: DispatchSyncExecution())
        let answers = Answers()
        coordinator.request { answers.append("first", $0) }
        await eventually("the first run started") { sync.runsStarted == 1 }
        let second = coordinator.request { answers.append("second", $0) }
        coordinator.request { answers.append("third", $0) }
        sync.release()
        await eventually("the shared follow-up started") { sync.runsStarted == 2 }

        XCTAssertNil(coordinator.withdraw(second), "another request still holds the run")
        sync.release()

        await eventually("the third answered") { answers.names == ["first", "third"] }
        XCTAssertEqual(sync.runsStarted, 2)
    }
}

final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var names: [String] { lock.withLock { stored } }

    func append(_ name: String, _ summary: FakeSummary?) {
        lock.withLock { stored.append(name) }
    }
}
