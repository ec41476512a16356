// EventKit's value enums that the platform-neutral layer
// (Sources/FlowStateHeat/Calendar/) uses, declared once for two uses off
// Apple platforms: compiled into the EventKit stand-in (with EventKit.swift)
// for the Apple adapter check, and, as the module `EventKitEnums`, imported
// by the neutral layer on Linux (Package.swift) so that its rules are
// tested there. On Apple platforms the neutral layer uses EventKit's own.
// As faithful as EventKit.swift: names, raw values, Sendable, not frozen
// (under the adapter check's library evolution).

/// `typedef NS_ENUM(NSInteger, EKEventAvailability)`.
public enum EKEventAvailability: Int, Sendable {
    case notSupported = -1
    case busy = 0
    case free = 1
    case tentative = 2
    case unavailable = 3
}

/// `typedef NS_ENUM(NSInteger, EKEventStatus)`.
public enum EKEventStatus: Int, Sendable {
    case none = 0
    case confirmed = 1
    case tentative = 2
    case canceled = 3
}

/// `typedef NS_ENUM(NSInteger, EKParticipantStatus)`.
public enum EKParticipantStatus: Int, Sendable {
    case unknown = 0
    case pending = 1
    case accepted = 2
    case declined = 3
    case tentative = 4
    case delegated = 5
    case completed = 6
    case inProcess = 7
}

/// `typedef NS_ENUM(NSInteger, EKCalendarType)`.
public enum EKCalendarType: Int, Sendable {
    case local = 0
    case calDAV = 1
    case exchange = 2
    case subscription = 3
    case birthday = 4
}
