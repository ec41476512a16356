import FlowStateHeat
import XCTest

/// The golden sync-job scenarios again, with Foundation's zone rules instead
/// of the bundled ones: the same summaries, reads and stores. The test is
/// restated so XCTest's discovery on Linux, which lists only the methods a
/// class declares, runs it.
final class SyncJobScenarioWithHostRulesTests: SyncJobScenarioTests {
    private let foundationZones = ZoneDatabase.host(rules: FoundationTimeZoneRules())

    override var zones: ZoneDatabase { foundationZones }

    override func testEveryScenarioGivesTheSameSummaryReadsAndStoreAsRust() throws {
        try super.testEveryScenarioGivesTheSameSummaryReadsAndStoreAsRust()
    }
}
