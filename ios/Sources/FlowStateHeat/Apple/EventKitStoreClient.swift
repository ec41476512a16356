#if canImport(EventKit)
import EventKit
import Foundation

/// `EventStoreClient` over one `EKEventStore`: copies values, decides
/// nothing (the rules are in `EventKitCalendarSource` and the mapping, where
/// they are tested). Every call on the store runs on one serial queue of its
/// own: EventKit objects are not Sendable, and the blocking fetch must not
/// run on the main actor or the cooperative thread pool. Only plain values
/// leave the queue.
public final class EventKitStoreClient: EventStoreClient, @unchecked Sendable {
    // Touched only on `queue` (and by the async access request, which
    // EventKit runs on a queue of its own).
    private let eventStore: EKEventStore
    private let queue = DispatchQueue(label: "app.flowstate.heat.eventkit", qos: .utility)

    /// Long-lived: an `EKEventStore` is expensive to create (one per app).
    public init(eventStore: EKEventStore) {
        self.eventStore = eventStore
    }

    public func authorizationStatus() -> CalendarAccess {
        CalendarAccess(eventKitRawValue: EKEventStore.authorizationStatus(for: .event).rawValue)
    }

    /// iOS 17 grants reading only through full access
    /// (`NSCalendarsFullAccessUsageDescription`); earlier systems use
    /// `NSCalendarsUsageDescription`.
    public func requestFullAccess() async throws -> Bool {
        if #available(iOS 17.0, macOS 14.0, *) {
            return try await eventStore.requestFullAccessToEvents()
        }
        return try await eventStore.requestAccess(to: .event)
    }

    public func calendars() -> [CalendarInfo] {
        queue.sync {
            eventStore.calendars(for: .event).map { calendar in
                CalendarInfo(
                    identifier: calendar.calendarIdentifier,
                    title: calendar.title,
                    accountTitle: calendar.source?.title ?? "",
                    type: calendar.type
                )
            }
        }
    }

    public func occurrences(in interval: DateInterval, calendarIDs: [String]) -> [CalendarOccurrence] {
        queue.sync {
            let wanted = Set(calendarIDs)
            let calendars = eventStore.calendars(for: .event).filter { wanted.contains($0.calendarIdentifier) }
            // An empty list would search every calendar.
            guard !calendars.isEmpty else { return [] }
            let predicate = eventStore.predicateForEvents(withStart: interval.start, end: interval.end, calendars: calendars)
            return eventStore.events(matching: predicate).compactMap(CalendarOccurrence.init)
        }
    }

    public func reset() {
        // Asynchronous: called on the main thread (EKEventStoreChanged), it must
        // not wait for a fetch in progress; reads queued after it see the reset.
        queue.async { self.eventStore.reset() }
    }
}

extension EventKitCalendarSource {
    /// The device calendar: `eventStore` is the app's one `EKEventStore`.
    public convenience init(eventStore: EKEventStore, selection: CalendarSelection = CalendarSelection()) {
        self.init(client: EventKitStoreClient(eventStore: eventStore), selection: selection)
    }
}

extension CalendarOccurrence {
    /// nil for an event without dates (one being created elsewhere): it
    /// cannot be placed on a day.
    init?(_ event: EKEvent) {
        guard let startDate = event.startDate, let endDate = event.endDate else { return nil }
        let currentUser = event.attendees?.first { $0.isCurrentUser }
        self.init(
            calendarItemIdentifier: event.calendarItemIdentifier,
            calendarIdentifier: event.calendar?.calendarIdentifier ?? "",
            title: event.title ?? "",
            location: event.location,
            startDate: startDate,
            endDate: endDate,
            occurrenceDate: event.occurrenceDate ?? startDate,
            isAllDay: event.isAllDay,
            hasRecurrenceRules: event.hasRecurrenceRules,
            isDetached: event.isDetached,
            availability: event.availability,
            status: event.status,
            participantStatus: currentUser?.participantStatus
        )
    }
}
#endif
