import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// A `SyncCancellation` belongs to one run and stays armed: cancelled before
/// its run began (the BGTask expired while the run was being set up) it still
/// ends that run, at once, and it never reaches a run given its own.
final class SyncCancellationTests: XCTestCase {
    func testACancellationCancelledBeforeRunEndsThatRunUnreadAndARunWithItsOwnIsUnaffected() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("heat.db")
        let job = SyncJob(path: path, zones: bundledZones)
        let events = (Int64(0)..<14).map { offset in
            timed("daily-\(offset)", start: monday + offset * day + 9 * hour, end: monday + offset * day + 10 * hour)
        }
        let source = AnsweringSource(events: events)
        let early = SyncCancellation()
        early.cancel()

        let cancelled = job.run(plan: twoWeekPlan(), source: source, cancellation: early)
        XCTAssertEqual(cancelled.stop, .cancelled)
        XCTAssertEqual(cancelled.disposition, .retryLater)
        XCTAssertTrue(cancelled.windows.isEmpty)
        XCTAssertEqual(source.accessChecks, 0, "access checks of a run cancelled before it began")
        XCTAssertEqual(source.reads, 0, "reads of a run cancelled before it began")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the store file was not even created")
        XCTAssertEqual(job.run(plan: twoWeekPlan(), source: source, cancellation: early).stop, .cancelled, "stays armed")

        let own = SyncCancellation()
        let completed = job.run(plan: twoWeekPlan(), source: source, cancellation: own)
        XCTAssertEqual(completed.stop, .completed)
        XCTAssertEqual(completed.disposition, .done)
        XCTAssertEqual(source.reads, 2, "one read per window")
        XCTAssertEqual(try storedFortnight(path).map(\.id).sorted(), events.map(\.id).sorted())
        XCTAssertFalse(own.isCancelled())
        XCTAssertTrue(early.isCancelled())
    }
}
