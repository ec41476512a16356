@testable import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// What screens reload on: (storeId, changeCount) as they change, read
/// only while the app is active.
final class StoreVersionsTests: XCTestCase {
    private static func reconcile(_ path: String, _ ids: [String]) throws {
        let window = try bundledZones.windowOfDays(startDate: "2026-11-30", days: 1, timeZone: "Europe/Berlin")
        let events = ids.map { id in
            SourceEvent(
                id: id, calendarId: "work", title: "Meeting", location: nil,
                time: .timed(startMs: window.startMs + 3_600_000, endMs: window.startMs + 7_200_000),
                availability: .busy, status: .confirmed, participation: .none
            )
        }
        _ = try HeatStore.open(path: path, zones: bundledZones).reconcileHeat(
            scope: "device", window: window, events: events, options: ReconcileOptions(allowEmpty: true)
        )
    }

    func testTheWatcherReadsOnActivationOnEachSignalAndNeverWhileInactive() async throws {
        try await Self.watch()
    }

    @MainActor
    private static func watch() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("heat.db")
        let execution = SimulatedExecution(clock: SimulatedClock())
        var reads = 0
        execution.onRead = { reads += 1 }
        let signal = ModelChangeSignal()
        let activity = AppActivity()
        var seen: [StoreVersion] = []
        let watcher = StoreVersionWatcher(
            read: { HeatStore.readVersion(path: path, scope: "device") }, signal: signal, execution: execution,
            activity: activity, fallbackInterval: 60
        ) { seen.append($0) }
        XCTAssertEqual(reads, 0, "nothing is read while the app is not active")
        signal.post()
        XCTAssertEqual(reads, 0)

        activity.set(active: true)
        XCTAssertEqual(reads, 1, "the file does not exist yet: nothing to yield")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "read-only opens never create the file")
        try reconcile(path, ["a"])
        signal.post()
        XCTAssertEqual(seen.map(\.changeCount), [1])
        try reconcile(path, ["a"])  // no change: nothing to yield
        signal.post()
        XCTAssertEqual(seen.map(\.changeCount), [1])

        activity.set(active: false)
        try reconcile(path, ["a", "b"])
        signal.post()
        XCTAssertFalse(execution.fireNext(upTo: 3_600), "no poll is left in the background")
        XCTAssertEqual(reads, 3, "no read while inactive")

        activity.set(active: true)
        XCTAssertEqual(seen.map(\.changeCount), [1, 2], "resumed with the current version")
        for suffix in ["", "-wal", "-shm"] {  // a damaged file, deleted and rebuilt
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        try reconcile(path, ["a"])
        XCTAssertTrue(execution.fireNext(upTo: 3_600), "the fallback poll, 60 s later")
        XCTAssertEqual(execution.clock.now, 60)
        XCTAssertEqual(seen.count, 3)
        XCTAssertNotEqual(seen.last?.storeId, seen.first?.storeId)

        watcher.stop()
        signal.post()
        XCTAssertEqual(reads, 5, "a stopped watcher reads nothing")
    }
}
