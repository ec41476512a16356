import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The golden sync-job scenarios, also run by the Rust and Kotlin suites:
/// the same source answers must give the same summary, reads and store.
/// Runs with the bundled zone rules here and with Foundation's in
/// `SyncJobScenarioWithHostRulesTests`.
class SyncJobScenarioTests: XCTestCase {
    /// The rules the job and the store resolve zones with.
    var zones: ZoneDatabase { bundledZones }

    func testEveryScenarioGivesTheSameSummaryReadsAndStoreAsRust() throws {
        let scenarios = try JobScenario.all()
        XCTAssertGreaterThanOrEqual(scenarios.count, 8, "scenarios missing from tests/fixtures/sync_jobs")
        for scenario in scenarios {
            try check(scenario)
        }
    }

    private func check(_ scenario: JobScenario) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("heat.db")
        let job = SyncJob(path: path, zones: zones)
        for (index, run) in scenario.runs.enumerated() {
            let label = "\(scenario.name), run \(index + 1)"
            let source = try ScriptedSource(run)

            let summary = job.run(plan: scenario.plan.syncPlan, source: source, cancellation: SyncCancellation())

            XCTAssertEqual(source.readRanges, run.expect.readRanges, "\(label): read ranges")
            XCTAssertEqual(JobScenario.Summary(summary), run.expect.summary, "\(label): summary")
            if let stored = run.expect.stored {
                XCTAssertEqual(try storedEvents(path, scenario.plan, stored.window), stored.events, "\(label): stored events")
            }
        }
    }

    private func storedEvents(_ path: String, _ plan: JobScenario.Plan, _ range: JobScenario.Range) throws -> [JobScenario.StoredEvent] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let store = try HeatStore.openReadOnly(path: path, zones: zones)
        let window = TimeWindow(startMs: range.startMs, endMs: range.endMs, timeZone: plan.timeZone)
        return try store.events(scope: plan.scope, window: window)
            .sorted { $0.id < $1.id }
            .map { JobScenario.StoredEvent(id: $0.id, titleBytes: $0.title.utf8.count) }
    }
}
