import FlowStateHeat
import XCTest

/// When the EventKit source resets its store, and which calendars it reads.
final class EventKitCalendarSourceTests: XCTestCase {
    private let week = DateInterval(start: berlinTime(2026, 11, 30), end: berlinTime(2026, 12, 7))
    private let calendars = [
        CalendarInfo(identifier: "work", type: .exchange),
        CalendarInfo(identifier: "home", type: .calDAV),
        CalendarInfo(identifier: "phone", type: .local),
        CalendarInfo(identifier: "birthdays", type: .birthday),
        CalendarInfo(identifier: "holidays", type: .subscription),
    ]

    private func meeting(_ id: String, in calendar: String) -> CalendarOccurrence {
        CalendarOccurrence(
            calendarItemIdentifier: id, calendarIdentifier: calendar, title: "Meeting",
            startDate: berlinTime(2026, 12, 1, 9), endDate: berlinTime(2026, 12, 1, 10)
        )
    }

    private func store(_ status: CalendarAccess) -> FakeEventStore {
        FakeEventStore(
            status: status, calendars: calendars,
            occurrences: ["work", "home", "phone", "birthdays", "holidays"].map { meeting("in-\($0)", in: $0) }
        )
    }

    func testAGrantThenAReadSeesTheCalendarsWithoutARelaunch() async throws {
        let eventStore = store(.notDetermined)
        let source = EventKitCalendarSource(client: eventStore)  // made at launch, before the prompt
        XCTAssertEqual(source.readOccurrences(week).calendarCount, 0)

        let granted = try await source.requestAccess()

        XCTAssertTrue(granted)
        XCTAssertEqual(source.access(), .fullAccess)
        XCTAssertEqual(eventStore.resets, 1)
        let read = source.readOccurrences(week)
        XCTAssertEqual(read.calendarCount, 3)
        XCTAssertEqual(read.occurrences.map(\.calendarItemIdentifier).sorted(), ["in-home", "in-phone", "in-work"])
    }

    func testAnAccessChangeInSettingsResetsTheStoreOnStoreChanged() {
        let eventStore = store(.denied)
        let source = EventKitCalendarSource(client: eventStore)
        eventStore.setStatus(.fullAccess)
        XCTAssertEqual(source.readOccurrences(week).calendarCount, 0, "the store still shows the state before the grant")

        XCTAssertTrue(source.eventStoreChanged())
        XCTAssertEqual(source.readOccurrences(week).calendarCount, 3)

        XCTAssertFalse(source.eventStoreChanged(), "an ordinary calendar edit does not reset")
        XCTAssertEqual(eventStore.resets, 1)

        eventStore.setStatus(.denied)
        XCTAssertTrue(source.eventStoreChanged(), "a revocation resets too")
        XCTAssertEqual(eventStore.resets, 2)
    }

    func testATimeZoneChangeResetsTheStore() {
        let eventStore = store(.fullAccess)
        let source = EventKitCalendarSource(client: eventStore)

        source.systemTimeZoneChanged()

        XCTAssertEqual(eventStore.resets, 1)
    }

    func testBirthdaysSubscriptionsAndHiddenCalendarsAreLeftOutByDefault() {
        let eventStore = store(.fullAccess)
        let source = EventKitCalendarSource(
            client: eventStore, selection: CalendarSelection(hiddenCalendarIDs: ["home"])
        )

        let read = source.readOccurrences(week)

        XCTAssertEqual(read.calendarCount, 2)
        XCTAssertEqual(eventStore.queriedCalendarIDs, [["work", "phone"]])
        XCTAssertEqual(read.occurrences.map(\.calendarItemIdentifier).sorted(), ["in-phone", "in-work"])
    }

    func testBirthdaysAndSubscriptionsCanBeIncluded() {
        let eventStore = store(.fullAccess)
        let source = EventKitCalendarSource(
            client: eventStore, selection: CalendarSelection(includesBirthdays: true, includesSubscriptions: true)
        )

        XCTAssertEqual(source.readOccurrences(week).calendarCount, 5)
        XCTAssertEqual(eventStore.queriedCalendarIDs, [["work", "home", "phone", "birthdays", "holidays"]])
    }

    func testNoSelectedCalendarReadsAsZeroCalendarsWithoutAskingEventKit() {
        let eventStore = store(.fullAccess)
        let source = EventKitCalendarSource(
            client: eventStore, selection: CalendarSelection(hiddenCalendarIDs: ["work", "home", "phone"])
        )

        let read = source.readOccurrences(week)

        XCTAssertEqual(read.calendarCount, 0)
        XCTAssertTrue(read.occurrences.isEmpty)
        XCTAssertTrue(eventStore.queriedCalendarIDs.isEmpty, "an empty list would make EventKit search every calendar")
    }

    func testAReadForTheJobMapsTheWindowsOccurrencesInTheDeviceZone() throws {
        let birthday = CalendarOccurrence(
            calendarItemIdentifier: "ada", calendarIdentifier: "work", title: "Ada's birthday",
            startDate: berlinTime(2026, 12, 10), endDate: berlinTime(2026, 12, 10, 23, 59, 59), isAllDay: true,
            hasRecurrenceRules: true, availability: .notSupported
        )
        let eventStore = FakeEventStore(status: .fullAccess, calendars: calendars, occurrences: [meeting("m", in: "work"), birthday])
        let source = EventKitCalendarSource(client: eventStore, deviceTimeZone: { berlin })
        let window = try windowOfDays(startDate: "2026-11-30", days: 14, timeZone: "Europe/Berlin")

        let read = try source.read(range: TimeRange(startMs: window.startMs, endMs: window.endMs))

        XCTAssertEqual(read.calendarCount, 3)
        XCTAssertEqual(read.events.map(\.id), ["m", "ada@2026-12-10"])
        XCTAssertEqual(read.events.last?.time, .allDay(startDate: "2026-12-10", endDate: "2026-12-11"))
        XCTAssertEqual(read.events.last?.availability, .free)
        XCTAssertEqual(eventStore.queriedCalendarIDs, [["work", "home", "phone"]])
    }

    func testUnknownCalendarTypesCountAsOrdinaryCalendars() {
        XCTAssertEqual(EventKitCalendarType(eventKitRawValue: 4), .birthday)
        XCTAssertEqual(EventKitCalendarType(eventKitRawValue: 42), .local)
    }
}
