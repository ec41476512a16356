import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// `SyncSummary.logLine` names how the run ended and never what is in the calendar.
final class SyncLogLineTests: XCTestCase {
    func testTheLogLineHasTheStopAndNoTitleLocationOrIdCompletedOrFailed() throws {
        let directory = try TemporaryDirectory()
        let job = SyncJob(path: directory.path("heat.db"), zones: bundledZones)
        let appointments = (Int64(0)..<3).map { offset in
            var event = timed(
                "appointment-\(offset)", start: monday + offset * day + 9 * hour, end: monday + offset * day + 10 * hour,
                title: "Oncology follow-up \(offset)"
            )
            event.location = "Clinic on Secret Street \(offset)"
            return event
        }

        let completed = job.run(plan: twoWeekPlan(), source: AnsweringSource(events: appointments), cancellation: SyncCancellation())
        XCTAssertEqual(completed.stop, .completed)
        XCTAssertTrue(completed.logLine.contains("stop="), completed.logLine)
        for event in appointments {
            for text in [event.title, event.location, event.id].compactMap({ $0 }) {
                XCTAssertFalse(completed.logLine.contains(text), "\"\(text)\" in: \(completed.logLine)")
            }
        }

        // The source's error holds a title; the line must not.
        struct PrivateCalendarError: Error { let title = "Oncology follow-up 0" }
        let failed = job.run(plan: twoWeekPlan(), source: ThrowingSource(PrivateCalendarError()), cancellation: SyncCancellation())
        guard case .sourceFailed = failed.stop else { return XCTFail("stop: \(failed.stop)") }
        XCTAssertTrue(failed.logLine.contains("stop="), failed.logLine)
        XCTAssertFalse(failed.logLine.contains("Oncology"), failed.logLine)
    }
}
