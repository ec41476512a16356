import Foundation

/// The device's time zone database (Foundation `TimeZone`, which iOS updates
/// with each release) as the engine's zone rules, so local days follow the
/// device calendar when governments change their rules (docs/time-zones.md).
/// Stores and jobs get them through `ZoneDatabase.device`, built once per
/// process.
///
/// A zone is known when `TimeZone(identifier:)` accepts its IANA name or
/// link (`UTC`, which Foundation calls `GMT`, included). Names Foundation
/// accepts but the IANA database (and so the bundled one) does not are
/// refused like unknown ones, as they mean something else there: offset
/// names (`+05:00`, `GMT+5`, `UTC-3`), and ICU's legacy ids — `BST` is
/// Dhaka (UTC+6) to ICU, not British Summer Time; `IST`, `CTT`, `AET`,
/// `SystemV/…`. An IANA name either has a `/` or is one of the few
/// listed in `slashlessZoneNames`.
///
/// The engine asks once per zone for the whole span it accepts (1900-2200).
/// Older Foundation releases stop reporting transitions at a horizon
/// (2037, 2100) although the zone's rule goes on: past it, a zone whose
/// clocks changed every year up to the horizon keeps doing so, each
/// transition repeated yearly on the same weekday of the same week of its
/// month ("last Sunday of March", "second Sunday of March": the form of the
/// DST rules in force), at the same wall-clock time, with the same offsets.
/// The horizon is where a zone with such a rule in force (Europe/Berlin)
/// stops being reported; zones that stopped changing before it are left
/// as they are.
public final class FoundationTimeZoneRules: HostZoneRules {
    private let zones: @Sendable (String) -> (any ZoneTransitionReading)?
    /// The last transition the host reports for a zone with a yearly rule in
    /// force, when that is before 2200; nil when the host has no horizon.
    private let horizon: Date?

    /// - Parameter zones: the host's zones (Foundation's; a clamped fake in tests).
    public init(zones: @escaping @Sendable (String) -> (any ZoneTransitionReading)? = { TimeZone(identifier: $0) }) {
        self.zones = zones
        let span = (from: Date(epochMilliseconds: -2_208_988_800_000), to: Date(epochMilliseconds: 7_258_118_400_000))
        let reference = zones("Europe/Berlin").map { Self.reportedTransitions($0, from: span.from, to: span.to) } ?? []
        horizon = reference.last.flatMap { $0.at < span.to.addingTimeInterval(-Self.year) ? $0.at : nil }
    }

    public func offsetTransitions(zoneId: String, fromMs: Int64, toMs: Int64) throws -> ZoneOffsets? {
        guard Self.isIANAName(zoneId), let zone = zones(zoneId) else { return nil }
        let start = Date(epochMilliseconds: fromMs)
        let end = Date(epochMilliseconds: toMs)
        var transitions = Self.reportedTransitions(zone, from: start, to: end)
        if let horizon, let last = transitions.last, last.at > horizon.addingTimeInterval(-Self.year), end > horizon {
            transitions += Self.projected(transitions, to: end)
        }
        return ZoneOffsets(
            initialOffsetSeconds: Int32(zone.secondsFromGMT(for: start)),
            transitions: transitions.map { ZoneOffsetTransition(atMs: $0.at.epochMilliseconds, offsetSeconds: Int32($0.offset)) }
        )
    }

    private static let year: TimeInterval = 366 * 86_400

    /// Foundation's "daylight saving time transitions" in `[from, to)`: any
    /// change of the zone's offset (ICU's next transition), not only DST
    /// ones, with the offset from then on.
    private static func reportedTransitions(_ zone: some ZoneTransitionReading, from: Date, to: Date) -> [Transition] {
        var transitions: [Transition] = []
        var at = from
        while let next = zone.nextDaylightSavingTimeTransition(after: at), next < to {
            transitions.append(Transition(at: next, offset: zone.secondsFromGMT(for: next)))
            at = next
        }
        return transitions
    }

