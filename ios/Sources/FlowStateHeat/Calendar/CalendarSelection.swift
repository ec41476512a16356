/// Which of the device's calendars feed the heat map.
///
/// Birthdays and subscribed calendars (public holidays, sports fixtures)
/// are all-day entries the user does not attend: left in, every birthday
/// would count as a day. They are left out by default, as are calendars the
/// user switched off in the app. EventKit does not tell which calendars are
/// hidden in Apple's Calendar app, so "hidden" means hidden in this app.
public struct CalendarSelection: Equatable, Sendable {
    public var includesBirthdays: Bool
    public var includesSubscriptions: Bool
    /// `EKCalendar.calendarIdentifier`s the user switched off.
    public var hiddenCalendarIDs: Set<String>

    public init(includesBirthdays: Bool = false, includesSubscriptions: Bool = false, hiddenCalendarIDs: Set<String> = []) {
        self.includesBirthdays = includesBirthdays
        self.includesSubscriptions = includesSubscriptions
        self.hiddenCalendarIDs = hiddenCalendarIDs
    }

    public func includes(_ calendar: CalendarInfo) -> Bool {
        if hiddenCalendarIDs.contains(calendar.identifier) {
            return false
        }
        switch calendar.type {
        case .birthday: return includesBirthdays
        case .subscription: return includesSubscriptions
        case .local, .calDAV, .exchange: return true
        }
    }
}

/// One calendar as EventKit lists it (`EKCalendar`), reduced to what the
/// selection needs.
public struct CalendarInfo: Equatable, Sendable {
    /// `EKCalendar.calendarIdentifier`.
    public var identifier: String
    public var type: EventKitCalendarType

    public init(identifier: String, type: EventKitCalendarType) {
        self.identifier = identifier
        self.type = type
    }
}

/// Mirrors `EKCalendarType` (same raw values).
public enum EventKitCalendarType: Int, Sendable {
    case local = 0
    case calDAV = 1
    case exchange = 2
    case subscription = 3
    case birthday = 4
}

extension EventKitCalendarType {
    /// A type added by a later iOS counts as an ordinary calendar.
    public init(eventKitRawValue rawValue: Int) {
        self = Self(rawValue: rawValue) ?? .local
    }
}
