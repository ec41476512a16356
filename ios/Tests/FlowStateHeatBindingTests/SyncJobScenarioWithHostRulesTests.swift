import FlowStateHeat
import XCTest

/// The golden sync-job scenarios again, with Foundation's zone rules instead
/// of the bundled ones: the same summaries, reads and stores. The test is
/// restated so XCTest's discovery on Linux, which lists only the methods a
/// class declares, runs it.
final class SyncJobScenarioWithHostRulesTests: SyncJobScenarioTests {
    override func setUp() {
        super.setUp()
        FoundationTimeZoneRules.register()
    }

    override func tearDown() {
        unregisterHostZoneRules()
        super.tearDown()
    }

    override func testEveryScenarioGivesTheSameSummaryReadsAndStoreAsRust() throws {
        try super.testEveryScenarioGivesTheSameSummaryReadsAndStoreAsRust()
    }
}
