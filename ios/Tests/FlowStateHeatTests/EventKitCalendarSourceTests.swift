import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// When the EventKit source resets its store, and which calendars it reads.
final class EventKitCalendarSourceTests: XCTestCase {
    private let week = DateInterval(start: berlinTime(2026, 11, 30), end: berlinTime(2026, 12, 7))
    private let calendars = [
        CalendarInfo(identifier: "work", title: "Work", accountTitle: "Exchange", type: .exchange),
        CalendarInfo(identifier: "home", title: "Home", accountTitle: "iCloud", type: .calDAV),
        CalendarInfo(identifier: "phone", title: "Calendar", accountTitle: "On My iPhone", type: .local),
        CalendarInfo(identifier: "birthdays", type: .birthday),
        CalendarInfo(identifier: "holidays", type: .subscription),
    ]

    private func meeting(_ id: String, in calendar: String) -> CalendarOccurrence {
        CalendarOccurrence(
            calendarItemIdentifier: id, calendarIdentifier: calendar, title: "Meeting",
            startDate: berlinTime(2026, 12, 1, 9), endDate: berlinTime(2026, 12, 1, 10)
        )
    }

    private func hiding(_ identifiers: Set<String>) -> CalendarSelection {
        CalendarSelection(hiddenCalendars: Set(calendars.filter { identifiers.contains($0.identifier) }.map(HiddenCalendar.init)))
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
            client: eventStore, selection: hiding(["home"])
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
            client: eventStore, selection: hiding(["work", "home", "phone"])
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
        let window = try bundledZones.windowOfDays(startDate: "2026-11-30", days: 14, timeZone: "Europe/Berlin")

        let read = try source.read(range: TimeRange(startMs: window.startMs, endMs: window.endMs))

        XCTAssertEqual(read.calendarCount, 3)
        XCTAssertEqual(read.events.map(\.id), ["m", "ada@2026-12-10"])
        XCTAssertEqual(read.events.last?.time, .allDay(startDate: "2026-12-10", endDate: "2026-12-11"))
        XCTAssertEqual(read.events.last?.availability, .free)
        XCTAssertEqual(eventStore.queriedCalendarIDs, [["work", "home", "phone"]])
    }

    /// Issue 21, point 7: EventKit cuts a predicate to four years; a longer
    /// window read in one predicate lost everything after that.
    func testARangeLongerThanFourYearsIsReadInSpansEachOccurrenceOnce() {
        let start = berlinTime(2026, 1, 1)
        let boundary = start.addingTimeInterval(EventKitCalendarSource.maxPredicateSpan)
        let occurrences = [
            CalendarOccurrence(calendarItemIdentifier: "year-1", calendarIdentifier: "work", title: "A", startDate: berlinTime(2026, 6, 1, 9), endDate: berlinTime(2026, 6, 1, 10)),
            CalendarOccurrence(calendarItemIdentifier: "across", calendarIdentifier: "work", title: "B", startDate: boundary.addingTimeInterval(-3_600), endDate: boundary.addingTimeInterval(3_600)),
            CalendarOccurrence(calendarItemIdentifier: "year-7", calendarIdentifier: "work", title: "C", startDate: berlinTime(2032, 6, 1, 9), endDate: berlinTime(2032, 6, 1, 10)),
        ]
        let eventStore = FakeEventStore(status: .fullAccess, calendars: calendars, occurrences: occurrences)
        let source = EventKitCalendarSource(client: eventStore)

        let read = source.readOccurrences(DateInterval(start: start, end: berlinTime(2036, 1, 1)))

        XCTAssertEqual(read.occurrences.map(\.calendarItemIdentifier), ["year-1", "across", "year-7"])
        XCTAssertEqual(eventStore.queriedCalendarIDs.count, 3, "ten years in spans of at most four")
    }

    /// Issue 21, point 4: the selection was fixed for the life of the process.
    func testASelectionChangedAtRuntimeAppliesToTheNextRead() {
        let eventStore = store(.fullAccess)
        let source = EventKitCalendarSource(client: eventStore)
        XCTAssertEqual(source.readOccurrences(week).calendarCount, 3)

        source.select(hiding(["work"]))

        XCTAssertEqual(source.readOccurrences(week).calendarCount, 2)
        XCTAssertEqual(eventStore.queriedCalendarIDs.last, ["home", "phone"])
    }

    /// After a full sync a calendar comes back under a new identifier: the
    /// persisted hidden calendar is found by its title and account, and
    /// re-keyed; another account's calendar of the same title is not hidden.
    func testAHiddenCalendarWhoseIdentifierChangedStaysHiddenAndIsRekeyed() {
        let selection = hiding(["home"])
        let afterFullSync = [
            CalendarInfo(identifier: "home-2", title: "Home", accountTitle: "iCloud", type: .calDAV),
            CalendarInfo(identifier: "other-home", title: "Home", accountTitle: "Gmail", type: .calDAV),
            CalendarInfo(identifier: "work", title: "Work", accountTitle: "Exchange", type: .exchange),
        ]

        let included = afterFullSync.filter { selection.includes($0, among: afterFullSync) }.map(\.identifier)
        let updated = selection.updated(for: afterFullSync)

        XCTAssertEqual(included, ["other-home", "work"])
        XCTAssertEqual(updated.hiddenCalendars.map(\.identifier), ["home-2"])
        XCTAssertEqual(afterFullSync.filter { updated.includes($0, among: afterFullSync) }.map(\.identifier), ["other-home", "work"])
    }
}
