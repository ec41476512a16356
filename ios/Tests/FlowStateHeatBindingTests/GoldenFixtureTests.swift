import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The shared fixtures through the generated Swift bindings: the same
/// digests, heat maps and free blocks as the Rust and Kotlin suites, compared
/// with `==` (no tolerance). Runs with the bundled zone rules here and with
/// Foundation's in `GoldenFixtureWithHostRulesTests`.
class GoldenFixtureTests: XCTestCase {
    private var directory: TemporaryDirectory!

    /// The rules every store of the class resolves zones with.
    var zones: ZoneDatabase { bundledZones }

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    private func reconciledStore(_ fixture: GoldenFixture) throws -> (HeatStore, ReconcileOutcome) {
        let store = try HeatStore.open(path: directory.path("\(fixture.name).db"), zones: zones)
        let outcome = try store.reconcileHeat(
            scope: fixture.scope, window: fixture.window, events: fixture.events, options: ReconcileOptions(allowEmpty: false)
        )
        return (store, outcome)
    }

    func testTheFixturesAreThere() throws {
        XCTAssertGreaterThanOrEqual(try GoldenFixture.all().count, 3)
    }

    func testEachFixtureReconcilesToItsFrozenDigestAndTheSecondCallIsANoOp() throws {
        for fixture in try GoldenFixture.all() {
            let (store, first) = try reconciledStore(fixture)
            XCTAssertTrue(first.changed, fixture.name)
            XCTAssertEqual(first.windowDigest, fixture.expected.windowDigest, fixture.name)
            XCTAssertEqual(first.ignoredOutsideWindow, fixture.expected.ignoredOutsideWindow, fixture.name)

            let second = try store.reconcileHeat(
                scope: fixture.scope, window: fixture.window, events: fixture.events, options: ReconcileOptions(allowEmpty: false)
            )
            XCTAssertFalse(second.changed, "\(fixture.name): the second call must write nothing")
            XCTAssertEqual(second.windowDigest, fixture.expected.windowDigest, fixture.name)
            XCTAssertEqual(second.eventsInserted, 0, fixture.name)
            XCTAssertEqual(second.eventsDeleted, 0, fixture.name)
            XCTAssertEqual(second.daysReplaced, 0, fixture.name)
            XCTAssertEqual(second.replacedRanges, [], fixture.name)
        }
    }

    func testTheDigestDoesNotDependOnInputOrder() throws {
        for fixture in try GoldenFixture.all() {
            let store = try HeatStore.open(path: directory.path("\(fixture.name).reversed.db"), zones: zones)
            let outcome = try store.reconcileHeat(
                scope: fixture.scope, window: fixture.window, events: fixture.events.reversed(),
                options: ReconcileOptions(allowEmpty: false)
            )
            XCTAssertEqual(outcome.windowDigest, fixture.expected.windowDigest, fixture.name)
        }
    }

    func testEachFixtureHasItsHandComputedHeatMap() throws {
        for fixture in try GoldenFixture.all() {
            let (store, _) = try reconciledStore(fixture)
            let map = try store.heatMap(scope: fixture.scope, window: fixture.window, slotMinutes: fixture.slotMinutes)
            XCTAssertEqual(map.slotMinutes, fixture.slotMinutes, fixture.name)
            XCTAssertEqual(map.busyMinutes, fixture.expected.busyMinutes, "\(fixture.name): busyMinutes")
            XCTAssertEqual(map.slots.map(\.startMs), fixture.expected.slots.map(\.startMs), "\(fixture.name): slot starts")
            XCTAssertEqual(map.slots.map(\.heat), fixture.expected.slots.map(\.heat), "\(fixture.name): heat")
        }
    }

    func testEachFixtureHasItsHandComputedFreeBlocks() throws {
        for fixture in try GoldenFixture.all() {
            let (store, _) = try reconciledStore(fixture)
            let blocks = try store.freeBlocks(scope: fixture.scope, window: fixture.window, minMinutes: fixture.minFreeMinutes)
            let expected = fixture.expected.freeBlocks.map { TimeRange(startMs: $0.startMs, endMs: $0.endMs) }
            XCTAssertEqual(blocks, expected, "\(fixture.name): freeBlocks")
        }
    }
}
