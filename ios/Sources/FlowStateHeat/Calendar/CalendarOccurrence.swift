#if canImport(EventKit)
import EventKit
#else
import EventKitEnums
#endif
import Foundation

/// One occurrence as EventKit reports it (an `EKEvent` from
/// `EKEventStore.events(matching:)`, recurring events already expanded),
/// reduced to the plain values the mapping rules need. EventKit's objects
/// only exist on Apple platforms; with this type the rules are tested on
/// Linux and the EventKit adapter merely copies fields. EventKit's enums are
/// kept as they are: on Linux they come from the module `EventKitEnums`
/// (Package.swift).
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
    public var availability: EKEventAvailability
    public var status: EKEventStatus
    /// The participant status of the attendee that is the current user;
    /// `nil` when the user is not among the attendees (organizer, no attendees).
    public var participantStatus: EKParticipantStatus?

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
        availability: EKEventAvailability = .busy,
        status: EKEventStatus = .none,
        participantStatus: EKParticipantStatus? = nil
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
