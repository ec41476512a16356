#if canImport(EventKit)
import EventKit
#else
import EventKitEnums
#endif
import Foundation

/// The mapping rules from an EventKit occurrence to the core's
/// `SourceEvent`. Written against `CalendarOccurrence` (plain values) so they
/// are tested on Linux. EventKit's enums are not frozen: a value added by a
/// later iOS takes the `@unknown default` branch, chosen per enum for what is
/// safe (free all-day, ordinary, not responded).
extension SourceEvent {
    /// - Parameter deviceTimeZone: the zone EventKit gave all-day dates in
    ///   (the device's). An all-day event's own `EKEvent.timeZone` (set by
    ///   some servers) is not used: the dates are not on its wall clock.
    public init(_ occurrence: CalendarOccurrence, deviceTimeZone: TimeZone) {
        self.init(
            id: occurrence.stableID(deviceTimeZone: deviceTimeZone),
            calendarId: occurrence.calendarIdentifier,
            title: occurrence.title,
            location: occurrence.location,
            time: occurrence.eventTime(deviceTimeZone: deviceTimeZone),
            availability: Availability(occurrence.availability, isAllDay: occurrence.isAllDay),
            status: EventStatus(occurrence.status),
            participation: Participation(occurrence.participantStatus)
        )
    }
}

extension CalendarOccurrence {
    /// Stable per occurrence. A series' occurrences share the
    /// `calendarItemIdentifier`, so the occurrence's original start is
    /// appended: `occurrenceDate` stays put when a detached occurrence moves,
    /// and an all-day one is keyed by its floating date, which a change of
    /// device time zone does not shift. A single event is its identifier
    /// alone, so moving it keeps its id and the store drops the old copy even
    /// when it lies outside the window being synced.
    func stableID(deviceTimeZone: TimeZone) -> String {
        guard hasRecurrenceRules || isDetached else { return calendarItemIdentifier }
        let occurrence = isAllDay
            ? LocalDate(occurrenceDate, in: deviceTimeZone).description
            : String(occurrenceDate.epochMilliseconds)
        return "\(calendarItemIdentifier)@\(occurrence)"
    }

    /// All-day events are floating dates: EventKit gives local midnight to
    /// 23:59:59 of the last day in the device zone; the core wants the first day
    /// and the day after the last. An end at the next midnight (the other
    /// convention) gives the same result, and an all-day event covers at
    /// least its first day. Timed events keep their instants as they are
    /// (one ending before it starts is the job's to leave out).
    func eventTime(deviceTimeZone: TimeZone) -> EventTime {
        guard isAllDay else {
            return .timed(startMs: startDate.epochMilliseconds, endMs: endDate.epochMilliseconds)
        }
        let first = LocalDate(startDate, in: deviceTimeZone)
        let last = LocalDate(endDate.addingTimeInterval(-1), in: deviceTimeZone)
        return .allDay(startDate: first.description, endDate: max(first, last).next.description)
    }
}

extension Availability {
    /// `notSupported` is what calendars without free/busy report: birthdays
    /// and subscribed holiday calendars (all-day: free, or every birthday
    /// would be a fully busy day) and some servers' meetings (timed: busy).
    init(_ value: EKEventAvailability, isAllDay: Bool) {
        switch value {
        case .busy: self = .busy
        case .free: self = .free
        case .tentative: self = .tentative
        case .unavailable: self = .unavailable
        case .notSupported: fallthrough
        @unknown default: self = isAllDay ? .free : .busy
        }
    }
}

extension EventStatus {
    init(_ value: EKEventStatus) {
        switch value {
        case .tentative: self = .tentative
        case .canceled: self = .cancelled
        case .none, .confirmed: fallthrough
        @unknown default: self = .confirmed
        }
    }
}

extension Participation {
    /// The user's own answer. Delegating hands the meeting to someone else,
    /// so it frees the user like a decline; an unknown status tells nothing
    /// and counts as no answer.
    init(_ value: EKParticipantStatus?) {
        switch value {
        case .pending: self = .needsAction
        case .accepted, .completed, .inProcess: self = .accepted
        case .tentative: self = .tentative
        case .declined, .delegated: self = .declined
        case nil, .unknown: fallthrough
        @unknown default: self = .none
        }
    }
}
