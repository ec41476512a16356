import Foundation

/// What `FoundationTimeZoneRules` reads of a zone: Foundation's `TimeZone`
/// on the device, a fake that stops at a horizon in the tests.
public protocol ZoneTransitionReading {
    func secondsFromGMT(for date: Date) -> Int
    func nextDaylightSavingTimeTransition(after date: Date) -> Date?
}

extension TimeZone: ZoneTransitionReading {}
