#if canImport(EventKit)
import EventKit
import Foundation

/// The device calendar through EventKit. Only copies values: the rules live
/// in the platform-neutral layer (`CalendarOccurrence`, `SourceEvent.init`,
/// `CalendarAccess`), where they are tested.
public final class EventKitCalendarSource: CalendarSource, @unchecked Sendable {
    /// EventKit cuts a predicate's range to its first four years; read in
    /// pieces safely below that.
    static let maxPredicateSpan: TimeInterval = 3 * 365 * 86_400

    /// Long-lived: an `EKEventStore` is expensive to create (Apple's advice:
    /// one per app). Observe `EKEventStoreChanged` on this object.
    public let eventStore: EKEventStore
    /// The `calendarIdentifier`s the user chose to include; `nil` for all.
    public let selectedCalendarIDs: Set<String>?

    public init(eventStore: EKEventStore, selectedCalendarIDs: Set<String>? = nil) {
        self.eventStore = eventStore
        self.selectedCalendarIDs = selectedCalendarIDs
    }

    public func access() -> CalendarAccess {
        CalendarAccess(eventKitRawValue: EKEventStore.authorizationStatus(for: .event).rawValue)
    }

    /// Shows the system prompt (once per install). iOS 17 grants reading only
    /// through full access (`NSCalendarsFullAccessUsageDescription`); earlier
    /// systems use `NSCalendarsUsageDescription`.
    public func requestAccess() async throws -> Bool {
        if #available(iOS 17.0, macOS 14.0, *) {
            return try await eventStore.requestFullAccessToEvents()
        }
        return try await eventStore.requestAccess(to: .event)
    }

    public func read(_ interval: DateInterval) async throws -> CalendarRead {
        let calendars = eventStore.calendars(for: .event).filter { calendar in
            selectedCalendarIDs?.contains(calendar.calendarIdentifier) ?? true
        }
        // An empty array is not passed on: the predicate would read every
        // calendar. Zero calendars reads as nothing, which the runner never
        // takes as a reason to delete.
        guard !calendars.isEmpty else { return CalendarRead(calendarCount: 0, occurrences: []) }
        var occurrences: [CalendarOccurrence] = []
        for piece in interval.chunks(maxDuration: Self.maxPredicateSpan) {
            try Task.checkCancellation()
            let predicate = eventStore.predicateForEvents(withStart: piece.start, end: piece.end, calendars: calendars)
            occurrences += eventStore.events(matching: predicate).map(CalendarOccurrence.init)
        }
        return CalendarRead(calendarCount: calendars.count, occurrences: occurrences)
    }
}

extension CalendarOccurrence {
    init(_ event: EKEvent) {
        let currentUser = event.attendees?.first { $0.isCurrentUser }
        self.init(
            calendarItemIdentifier: event.calendarItemIdentifier,
            calendarIdentifier: event.calendar?.calendarIdentifier ?? "",
            title: event.title ?? "",
            location: event.location,
            startDate: event.startDate,
            endDate: event.endDate,
            occurrenceDate: event.occurrenceDate,
            isAllDay: event.isAllDay,
            // Floating events (all-day ones) come in the default time zone.
            timeZone: event.timeZone ?? .current,
            hasRecurrenceRules: event.hasRecurrenceRules,
            isDetached: event.isDetached,
            availability: EventKitAvailability(eventKitRawValue: event.availability.rawValue),
            status: EventKitStatus(eventKitRawValue: event.status.rawValue),
            participantStatus: currentUser.map { EventKitParticipantStatus(eventKitRawValue: $0.participantStatus.rawValue) }
        )
    }
}
#endif
