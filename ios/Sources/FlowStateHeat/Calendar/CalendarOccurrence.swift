import Foundation

/// One occurrence as EventKit reports it (an `EKEvent` from
/// `EKEventStore.events(matching:)`, recurring events already expanded),
/// reduced to the plain values the mapping rules need. EventKit itself
/// only exists on Apple platforms; with this type the rules are tested on
/// Linux and the EventKit adapter merely copies fields.
public struct CalendarOccurrence: Equatable, Sendable {
    /// `EKCalendarItem.calendarItemIdentifier`: shared by all occurrences of
    /// a series. Not permanent: "A full sync with the calendar will lose
    /// this identifier", and Apple does not say it survives a move to
    /// another calendar (of `eventIdentifier` it says "If the calendar of an
    /// event changes, its identifier most likely changes as well"). A lost
    /// id reads as a deletion and an addition, reconciled by the next run.
    public var calendarItemIdentifier: String
    /// `EKCalendar.calendarIdentifier` of the event's calendar.
    public var calendarIdentifier: String
    /// Personal data: stored for screens, never logged.
    public var title: String
    public var location: String?
    public var startDate: Date
    /// For all-day events EventKit reports 23:59:59 of the last day.
    /// All-day events are floating: EventKit gives their dates on the
    /// device's wall clock, whatever `EKEvent.timeZone` says.
    public var endDate: Date
    /// `EKEvent.occurrenceDate`: where this occurrence sits in its series,
    /// unchanged when a detached occurrence is moved.
    public var occurrenceDate: Date
    public var isAllDay: Bool
    /// `EKCalendarItem.hasRecurrenceRules`.
    public var hasRecurrenceRules: Bool
    /// `EKEvent.isDetached`: an occurrence edited apart from its series.
    public var isDetached: Bool
    public var availability: EventKitAvailability
    public var status: EventKitStatus
    /// The participant status of the attendee that is the current user;
    /// `nil` when the user is not among the attendees (organizer, no attendees).
    public var participantStatus: EventKitParticipantStatus?

    public init(
        calendarItemIdentifier: String,
        calendarIdentifier: String,
        title: String,
        location: String? = nil,
        startDate: Date,
        endDate: Date,
        occurrenceDate: Date? = nil,
        isAllDay: Bool = false,
        hasRecurrenceRules: Bool = false,
        isDetached: Bool = false,
        availability: EventKitAvailability = .busy,
        status: EventKitStatus = .none,
        participantStatus: EventKitParticipantStatus? = nil
    ) {
        self.calendarItemIdentifier = calendarItemIdentifier
        self.calendarIdentifier = calendarIdentifier
        self.title = title
        self.location = location
        self.startDate = startDate
        self.endDate = endDate
        self.occurrenceDate = occurrenceDate ?? startDate
        self.isAllDay = isAllDay
        self.hasRecurrenceRules = hasRecurrenceRules
        self.isDetached = isDetached
        self.availability = availability
        self.status = status
        self.participantStatus = participantStatus
    }
}

/// Mirrors `EKEventAvailability` (same raw values). These neutral copies
/// of EventKit's enums are what the package's logic and its Linux tests use;
/// the declarations in `AppleSDKDeclarations/` only stand in for the SDK
/// when the Apple adapters are compiled on Linux and never ship.
public enum EventKitAvailability: Int, Sendable, EventKitValue {
    case notSupported = -1
    case busy = 0
    case free = 1
    case tentative = 2
    case unavailable = 3

    public static let unknownValue = EventKitAvailability.notSupported
}

/// Mirrors `EKEventStatus` (same raw values).
public enum EventKitStatus: Int, Sendable, EventKitValue {
    case none = 0
    case confirmed = 1
    case tentative = 2
    case canceled = 3

    public static let unknownValue = EventKitStatus.none
}

/// Mirrors `EKParticipantStatus` (same raw values).
public enum EventKitParticipantStatus: Int, Sendable, EventKitValue {
    case unknown = 0
    case pending = 1
    case accepted = 2
    case declined = 3
    case tentative = 4
    case delegated = 5
    case completed = 6
    case inProcess = 7

    public static let unknownValue = EventKitParticipantStatus.unknown
}
