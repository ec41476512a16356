#if canImport(EventKit)
import EventKit
#else
import EventKitEnums
#endif
import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The rules that turn EventKit occurrences into the core's events.
final class OccurrenceMappingTests: XCTestCase {
    private func occurrence(
        _ id: String = "item-1",
        start: Date,
        end: Date,
        occurrenceDate: Date? = nil,
        allDay: Bool = false,
        recurring: Bool = false,
        detached: Bool = false
    ) -> CalendarOccurrence {
        CalendarOccurrence(
            calendarItemIdentifier: id, calendarIdentifier: "cal-A", title: "Planning", location: "Room 4",
            startDate: start, endDate: end, occurrenceDate: occurrenceDate, isAllDay: allDay,
            hasRecurrenceRules: recurring, isDetached: detached
        )
    }

    func testATimedSingleEventKeepsItsInstantsAndIdentifiers() {
        let event = SourceEvent(occurrence(start: berlinTime(2026, 11, 30, 9), end: berlinTime(2026, 11, 30, 10, 30)), deviceTimeZone: berlin)

        XCTAssertEqual(event.id, "item-1")
        XCTAssertEqual(event.calendarId, "cal-A")
        XCTAssertEqual(event.title, "Planning")
        XCTAssertEqual(event.location, "Room 4")
        // 2026-11-30T08:00Z .. 09:30Z
        XCTAssertEqual(event.time, .timed(startMs: 1_796_025_600_000, endMs: 1_796_031_000_000))
        XCTAssertEqual(event.availability, .busy)
        XCTAssertEqual(event.status, .confirmed)
        XCTAssertEqual(event.participation, .none)
    }

    func testAnAllDayEventIsTheSameFloatingDayInEveryTimeZone() {
        for name in ["Asia/Tokyo", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago"] {
            let zone = TimeZone(identifier: name)!
            // EventKit: local midnight to 23:59:59 of the last day, in the default zone.
            let start = wallClock(2026, 12, 25, 0, 0, 0, in: zone)
            let end = wallClock(2026, 12, 26, 23, 59, 59, in: zone)

            let event = SourceEvent(occurrence(start: start, end: end, allDay: true), deviceTimeZone: zone)

            XCTAssertEqual(event.time, .allDay(startDate: "2026-12-25", endDate: "2026-12-27"), name)
        }
        // Read in UTC, Tokyo's midnight would already be the day before: the zone matters.
        let tokyoMidnight = wallClock(2026, 12, 25, 0, 0, 0, in: TimeZone(identifier: "Asia/Tokyo")!)
        XCTAssertEqual(LocalDate(tokyoMidnight, in: TimeZone(identifier: "UTC")!).description, "2026-12-24")
    }

    func testAnAllDayEventEndingAtTheNextMidnightCoversTheSameDays() {
        let event = SourceEvent(occurrence(start: berlinTime(2026, 12, 24), end: berlinTime(2026, 12, 25), allDay: true), deviceTimeZone: berlin)
        XCTAssertEqual(event.time, .allDay(startDate: "2026-12-24", endDate: "2026-12-25"))

        let zeroLength = SourceEvent(occurrence(start: berlinTime(2026, 12, 24), end: berlinTime(2026, 12, 24), allDay: true), deviceTimeZone: berlin)
        XCTAssertEqual(zeroLength.time, .allDay(startDate: "2026-12-24", endDate: "2026-12-25"), "at least its first day")
    }

    func testAnAllDayEventOnADayWithoutMidnight() {
        // São Paulo started summer time at midnight on 2018-11-04: that day began at 01:00 (-02:00).
        let saoPaulo = TimeZone(identifier: "America/Sao_Paulo")!
        let start = Date(timeIntervalSince1970: 1_541_300_400)  // 2018-11-04T03:00Z = 01:00 -02:00
        let end = Date(timeIntervalSince1970: 1_541_383_199)  // 2018-11-04T23:59:59 -02:00
        XCTAssertEqual(LocalDate(start.addingTimeInterval(-1), in: saoPaulo).description, "2018-11-03")

        let event = SourceEvent(occurrence(start: start, end: end, allDay: true), deviceTimeZone: saoPaulo)

        XCTAssertEqual(event.time, .allDay(startDate: "2018-11-04", endDate: "2018-11-05"))
    }