    /// The last reported year's transitions (two or more), repeated yearly to `end`.
    private static func projected(_ reported: [Transition], to end: Date) -> [Transition] {
        guard let last = reported.last else { return [] }
        // 51 weeks: the same transition a year earlier is 52 or 53 weeks back.
        var cycle = reported.filter { $0.at > last.at.addingTimeInterval(-357 * 86_400) }
        guard cycle.count >= 2 else { return [] }
        var projected: [Transition] = []
        while true {
            cycle = cycle.indices.map { index in
                let before = cycle[(index + cycle.count - 1) % cycle.count].offset
                return Transition(at: nextYear(cycle[index].at, offsetBefore: before), offset: cycle[index].offset)
            }
            let due = cycle.filter { $0.at < end }
            projected += due
            guard due.count == cycle.count else { return projected }
        }
    }

    /// The same wall-clock time (at the offset in force before it), on the
    /// same weekday of the same week of the same month a year later: the
    /// n-th such weekday, or the last when it was the last.
    static func nextYear(_ instant: Date, offsetBefore: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let wall = instant.addingTimeInterval(TimeInterval(offsetBefore))
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: wall)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
              let monthStart = calendar.date(from: DateComponents(year: year + 1, month: month, day: 1)),
              let daysNow = calendar.range(of: .day, in: .month, for: wall)?.count,
              let daysNext = calendar.range(of: .day, in: .month, for: monthStart)?.count
        else { return instant.addingTimeInterval(364 * 86_400) }
        let firstWeekday = calendar.component(.weekday, from: monthStart)
        let firstMatch = 1 + (weekday - firstWeekday + 7) % 7
        let matches = Array(stride(from: firstMatch, through: daysNext, by: 7))
        let nextDay = day + 7 > daysNow ? matches[matches.count - 1] : matches[min((day - 1) / 7, matches.count - 1)]
        let nextWall = calendar.date(from: DateComponents(
            year: year + 1, month: month, day: nextDay, hour: parts.hour, minute: parts.minute, second: parts.second
        )) ?? monthStart
        return nextWall.addingTimeInterval(-TimeInterval(offsetBefore))
    }

    private struct Transition {
        let at: Date
        let offset: Int
    }

    /// The IANA names without a `/` (zones and links of the bundled tzdata;
    /// `HostZoneRulesTests` checks the list against it).
    public static let slashlessZoneNames: Set<String> = [
        "CET", "CST6CDT", "Cuba", "EET", "EST", "EST5EDT", "Egypt", "Eire", "GB", "GB-Eire", "GMT", "GMT+0", "GMT-0",
        "GMT0", "Greenwich", "HST", "Hongkong", "Iceland", "Iran", "Israel", "Jamaica", "Japan", "Kwajalein", "Libya",
        "MET", "MST", "MST7MDT", "NZ", "NZ-CHAT", "Navajo", "PRC", "PST8PDT", "Poland", "Portugal", "ROC", "ROK",
        "Singapore", "Turkey", "UCT", "UTC", "Universal", "W-SU", "WET", "Zulu",
    ]

    /// Could be an IANA name: not an offset, not an ICU legacy id.
    static func isIANAName(_ name: String) -> Bool {
        guard !isOffsetName(name) else { return false }
        return name.contains("/") ? !name.hasPrefix("SystemV/") : slashlessZoneNames.contains(name)
    }

    /// `+05:00`, `-3`, `GMT+5`, `UTC-03:00`, `UT+1`: an offset, not a zone.
    static func isOffsetName(_ name: String) -> Bool {
        let rest = ["GMT", "UTC", "UT"].first { name.hasPrefix($0) }.map { name.dropFirst($0.count) } ?? Substring(name)
        return rest.hasPrefix("+") || rest.hasPrefix("-")
    }
}

extension ZoneDatabase {
    /// The device's rules (Foundation), one database per process: each zone
    /// is asked of Foundation once, on first use. Stores, jobs and windows of
    /// the app resolve zones with it.
    public static let device = ZoneDatabase.host(rules: FoundationTimeZoneRules())
}
