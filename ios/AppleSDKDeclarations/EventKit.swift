// SDK-faithful declarations of the part of EventKit that
// Sources/FlowStateHeat/Apple/ uses, written from Apple's documented Swift
// signatures (iOS 17/18 SDK). They exist so that the Apple-only adapters are
// type-checked on Linux in Swift 6 language mode: names, optionality
// (implicitly unwrapped `String!`/`Date!`), raw values, Sendable-ness (EventKit
// objects are not Sendable; its NS_ENUMs are, and are not frozen) and
// availability are as in the SDK. Bodies are placeholders: never run.
// The value enums the platform-neutral layer also uses (`EKEventAvailability`,
// `EKEventStatus`, `EKParticipantStatus`, `EKCalendarType`) are in
// EventKitEnums/, compiled into this module.
import Foundation

open class EKObject: NSObject {}

/// `typedef NS_ENUM(NSUInteger, EKEntityType)`.
public enum EKEntityType: UInt, Sendable {
    case event = 0
    case reminder = 1
}

/// `typedef NS_ENUM(NSInteger, EKAuthorizationStatus)`; iOS 17 renamed
/// `authorized` to `fullAccess` and added `writeOnly`.
public enum EKAuthorizationStatus: Int, Sendable {
    case notDetermined = 0
    case restricted = 1
    case denied = 2
    @available(iOS 17.0, macOS 14.0, *)
    case fullAccess = 3
    @available(iOS 17.0, macOS 14.0, *)
    case writeOnly = 4
    @available(iOS, introduced: 6.0, deprecated: 17.0, message: "Use fullAccess")
    public static var authorized: EKAuthorizationStatus { EKAuthorizationStatus(rawValue: 3)! }
}

open class EKEventStore: NSObject {
    public override init() {}

    open class func authorizationStatus(for entityType: EKEntityType) -> EKAuthorizationStatus { placeholder() }

    @available(iOS 17.0, macOS 14.0, *)
    open func requestFullAccessToEvents() async throws -> Bool { placeholder() }

    @available(iOS, introduced: 6.0, deprecated: 17.0, message: "Use requestFullAccessToEvents")
    open func requestAccess(to entityType: EKEntityType) async throws -> Bool { placeholder() }

    open func calendars(for entityType: EKEntityType) -> [EKCalendar] { placeholder() }

    open func predicateForEvents(withStart startDate: Date, end endDate: Date, calendars: [EKCalendar]?) -> NSPredicate {
        placeholder()
    }

    open func events(matching predicate: NSPredicate) -> [EKEvent] { placeholder() }

    open func reset() {}
}

extension NSNotification.Name {
    /// Posted when the event store's database changed (including a change of
    /// the app's authorization status).
    public static let EKEventStoreChanged = NSNotification.Name("EKEventStoreChangedNotification")
}

/// An account (iCloud, Exchange, a CalDAV server, "On My iPhone").
open class EKSource: EKObject {
    open var sourceIdentifier: String { placeholder() }
    open var title: String { placeholder() }
}

open class EKCalendar: EKObject {
    open var calendarIdentifier: String { placeholder() }
    open var title: String = ""
    open var source: EKSource!
    open var type: EKCalendarType { placeholder() }
    open var isSubscribed: Bool { placeholder() }
    open var allowsContentModifications: Bool { placeholder() }
    open var isImmutable: Bool { placeholder() }
}

open class EKParticipant: EKObject {
    open var url: URL { placeholder() }
    open var name: String? { placeholder() }
    open var participantStatus: EKParticipantStatus { placeholder() }
    open var isCurrentUser: Bool { placeholder() }
}

open class EKCalendarItem: EKObject {
    open var calendar: EKCalendar!
    open var title: String!
    open var location: String?
    open var calendarItemIdentifier: String { placeholder() }
    open var timeZone: TimeZone?
    open var hasRecurrenceRules: Bool { placeholder() }
    open var attendees: [EKParticipant]? { placeholder() }
}

open class EKEvent: EKCalendarItem {
    open var eventIdentifier: String! { placeholder() }
    open var isAllDay: Bool = false
    open var startDate: Date!
    open var endDate: Date!
    open var occurrenceDate: Date! { placeholder() }
    open var isDetached: Bool { placeholder() }
    open var availability: EKEventAvailability = .busy
    open var status: EKEventStatus { placeholder() }
    open var organizer: EKParticipant? { placeholder() }
}

func placeholder<T>() -> T {
    fatalError("SDK declaration for type-checking only")
}