    func testOccurrencesOfASeriesGetDistinctStableIds() {
        let occurrences = [(11, 30), (12, 7), (12, 14)].map { month, day in
            occurrence("weekly", start: berlinTime(2026, month, day, 9), end: berlinTime(2026, month, day, 10), recurring: true)
        }
        let ids = occurrences.map { SourceEvent($0, deviceTimeZone: berlin).id }

        XCTAssertEqual(ids, ["weekly@1796025600000", "weekly@1796630400000", "weekly@1797235200000"])
        XCTAssertEqual(occurrences.map { SourceEvent($0, deviceTimeZone: berlin).id }, ids, "the same occurrence always maps to the same id")
    }

    func testAMovedDetachedOccurrenceKeepsItsIdAndTakesItsNewTime() {
        let original = occurrence("weekly", start: berlinTime(2026, 12, 7, 9), end: berlinTime(2026, 12, 7, 10), recurring: true)
        // Moved to the afternoon of the next day; EventKit keeps the original occurrenceDate.
        let moved = occurrence(
            "weekly", start: berlinTime(2026, 12, 8, 15), end: berlinTime(2026, 12, 8, 16),
            occurrenceDate: berlinTime(2026, 12, 7, 9), recurring: true, detached: true
        )

        XCTAssertEqual(SourceEvent(moved, deviceTimeZone: berlin).id, SourceEvent(original, deviceTimeZone: berlin).id)
        XCTAssertEqual(
            SourceEvent(moved, deviceTimeZone: berlin).time,
            .timed(startMs: berlinTime(2026, 12, 8, 15).epochMilliseconds, endMs: berlinTime(2026, 12, 8, 16).epochMilliseconds)
        )
        // A detached occurrence counts as part of its series even without rules of its own.
        let detachedOnly = occurrence(
            "weekly", start: berlinTime(2026, 12, 8, 15), end: berlinTime(2026, 12, 8, 16),
            occurrenceDate: berlinTime(2026, 12, 7, 9), detached: true
        )
        XCTAssertEqual(SourceEvent(detachedOnly, deviceTimeZone: berlin).id, SourceEvent(original, deviceTimeZone: berlin).id)
    }

    func testARecurringAllDayOccurrenceIsKeyedByItsDateInAnyTimeZone() {
        let ids = ["Asia/Tokyo", "America/New_York"].map { name -> String in
            let zone = TimeZone(identifier: name)!
            let start = wallClock(2026, 12, 31, 0, 0, 0, in: zone)
            let end = wallClock(2026, 12, 31, 23, 59, 59, in: zone)
            return SourceEvent(occurrence("birthday", start: start, end: end, allDay: true, recurring: true), deviceTimeZone: zone).id
        }
        XCTAssertEqual(ids, ["birthday@2026-12-31", "birthday@2026-12-31"])
    }

    func testTheUsersAnswerDecidesParticipation() {
        let expected: [(EKParticipantStatus?, Participation)] = [
            (nil, .none), (.unknown, .none), (.pending, .needsAction), (.accepted, .accepted),
            (.tentative, .tentative), (.declined, .declined), (.delegated, .declined),
            (.completed, .accepted), (.inProcess, .accepted),
        ]
        for (status, participation) in expected {
            var value = occurrence(start: today, end: today.addingTimeInterval(3_600))
            value.participantStatus = status
            XCTAssertEqual(SourceEvent(value, deviceTimeZone: berlin).participation, participation, "\(String(describing: status))")
        }
    }

    func testAnAllDayEventTakesTheDeviceZoneNotTheZoneItsServerAttached() {
        // EventKit gives an all-day event's dates on the device's wall clock
        // (Berlin here); a server may still attach its own zone to the event.
        let start = berlinTime(2026, 12, 24)
        let end = berlinTime(2026, 12, 24, 23, 59, 59)
        let losAngeles = TimeZone(identifier: "America/Los_Angeles")!

        let event = SourceEvent(occurrence(start: start, end: end, allDay: true), deviceTimeZone: berlin)

        XCTAssertEqual(event.time, .allDay(startDate: "2026-12-24", endDate: "2026-12-25"))
        XCTAssertEqual(
            SourceEvent(occurrence(start: start, end: end, allDay: true), deviceTimeZone: losAngeles).time,
            .allDay(startDate: "2026-12-23", endDate: "2026-12-25"),
            "read in the attached zone, one day would become two"
        )
    }

