import Foundation

/// Where the sync reads the device calendar from: EventKit in the app
/// (`EventKitCalendarSource`), a fake in tests.
public protocol CalendarSource: Sendable {
    /// The app's permission to read events, asked before and after every read.
    func access() -> CalendarAccess

    /// Every occurrence overlapping `interval`, recurring events expanded.
    /// Throws when the calendar cannot be read; an empty result must mean
    /// the selected calendars really hold nothing there.
    func read(_ interval: DateInterval) async throws -> CalendarRead
}

/// What one read returned.
public struct CalendarRead: Sendable {
    /// How many calendars were searched. Zero calendars is never a readable,
    /// empty calendar (EventKit shows none while its database is
    /// unavailable), so it cannot justify deleting stored events.
    public var calendarCount: Int
    public var occurrences: [CalendarOccurrence]

    public init(calendarCount: Int, occurrences: [CalendarOccurrence]) {
        self.calendarCount = calendarCount
        self.occurrences = occurrences
    }
}

/// The app's calendar permission, as `EKAuthorizationStatus` reports it.
/// Only `fullAccess` lets the sync read events.
public enum CalendarAccess: Equatable, Sendable {
    case fullAccess
    /// iOS 17+: the app may add events but not read them.
    case writeOnly
    case denied
    /// Parental controls or a device profile forbid access.
    case restricted
    case notDetermined

    /// From `EKAuthorizationStatus.rawValue` (iOS 17 renamed `authorized` (3)
    /// to `fullAccess` and added `writeOnly` (4)). A value unknown to this
    /// code reads as `denied`: never treat an unknown state as readable.
    public init(eventKitRawValue rawValue: Int) {
        switch rawValue {
        case 0: self = .notDetermined
        case 1: self = .restricted
        case 3: self = .fullAccess
        case 4: self = .writeOnly
        default: self = .denied
        }
    }
}
