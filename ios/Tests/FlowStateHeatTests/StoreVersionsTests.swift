import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The stream screens reload on: (storeId, changeCount) as they change.
final class StoreVersionsTests: XCTestCase {
    private func reconcile(_ path: String, _ ids: [String]) throws {
        let window = try windowOfDays(startDate: "2026-11-30", days: 1, timeZone: "Europe/Berlin")
        let events = ids.map { id in
            SourceEvent(
                id: id, calendarId: "work", title: "Meeting", location: nil,
                time: .timed(startMs: window.startMs + 3_600_000, endMs: window.startMs + 7_200_000),
                availability: .busy, status: .confirmed, participation: .none
            )
        }
        _ = try HeatStore.open(path: path).reconcileHeat(
            scope: "device", window: window, events: events, options: ReconcileOptions(allowEmpty: true)
        )
    }

    func testTheStreamYieldsTheCurrentVersionAndEachChangeIncludingARebuiltFile() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("heat.db")
        try reconcile(path, ["a"])
        var versions = HeatStore.versions(path: path, scope: "device", interval: 0.02).makeAsyncIterator()

        let first = await versions.next()
        XCTAssertEqual(first?.changeCount, 1, "the current version first")

        try reconcile(path, ["a"])  // no change: nothing to yield
        try reconcile(path, ["a", "b"])
        let second = await versions.next()
        XCTAssertEqual(second?.changeCount, 2)
        XCTAssertEqual(second?.storeId, first?.storeId)

        for suffix in ["", "-wal", "-shm"] {  // a damaged file, deleted and rebuilt
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        try reconcile(path, ["a"])
        // A poll may catch the new file before its first reconcile (count 0).
        var third = await versions.next()
        if third?.changeCount == 0 {
            third = await versions.next()
        }
        XCTAssertNotNil(third?.storeId)
        XCTAssertNotEqual(third?.storeId, first?.storeId)
        XCTAssertEqual(third?.changeCount, 1)
    }

    func testAMissingFileYieldsNothingAndIsNotCreated() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("heat.db")
        let stream = HeatStore.versions(path: path, scope: "device", interval: 0.02)
        let reader = Task { () -> StoreVersion? in
            for await version in stream {
                return version
            }
            return nil
        }

        try await Task.sleep(nanoseconds: 300_000_000)
        reader.cancel()

        let version = await reader.value
        XCTAssertNil(version)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "read-only opens never create the file")
    }
}
