#if canImport(EventKit)
import EventKit
#else
import EventKitEnums
#endif

/// Which of the device's calendars feed the heat map, chosen at runtime.
///
/// Birthdays and subscribed calendars (public holidays, sports fixtures)
/// are all-day entries the user does not attend: left in, every birthday
/// would count as a day. They are left out by default, as are calendars the
/// user switched off in the app. EventKit does not tell which calendars are
/// hidden in Apple's Calendar app, so "hidden" means hidden in this app.
///
/// Persist the whole selection (it is `Codable`). A hidden calendar is kept
/// with its title and account title besides its identifier: "A full sync
/// with the calendar will lose this identifier. You should have a plan for
/// dealing with a calendar whose identifier is no longer fetch-able by
/// caching its other properties" (`EKCalendar.calendarIdentifier`). When
/// no calendar has the identifier any more, the one with the same title in
/// the same account is the hidden one; `updated(for:)` re-keys it (persist
/// the result).
public struct CalendarSelection: Equatable, Sendable, Codable {
    public var includesBirthdays: Bool
    public var includesSubscriptions: Bool
    /// The calendars the user switched off.
    public var hiddenCalendars: Set<HiddenCalendar>

    public init(includesBirthdays: Bool = false, includesSubscriptions: Bool = false, hiddenCalendars: Set<HiddenCalendar> = []) {
        self.includesBirthdays = includesBirthdays
        self.includesSubscriptions = includesSubscriptions
        self.hiddenCalendars = hiddenCalendars
    }

    /// Whether `calendar` is read, among the device's `calendars`.
    public func includes(_ calendar: CalendarInfo, among calendars: [CalendarInfo]) -> Bool {
        if hiddenCalendars.contains(where: { $0.matches(calendar, among: calendars) }) {
            return false
        }
        switch calendar.type {
        case .birthday: return includesBirthdays
        case .subscription: return includesSubscriptions
        case .local, .calDAV, .exchange: return true
        // A type added by a later iOS counts as an ordinary calendar.
        @unknown default: return true
        }
    }

    /// The selection with each hidden calendar whose identifier changed (a
    /// full sync) re-keyed to its new identifier.
    public func updated(for calendars: [CalendarInfo]) -> CalendarSelection {
        var updated = self
        updated.hiddenCalendars = Set(hiddenCalendars.map { hidden in
            calendars.first { hidden.matches($0, among: calendars) }.map(HiddenCalendar.init) ?? hidden
        })
        return updated
    }
}

/// A calendar the user switched off, as persisted.
public struct HiddenCalendar: Hashable, Sendable, Codable {
    /// `EKCalendar.calendarIdentifier` when it was switched off.
    public var identifier: String
    public var title: String
    public var accountTitle: String

    public init(_ calendar: CalendarInfo) {
        identifier = calendar.identifier
        title = calendar.title
        accountTitle = calendar.accountTitle
    }

    /// The same identifier; or, when no calendar has it any more, the same
    /// title in the same account.
    func matches(_ calendar: CalendarInfo, among calendars: [CalendarInfo]) -> Bool {
        if calendar.identifier == identifier {
            return true
        }
        return !calendars.contains { $0.identifier == identifier }
            && calendar.title == title && calendar.accountTitle == accountTitle
    }
}

/// One calendar as EventKit lists it (`EKCalendar`), reduced to what the
/// selection needs.
public struct CalendarInfo: Equatable, Sendable {
    /// `EKCalendar.calendarIdentifier`.
    public var identifier: String
    /// `EKCalendar.title`.
    public var title: String
    /// `EKCalendar.source.title`: the account.
    public var accountTitle: String
    public var type: EKCalendarType

    public init(identifier: String, title: String = "", accountTitle: String = "", type: EKCalendarType) {
        self.identifier = identifier
        self.title = title
        self.accountTitle = accountTitle
        self.type = type
    }
}
