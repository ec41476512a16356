import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The store object through the bindings: reconcile, the queries screens
/// use, the sync record, and the empty-source guard.
final class StoreTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let scope = "device"

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    func testAReopenedStoreStillHoldsTheEvents() throws {
        let path = directory.path("heat.db")
        let window = utcWindow(from: monday, days: 1)
        let events = [timed("a", start: monday + 9 * hour, end: monday + 10 * hour)]
        do {
            let store = try HeatStore.open(path: path, zones: bundledZones)
            _ = try store.reconcileHeat(scope: scope, window: window, events: events, options: ReconcileOptions(allowEmpty: false))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let reopened = try HeatStore.open(path: path, zones: bundledZones)
        XCTAssertEqual(try reopened.events(scope: scope, window: window), events)
        XCTAssertEqual(try reopened.events(scope: "another scope", window: window), [])
    }

    func testTenThousandEventsSurviveTheRoundTrip() throws {
        let store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
        let window = try bundledZones.windowOfDays(startDate: "2026-11-30", days: 35, timeZone: "Europe/Berlin")
        let availabilities: [Availability] = [.busy, .tentative, .free, .unavailable]
        let statuses: [EventStatus] = [.confirmed, .tentative, .cancelled]
        let participations: [Participation] = [.none, .accepted, .tentative, .needsAction, .declined]
        let events: [SourceEvent] = (0..<10_000).map { n in
            let start = window.startMs + Int64(n) * 5 * minute
            let time: EventTime = n % 100 == 0
                ? .allDay(startDate: "2026-12-\(10 + n % 20)", endDate: "2026-12-\(11 + n % 20)")
                : .timed(startMs: start, endMs: start + Int64(n % 7) * 15 * minute)
            return SourceEvent(
                id: "series-\(n / 10)@\(n)",
                calendarId: "calendar-\(n % 3)",
                title: "Événement n°\(n) 🗓️ — \u{4F1A}\u{8BAE}",
                location: n % 2 == 0 ? nil : "Raum \(n)",
                time: time,
                availability: availabilities[n % availabilities.count],
                status: statuses[n % statuses.count],
                participation: participations[n % participations.count]
            )
        }

        let first = try store.reconcileHeat(scope: scope, window: window, events: events, options: ReconcileOptions(allowEmpty: false))
        XCTAssertTrue(first.changed)
        XCTAssertEqual(first.eventsInserted, 10_000)
        XCTAssertEqual(first.ignoredOutsideWindow, 0)

        let stored = try store.events(scope: scope, window: window)
        XCTAssertEqual(stored.count, 10_000)
        XCTAssertEqual(Set(stored), Set(events))

        let again = try store.reconcileHeat(scope: scope, window: window, events: stored.shuffled(), options: ReconcileOptions(allowEmpty: false))
        XCTAssertFalse(again.changed)
        XCTAssertEqual(again.eventsUnchanged, 10_000)
        XCTAssertEqual(again.windowDigest, first.windowDigest)
    }

    func testHeatMapDaySummariesAndFreeBlocksDescribeTheStoredDay() throws {
        let store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
        let window = utcWindow(from: monday, days: 2)
        let events = [
            timed("a", start: monday + 9 * hour, end: monday + 11 * hour),
            timed("b", start: monday + 10 * hour, end: monday + 12 * hour, availability: .tentative),
            timed("declined", start: monday + 14 * hour, end: monday + 15 * hour, participation: .declined),
        ]
        _ = try store.reconcileHeat(scope: scope, window: window, events: events, options: ReconcileOptions(allowEmpty: false))

        let map = try store.heatMap(scope: scope, window: window, slotMinutes: 60)
        XCTAssertEqual(map.slots.count, 48)
        XCTAssertEqual(map.slots[9].heat, 1.0)
        XCTAssertEqual(map.slots[10].heat, 1.5)
        XCTAssertEqual(map.slots[11].heat, 0.5)
        XCTAssertEqual(map.slots[14].heat, 0.0, "a declined meeting has no heat")
        XCTAssertEqual(map.busyMinutes, 180)

        let days = try store.daySummaries(scope: scope, window: window)
        XCTAssertEqual(days.map(\.date), ["2026-11-30", "2026-12-01"])
        XCTAssertEqual(days[0].busyMinutes, 180)
        XCTAssertEqual(days[0].eventCount, 2)
        XCTAssertEqual(days[0].peakHeat, 1.5)
        XCTAssertEqual(days[0].longestFreeMinutes, 12 * 60)
        XCTAssertEqual(days[1].busyMinutes, 0)
        XCTAssertEqual(days[1].longestFreeMinutes, 24 * 60)

        let free = try store.freeBlocks(scope: scope, window: window, minMinutes: 9 * 60)
        XCTAssertEqual(free, [
            TimeRange(startMs: monday, endMs: monday + 9 * hour),
            TimeRange(startMs: monday + 12 * hour, endMs: monday + 2 * day),
        ])
    }

    func testLastSyncRecordsTheLatestReconcile() throws {
        let store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
        XCTAssertNil(try store.lastSync(scope: scope))
        let window = utcWindow(from: monday, days: 1)
        let before = Date().addingTimeInterval(-0.001)
        let outcome = try store.reconcileHeat(
            scope: scope, window: window, events: [timed("a", start: monday, end: monday + hour)],
            options: ReconcileOptions(allowEmpty: false)
        )
        let record = try XCTUnwrap(try store.lastSync(scope: scope))
        XCTAssertEqual(record.window, window)
        XCTAssertEqual(record.windowDigest, outcome.windowDigest)
        XCTAssertTrue(record.changed)
        XCTAssertGreaterThanOrEqual(record.at.epochMilliseconds, before.epochMilliseconds)
        XCTAssertLessThanOrEqual(record.at, Date())

        _ = try store.reconcileHeat(
            scope: scope, window: window, events: [timed("a", start: monday, end: monday + hour)],
            options: ReconcileOptions(allowEmpty: false)
        )
        XCTAssertEqual(try store.lastSync(scope: scope)?.changed, false, "the no-op is the latest sync")
    }

    func testAnEmptySourceIsRefusedUnlessTheCallerSaysItIsReallyEmpty() throws {
        let store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
        let window = utcWindow(from: monday, days: 1)
        let events = [timed("a", start: monday, end: monday + hour), timed("b", start: monday + hour, end: monday + 2 * hour)]
        _ = try store.reconcileHeat(scope: scope, window: window, events: events, options: ReconcileOptions(allowEmpty: false))

        do {
            _ = try store.reconcileHeat(scope: scope, window: window, events: [], options: ReconcileOptions(allowEmpty: false))
            XCTFail("an empty source must be refused")
        } catch HeatError.EmptySourceRefused(_, let storedEvents) {
            XCTAssertEqual(storedEvents, 2)
        }
        XCTAssertEqual(try store.events(scope: scope, window: window), events)

        let cleared = try store.reconcileHeat(scope: scope, window: window, events: [], options: ReconcileOptions(allowEmpty: true))
        XCTAssertTrue(cleared.changed)
        XCTAssertEqual(cleared.eventsDeleted, 2)
        XCTAssertEqual(try store.events(scope: scope, window: window), [])
    }

    func testWindowOfDaysFollowsLocalMidnightsAcrossDST() throws {
        let window = try bundledZones.windowOfDays(startDate: "2026-10-24", days: 2, timeZone: "Europe/Berlin")
        XCTAssertEqual(window.startMs, 1_792_792_800_000, "2026-10-24T00:00+02:00")
        XCTAssertEqual(window.endMs - window.startMs, 49 * hour, "the day summer time ends lasts 25 hours")
        XCTAssertEqual(window.timeZone, "Europe/Berlin")
    }

    func testEventsFromJsonReadsTheCommandLineFormat() throws {
        let json = """
            {"events": [
              {"id": "e1", "calendarId": "work", "title": "Standup",
               "start": "2026-11-30T09:00:00+01:00", "end": "2026-11-30T09:15:00+01:00",
               "availability": "busy", "status": "confirmed", "participation": "accepted"},
              {"id": "h1", "calendarId": "holidays", "title": "Holiday", "allDay": true,
               "startDate": "2026-12-25", "endDate": "2026-12-26", "availability": "free"}
            ]}
            """
        let events = try eventsFromJson(json: json)
        XCTAssertEqual(events.count, 2)
        XCTAssertEqual(events[0].time, .timed(startMs: monday + 8 * hour, endMs: monday + 8 * hour + 15 * minute))
        XCTAssertEqual(events[0].participation, .accepted)
        XCTAssertEqual(events[1].time, .allDay(startDate: "2026-12-25", endDate: "2026-12-26"))
        XCTAssertEqual(events[1].availability, .free)
        XCTAssertEqual(events[1].status, .confirmed)
        XCTAssertNil(events[1].location)
    }
}
