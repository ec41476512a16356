import Foundation

/// The device's time zone database (Foundation `TimeZone`, which iOS updates
/// with each release) as the engine's zone rules, so local days follow the
/// device calendar when governments change their rules (docs/time-zones.md).
/// Call `FoundationTimeZoneRules.register()` once at app start-up, before the
/// first store is opened.
///
/// A zone is known when `TimeZone(identifier:)` accepts its IANA name or
/// link (`UTC`, which Foundation calls `GMT`, included); offset names
/// Foundation would also accept (`+05:00`, `GMT+5`, `UTC-3`) are refused
/// like unknown ones, as the bundled database refuses them.
public final class FoundationTimeZoneRules: HostZoneRules {
    public init() {}

    public func offsetTransitions(zoneId: String, fromMs: Int64, toMs: Int64) throws -> ZoneOffsets? {
        guard !Self.isOffsetName(zoneId), let zone = TimeZone(identifier: zoneId) else { return nil }
        let end = Date(epochMilliseconds: toMs)
        var at = Date(epochMilliseconds: fromMs)
        let initialOffsetSeconds = Int32(zone.secondsFromGMT(for: at))
        var transitions: [ZoneOffsetTransition] = []
        // Foundation's "daylight saving time transition" is any change of the
        // zone's offset (ICU's next transition), not only DST ones.
        while let next = zone.nextDaylightSavingTimeTransition(after: at), next < end {
            transitions.append(
                ZoneOffsetTransition(atMs: next.epochMilliseconds, offsetSeconds: Int32(zone.secondsFromGMT(for: next)))
            )
            at = next
        }
        return ZoneOffsets(initialOffsetSeconds: initialOffsetSeconds, transitions: transitions)
    }

    /// `+05:00`, `-3`, `GMT+5`, `UTC-03:00`, `UT+1`: an offset, not a zone.
    static func isOffsetName(_ name: String) -> Bool {
        let rest = ["GMT", "UTC", "UT"].first { name.hasPrefix($0) }.map { name.dropFirst($0.count) } ?? Substring(name)
        return rest.hasPrefix("+") || rest.hasPrefix("-")
    }

    /// Makes Foundation the rules of every zone the engine parses from now on.
    public static func register() {
        registerHostZoneRules(rules: FoundationTimeZoneRules())
    }
}
