@testable import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The iOS run end to end on Linux: the EventKit source (over a fake event
/// store) feeding the Rust sync job through the coordinator, on a real file.
final class DeviceCalendarSyncTests: XCTestCase {
    private let calendars = [CalendarInfo(identifier: "work", type: .exchange), CalendarInfo(identifier: "holidays", type: .subscription)]
    private var directory: TemporaryDirectory!
    private var path: String!
    /// The plan's whole range: 2026-11-23 .. 2027-01-11 in Berlin.
    private var horizon: TimeWindow!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        path = directory.path("heat.db")
        horizon = try bundledZones.windowOfDays(startDate: "2026-11-23", days: 49, timeZone: "Europe/Berlin")
    }

    private func heatSync(_ source: EventKitCalendarSource) -> DeviceCalendarSync {
        DeviceCalendarSync(storePath: path, scope: "device", source: source, zones: bundledZones, deviceTimeZone: { berlin }, now: { today })
    }

    private func source(_ eventStore: FakeEventStore) -> EventKitCalendarSource {
        EventKitCalendarSource(client: eventStore, deviceTimeZone: { berlin })
    }

    private func storedIDs() throws -> Set<String> {
        Set(try HeatStore.openReadOnly(path: path, zones: bundledZones).events(scope: "device", window: horizon).map(\.id))
    }

    func testEachRunPlansTheDevicesDateAndZone() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let sync = DeviceCalendarSync(
            storePath: path, scope: "device", source: EventKitCalendarSource(client: FakeEventStore(status: .fullAccess, calendars: [], occurrences: [])),
            zones: bundledZones, deviceTimeZone: { tokyo }, now: { berlinTime(2026, 11, 30, 20) }  // already Dec 1 in Tokyo
        )

        let plan = sync.plan()

        XCTAssertEqual(plan.timeZone, "Asia/Tokyo")
        XCTAssertEqual(plan.today, "2026-12-01")
        XCTAssertEqual([plan.pastDays, plan.futureDays, plan.windowDays], [7, 42, 7])
        XCTAssertEqual(plan.budgetMillis, 20_000)
    }

    func testAGrantThenASyncStoresTheSelectedCalendars() async throws {
        let eventStore = FakeEventStore(status: .notDetermined, calendars: calendars, occurrences: sixWeeksOfCalendar())
        let source = source(eventStore)  // made at launch, before the prompt
        let coordinator = SyncCoordinator(heatSync(source), execution: DispatchSyncExecution())
        let before = await coordinator.requested()
        XCTAssertEqual(before?.stop, .accessNotGranted(access: .notDetermined))

        _ = try await source.requestAccess()
        let summary = await coordinator.requested()

        XCTAssertEqual(summary?.stop, .completed)
        XCTAssertEqual(summary?.windows.count, 7, "six weeks ahead and one back")
        let expected = Set(sixWeeksOfCalendar().filter { $0.calendarIdentifier == "work" }.map { SourceEvent($0, deviceTimeZone: berlin).id })
        XCTAssertEqual(try storedIDs(), expected, "the subscribed holiday calendar is left out")
        let again = await coordinator.requested()
        XCTAssertEqual(again?.windows.allSatisfy { !$0.outcome.changed }, true, "the same calendar again changes nothing")
    }

    /// A read stuck in EventKit used to keep the run, and the store file,
    /// open past the expiry: the task was completed after the fallback while
    /// the file was still open. The read is now given up when the run is
    /// cancelled, so the run ends (and the file closes) before the grace.
    func testExpiryDuringABlockedEventKitReadEndsTheRunBeforeTheGraceAndLeavesTheStore() async throws {
        let eventStore = FakeEventStore(status: .fullAccess, calendars: calendars, occurrences: sixWeeksOfCalendar())
        let sync = heatSync(source(eventStore))
        let first = await SyncCoordinator(sync, execution: DispatchSyncExecution()).requested()
        XCTAssertEqual(first?.stop, .completed)
        let before = try storedIDs()
        eventStore.occurrences = []  // the calendar was emptied...
        eventStore.blockReads()  // ...and EventKit hangs in events(matching:)

        let completions = Completions()
        let execution = DispatchSyncExecution()
        let coordinator = SyncCoordinator(sync, execution: execution) { completions.summary = $0 }
        BackgroundTaskRun.start(
            coordinator,
            execution: execution,
            installExpirationHandler: { completions.expire = $0 },
            complete: { completions.append($0) },
            expiryGrace: 5
        )
        await eventually("the read is blocked") { eventStore.blockedReads == 1 }
        let expired = Date()
        completions.expire?()

        XCTAssertLessThan(Date().timeIntervalSince(expired), 1, "the run's end, not the 5 s grace, ended the wait")
        XCTAssertEqual(completions.values, [false])
        XCTAssertFalse(coordinator.isRunning, "the run returned while EventKit still hangs")
        XCTAssertEqual(completions.summary?.disposition, .retryLater)
        XCTAssertEqual(try storedIDs(), before, "the cancelled run wrote nothing")
        eventStore.unblockReads()
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(completions.values, [false], "once")
        XCTAssertEqual(try storedIDs(), before, "the given-up fetch's late answer is dropped")
    }
}

private final class Completions: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Bool] = []
    private var handler: (@Sendable () -> Void)?
    private var lastSummary: SyncSummary?

    var summary: SyncSummary? {
        get { lock.withLock { lastSummary } }
        set { lock.withLock { lastSummary = newValue } }
    }

    var values: [Bool] { lock.withLock { stored } }

    var expire: (@Sendable () -> Void)? {
        get { lock.withLock { handler } }
        set { lock.withLock { handler = newValue } }
    }

    func append(_ value: Bool) {
        lock.withLock { stored.append(value) }
    }
}
