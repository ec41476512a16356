import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// A rejected call writes nothing: the events, the sync record and the
/// bytes of the database and its WAL are as they were.
final class BadInputTests: XCTestCase {
    func testABadEventLeavesTheStoreByteForByteUnchanged() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("heat.db")
        let store = try HeatStore.open(path: path, zones: bundledZones)
        let window = utcWindow(from: monday, days: 7)
        let good = (0..<50).map { timed("e\($0)", start: monday + Int64($0) * hour, end: monday + Int64($0) * hour + 30 * minute) }
        let seeded = try store.reconcileHeat(scope: "device", window: window, events: good, options: ReconcileOptions(allowEmpty: false))
        let files = [path, path + "-wal"]
        let bytesBefore = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

        var changed = Array(good.dropFirst(10))
        changed.append(timed("new", start: monday + 2 * day, end: monday + 2 * day + hour))
        changed.append(timed("broken", start: monday + 3 * day, end: monday + 3 * day - minute))
        do {
            _ = try store.reconcileHeat(scope: "device", window: window, events: changed, options: ReconcileOptions(allowEmpty: false))
            XCTFail("an event ending before it starts must be refused")
        } catch HeatError.InvalidInput(let field, let eventId, _) {
            XCTAssertEqual(field, "endMs")
            XCTAssertEqual(eventId, "broken")
        }

        XCTAssertEqual(try store.events(scope: "device", window: window), good)
        XCTAssertEqual(try store.lastSync(scope: "device")?.windowDigest, seeded.windowDigest)
        XCTAssertEqual(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }, bytesBefore)
    }
}