    func testNotSupportedAvailabilityIsFreeAllDayAndBusyWhenTimed() {
        var birthday = occurrence("birthday", start: berlinTime(2026, 12, 2), end: berlinTime(2026, 12, 2, 23, 59, 59), allDay: true)
        birthday.availability = .notSupported
        var meeting = occurrence(start: berlinTime(2026, 12, 2, 9), end: berlinTime(2026, 12, 2, 10))
        meeting.availability = .notSupported

        XCTAssertEqual(SourceEvent(birthday, deviceTimeZone: berlin).availability, .free)
        XCTAssertEqual(SourceEvent(meeting, deviceTimeZone: berlin).availability, .busy)
    }

    func testAvailabilityAndStatusMapToTheCoresValues() {
        let availabilities: [(EKEventAvailability, Availability)] = [
            (.notSupported, .busy), (.busy, .busy), (.free, .free), (.tentative, .tentative), (.unavailable, .unavailable),
        ]
        for (eventKit, core) in availabilities {
            var value = occurrence(start: today, end: today.addingTimeInterval(3_600))
            value.availability = eventKit
            XCTAssertEqual(SourceEvent(value, deviceTimeZone: berlin).availability, core, "\(eventKit)")
        }
        let statuses: [(EKEventStatus, EventStatus)] = [
            (.none, .confirmed), (.confirmed, .confirmed), (.tentative, .tentative), (.canceled, .cancelled),
        ]
        for (eventKit, core) in statuses {
            var value = occurrence(start: today, end: today.addingTimeInterval(3_600))
            value.status = eventKit
            XCTAssertEqual(SourceEvent(value, deviceTimeZone: berlin).status, core, "\(eventKit)")
        }
    }

    func testDeclinedAndTentativeMeetingsHeatTheStoreAsTheSpecSays() throws {
        let directory = try TemporaryDirectory()
        let store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
        var declined = occurrence("declined", start: berlinTime(2026, 11, 30, 9), end: berlinTime(2026, 11, 30, 10))
        declined.participantStatus = .declined
        var tentative = occurrence("tentative", start: berlinTime(2026, 11, 30, 10), end: berlinTime(2026, 11, 30, 11))
        tentative.participantStatus = .tentative
        var invited = occurrence("invited", start: berlinTime(2026, 11, 30, 11), end: berlinTime(2026, 11, 30, 12))
        invited.participantStatus = .pending
        var cancelled = occurrence("cancelled", start: berlinTime(2026, 11, 30, 12), end: berlinTime(2026, 11, 30, 13))
        cancelled.status = .canceled
        let accepted = occurrence("accepted", start: berlinTime(2026, 11, 30, 13), end: berlinTime(2026, 11, 30, 14))
        let window = TimeWindow(
            startMs: berlinTime(2026, 11, 30, 9).epochMilliseconds, endMs: berlinTime(2026, 11, 30, 14).epochMilliseconds,
            timeZone: "Europe/Berlin"
        )

        _ = try store.reconcileHeat(
            scope: "device", window: window, events: [declined, tentative, invited, cancelled, accepted].map { SourceEvent($0, deviceTimeZone: berlin) },
            options: ReconcileOptions(allowEmpty: false)
        )

        let map = try store.heatMap(scope: "device", window: window, slotMinutes: 60)
        XCTAssertEqual(map.slots.map(\.heat), [0, 0.5, 0.5, 0, 1])
    }

    func testTitlesAndTimesGoToTheJobAsEventKitGaveThem() {
        var value = occurrence(start: berlinTime(2026, 11, 30, 10), end: berlinTime(2026, 11, 30, 9))
        value.title = String(repeating: "é🗓", count: 5_000)  // 30,000 bytes: the job cuts it, not the mapping

        let event = SourceEvent(value, deviceTimeZone: berlin)

        XCTAssertEqual(event.title, value.title)
        XCTAssertEqual(
            event.time,
            .timed(startMs: berlinTime(2026, 11, 30, 10).epochMilliseconds, endMs: berlinTime(2026, 11, 30, 9).epochMilliseconds),
            "an end before the start is the job's to leave out"
        )
    }
}
