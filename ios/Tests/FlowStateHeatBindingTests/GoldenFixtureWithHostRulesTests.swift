import FlowStateHeat
import XCTest

/// Every golden-fixture test again, with Foundation's zone rules instead of
/// the bundled ones: identical results. Each test is restated so XCTest's
/// discovery on Linux, which lists only the methods a class declares, runs it.
final class GoldenFixtureWithHostRulesTests: GoldenFixtureTests {
    private let foundationZones = ZoneDatabase.host(rules: FoundationTimeZoneRules())

    override var zones: ZoneDatabase { foundationZones }

    override func testTheFixturesAreThere() throws {
        try super.testTheFixturesAreThere()
    }

    override func testEachFixtureReconcilesToItsFrozenDigestAndTheSecondCallIsANoOp() throws {
        try super.testEachFixtureReconcilesToItsFrozenDigestAndTheSecondCallIsANoOp()
    }

    override func testTheDigestDoesNotDependOnInputOrder() throws {
        try super.testTheDigestDoesNotDependOnInputOrder()
    }

    override func testEachFixtureHasItsHandComputedHeatMap() throws {
        try super.testEachFixtureHasItsHandComputedHeatMap()
    }

    override func testEachFixtureHasItsHandComputedFreeBlocks() throws {
        try super.testEachFixtureHasItsHandComputedFreeBlocks()
    }
}
