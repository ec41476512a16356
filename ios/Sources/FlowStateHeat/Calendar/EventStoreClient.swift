import Foundation

/// What `EventKitCalendarSource` needs from an `EKEventStore`, as plain
/// values. The Apple adapter (`EventKitStoreClient`) implements it over
/// EventKit; tests implement it with a fake that behaves like EventKit
/// (no calendars until `reset()` after a grant), so the rules above it run
/// on Linux.
public protocol EventStoreClient: AnyObject, Sendable {
    /// `EKEventStore.authorizationStatus(for: .event)`.
    func authorizationStatus() -> CalendarAccess
    /// Shows the system prompt (once per install); true when granted.
    func requestFullAccess() async throws -> Bool
    /// `EKEventStore.calendars(for: .event)`.
    func calendars() -> [CalendarInfo]
    /// Every occurrence in the given calendars overlapping `interval`,
    /// recurring events expanded (`events(matching:)`). Blocking.
    func occurrences(in interval: DateInterval, calendarIDs: [String]) -> [CalendarOccurrence]
    /// `EKEventStore.reset()`: forgets cached calendars and events.
    func reset()
}
