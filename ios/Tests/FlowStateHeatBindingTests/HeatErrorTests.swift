import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// Every class of failure arrives in Swift as its `HeatError` case, caught
/// with `do/catch`, naming the field and the event id, never the title.
final class HeatErrorTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var store: HeatStore!
    private let secretTitle = "PRIVATE-TITLE-MARKER"
    private let window = utcWindow(from: monday, days: 1)

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
    }

    override func tearDown() {
        store = nil
        directory = nil
    }

    /// Runs `call` and checks it throws `InvalidInput` for `field` / `eventId`.
    private func assertInvalidInput(
        field: String,
        eventId: String? = nil,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ call: () throws -> Void
    ) {
        do {
            try call()
            XCTFail("expected InvalidInput(field: \(field))", file: file, line: line)
        } catch HeatError.InvalidInput(let actualField, let actualEventId, let reason) {
            XCTAssertEqual(actualField, field, file: file, line: line)
            XCTAssertEqual(actualEventId, eventId, file: file, line: line)
            XCTAssertFalse(reason.isEmpty, file: file, line: line)
            XCTAssertFalse(reason.contains(secretTitle), "a title leaked into an error", file: file, line: line)
        } catch {
            XCTFail("expected InvalidInput(field: \(field)), got \(error)", file: file, line: line)
        }
    }

    private func reconcile(_ events: [SourceEvent], window: TimeWindow? = nil) throws {
        _ = try store.reconcileHeat(
            scope: "device", window: window ?? self.window, events: events, options: ReconcileOptions(allowEmpty: false)
        )
    }

    private func secret(_ event: SourceEvent) -> SourceEvent {
        var event = event
        event.title = secretTitle
        event.location = secretTitle
        return event
    }

    func testBadEventsNameTheirFieldAndEvent() {
        let ok = secret(timed("ok", start: monday + hour, end: monday + 2 * hour))
        var emptyId = ok
        emptyId.id = ""
        var emptyCalendar = ok
        emptyCalendar.calendarId = ""
        var endBeforeStart = ok
        endBeforeStart.id = "e1"
        endBeforeStart.time = .timed(startMs: monday + hour, endMs: monday + hour - 1)
        var conflicting = ok
        conflicting.time = .timed(startMs: monday + 3 * hour, endMs: monday + 4 * hour)

        assertInvalidInput(field: "id") { try reconcile([ok, emptyId]) }
        assertInvalidInput(field: "calendarId", eventId: "ok") { try reconcile([emptyCalendar]) }
        assertInvalidInput(field: "endMs", eventId: "e1") { try reconcile([endBeforeStart]) }
        assertInvalidInput(field: "startDate", eventId: "h1") {
            try reconcile([secret(allDay("h1", from: "2026-11-31", to: "2026-12-01"))])
        }
        assertInvalidInput(field: "endDate", eventId: "h2") {
            try reconcile([secret(allDay("h2", from: "2026-11-30", to: "2026-11-29"))])
        }
        assertInvalidInput(field: "id", eventId: "ok") { try reconcile([ok, conflicting]) }
    }

    func testBadWindowsAndArgumentsNameTheirField() {
        let event = timed("ok", start: monday, end: monday + hour)
        assertInvalidInput(field: "window.timeZone") {
            try reconcile([event], window: TimeWindow(startMs: monday, endMs: monday + day, timeZone: "Mars/Olympus"))
        }
        assertInvalidInput(field: "window.endMs") {
            try reconcile([event], window: TimeWindow(startMs: monday, endMs: monday, timeZone: "UTC"))
        }
        assertInvalidInput(field: "window.endMs") {
            try reconcile([event], window: utcWindow(from: monday, days: 400))
        }
        assertInvalidInput(field: "timeZone") { _ = try bundledZones.windowOfDays(startDate: "2026-11-30", days: 7, timeZone: "Berlin") }
        assertInvalidInput(field: "startDate") { _ = try bundledZones.windowOfDays(startDate: "30.11.2026", days: 7, timeZone: "UTC") }
        assertInvalidInput(field: "days") { _ = try bundledZones.windowOfDays(startDate: "2026-11-30", days: 0, timeZone: "UTC") }
        assertInvalidInput(field: "slotMinutes") { _ = try store.heatMap(scope: "device", window: window, slotMinutes: -5) }
        assertInvalidInput(field: "minMinutes") { _ = try store.freeBlocks(scope: "device", window: window, minMinutes: -1) }
    }

    func testBadEventJsonNamesTheField() {
        let event = #""id": "e1", "calendarId": "work", "title": "x", "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z""#
        assertInvalidInput(field: "json") { _ = try eventsFromJson(json: "{\"events\": [") }
        assertInvalidInput(field: "colour", eventId: "e1") {
            _ = try eventsFromJson(json: "{\"events\": [{\(event), \"colour\": \"red\"}]}")
        }
        assertInvalidInput(field: "availability", eventId: "e1") {
            _ = try eventsFromJson(json: "{\"events\": [{\(event), \"availability\": \"maybe\"}]}")
        }
        assertInvalidInput(field: "start", eventId: "e1") {
            _ = try eventsFromJson(json: #"{"events": [{"id": "e1", "calendarId": "w", "title": "x", "start": "9am", "end": "10am"}]}"#)
        }
    }

    func testAFileThatIsNotADatabaseIsCorrupt() throws {
        let path = directory.path("notes.txt")
        try Data("these are not the pages of a SQLite database, just text".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try HeatStore.open(path: path, zones: bundledZones)
            XCTFail("a text file must not open as a store")
        } catch HeatError.CorruptDatabase(let reason) {
            XCTAssertTrue(reason.contains("corrupt"), reason)
        }
    }

    func testAnotherApplicationsSqliteFileIsForeignAndLeftAsItWasByTheStoreAndTheSyncJob() throws {
        let cases: [(String, applicationId: UInt32, userVersion: UInt32)] = [
            ("an application id of its own", 1234, 1),
            ("no application id over tables of its own", 0, 0),
        ]
        for (index, (name, applicationId, userVersion)) in cases.enumerated() {
            let path = directory.path("other-app-\(index).sqlite")
            try writeForeignSqliteFile(at: path, applicationId: applicationId, userVersion: userVersion)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                _ = try HeatStore.open(path: path, zones: bundledZones)
                XCTFail("\(name): another application's file must not open as a store")
            } catch HeatError.ForeignDatabase(let reason) {
                XCTAssertFalse(reason.isEmpty, name)
            } catch {
                XCTFail("\(name): expected ForeignDatabase, got \(error)")
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "\(name): HeatStore.open changed the file")

            let summary = SyncJob(path: path, zones: bundledZones).run(plan: twoWeekPlan(), source: AnsweringSource(events: []), cancellation: SyncCancellation())
            guard case .storeFailed(.foreignFile, _) = summary.stop else { return XCTFail("\(name): stop \(summary.stop)") }
            XCTAssertEqual(summary.disposition, .giveUp, name)
            XCTAssertEqual(
                try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "\(name): the sync job deleted or changed the file"
            )
        }
    }

    func testAStoreWrittenByANewerVersionIsIncompatible() throws {
        let path = directory.path("newer.db")
        // A real store, closed (its WAL folded back into the file) ...
        _ = try HeatStore.open(path: path, zones: bundledZones)
        // ... whose schema version (SQLite header offset 60, big-endian user_version) says 99.
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try file.seek(toOffset: 60)
        try file.write(contentsOf: Data([0, 0, 0, 99]))
        try file.close()
        do {
            _ = try HeatStore.open(path: path, zones: bundledZones)
            XCTFail("a newer schema must be refused")
        } catch HeatError.IncompatibleDatabase(_, let found, let supported) {
            XCTAssertEqual(found, 99)
            XCTAssertLessThan(supported, found)
        }
    }

    func testAnUnopenableFileIsAStorageError() {
        do {
            _ = try HeatStore.open(path: directory.path("no/such/folder/heat.db"), zones: bundledZones)
            XCTFail("a store in a missing folder cannot open")
        } catch HeatError.Storage(let reason) {
            XCTAssertFalse(reason.isEmpty)
        } catch {
            XCTFail("expected Storage, got \(error)")
        }
    }

    func testErrorsReadAsSentencesWithoutPersonalData() {
        var bad = secret(timed("e1", start: monday + hour, end: monday))
        bad.calendarId = "work"
        do {
            try reconcile([bad])
            XCTFail("end before start must be refused")
        } catch let error as HeatError {
            XCTAssertEqual(error.description, #"invalid input: endMs of event "e1": is before startMs"#)
            XCTAssertFalse(String(describing: error).contains(secretTitle))
            XCTAssertEqual(error.localizedDescription, error.description)
        } catch {
            XCTFail("expected a HeatError, got \(error)")
        }
    }
}
