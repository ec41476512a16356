import FlowStateHeat
import FlowStateHeatTestSupport
import Foundation
import XCTest

/// The differential test of docs/time-zones.md: for every zone of the
/// bundled database, local midnights 1990-2040 and offsets around every
/// transition, as the engine sees them with its bundled rules and with
/// Foundation's through the foreign trait, agree, except the differences
/// listed with both database versions in
/// tests/fixtures/zone-rules/known-differences.txt.
final class HostZoneRulesTests: XCTestCase {
    private static let firstDay = "1990-01-01"
    /// 1990-01-01 to 2040-12-31.
    private static let days: Int32 = 18_628
    private static let firstMs: Int64 = 631_152_000_000
    private static let endMs: Int64 = firstMs + Int64(days) * 86_400_000
    private static let hourMs: Int64 = 3_600_000

    func testTheSlashlessNamesAreThoseOfTheBundledDatabase() {
        let bundled = Set(bundledZoneList().zoneIds.filter { !$0.contains("/") })
        XCTAssertEqual(FoundationTimeZoneRules.slashlessZoneNames, bundled)
    }

    /// Issue 21, point 5: ICU accepts legacy ids the IANA database does not
    /// have, meaning other zones (`BST` is Dhaka); they used to be answered.
    func testIdsFoundationAcceptsButTheBundledDatabaseRefusesAreRefused() throws {
        let bundled = Set(bundledZoneList().zoneIds)
        let legacy = [
            "ACT", "AET", "AGT", "ART", "AST", "BET", "BST", "CAT", "CNT", "CST", "CTT", "EAT", "ECT", "IET", "IST",
            "JST", "MIT", "NET", "NST", "PLT", "PNT", "PRT", "PST", "SST", "VST", "SystemV/AST4", "SystemV/EST5EDT",
        ]
        let acceptedByFoundation = legacy.filter { TimeZone(identifier: $0) != nil }
        XCTAssertTrue(acceptedByFoundation.contains("BST"), "this Foundation accepts BST, so the check bites")
        for name in acceptedByFoundation {
            XCTAssertFalse(bundled.contains(name), name)
            XCTAssertNil(try FoundationTimeZoneRules().offsetTransitions(zoneId: name, fromMs: 0, toMs: 86_400_000), name)
        }
        XCTAssertNotNil(try FoundationTimeZoneRules().offsetTransitions(zoneId: "Europe/London", fromMs: 0, toMs: 86_400_000))
        XCTAssertNotNil(try FoundationTimeZoneRules().offsetTransitions(zoneId: "GB", fromMs: 0, toMs: 86_400_000))
    }

    /// Issue 21, point 6: a Foundation that stops reporting transitions at
    /// 2100 (older releases do) left every zone on its last offset to 2200.
    /// Past the horizon the yearly rule goes on, as this Foundation (whose
    /// ICU has the final rules) reports it.
    func testPastAHostHorizonYearlyRulesGoOnAsAFullHostReportsThem() throws {
        let horizon = Date(epochMilliseconds: 4_102_444_800_000)  // 2100-01-01
        let clamped = FoundationTimeZoneRules { TimeZone(identifier: $0).map { ClampedZone(zone: $0, horizon: horizon) } }
        let full = FoundationTimeZoneRules()
        let from: Int64 = 3_786_825_600_000  // 2090-01-01
        let to: Int64 = 7_258_118_400_000  // 2200-01-01
        for zone in ["Europe/Berlin", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "Europe/Istanbul"] {
            let expected = try XCTUnwrap(full.offsetTransitions(zoneId: zone, fromMs: from, toMs: to))
            let answered = try XCTUnwrap(clamped.offsetTransitions(zoneId: zone, fromMs: from, toMs: to))
            let mismatch = zip(answered.transitions, expected.transitions).first { $0 != $1 }
            XCTAssertEqual(answered, expected, "\(zone): \(answered.transitions.count) vs \(expected.transitions.count), first mismatch \(String(describing: mismatch))")
        }
        let berlin = try XCTUnwrap(full.offsetTransitions(zoneId: "Europe/Berlin", fromMs: from, toMs: to))
        XCTAssertEqual(berlin.transitions.filter { $0.atMs >= horizon.epochMilliseconds }.count, 200, "the check bites: 100 years of DST")
    }

    func testBundledRulesAndFoundationAgreeForEveryZoneFrom1990To2040() throws {
        let bundled = bundledZoneList()
        let device = ZoneDatabase.host(rules: FoundationTimeZoneRules())
        XCTAssertGreaterThan(bundled.zoneIds.count, 500)
        let version = TimeZone.timeZoneDataVersion
        var differences: [String] = []
        var probes = 0
        for zone in bundled.zoneIds.sorted() {
            guard let foundation = TimeZone(identifier: zone),
                  try FoundationTimeZoneRules().offsetTransitions(zoneId: zone, fromMs: 0, toMs: 0) != nil
            else {
                differences.append("\(zone) unknown")
                continue
            }
            let instants = Self.probeInstants(foundation)
            probes += instants.count + Int(Self.days)
            let bundledStarts = try bundledZones.zoneDayStarts(timeZone: zone, startDate: Self.firstDay, days: Self.days)
            let bundledOffsets = try bundledZones.zoneOffsetsAt(timeZone: zone, instantsMs: instants)
            let hostStarts = try device.zoneDayStarts(timeZone: zone, startDate: Self.firstDay, days: Self.days)
            let hostOffsets = try device.zoneOffsetsAt(timeZone: zone, instantsMs: instants)
            let differingDays = bundledStarts.indices.filter { bundledStarts[$0] != hostStarts[$0] }
                .map { Self.firstMs + Int64($0) * 86_400_000 }
            let differingInstants = instants.indices.filter { bundledOffsets[$0] != hostOffsets[$0] }.map { instants[$0] }
            let differing = differingDays + differingInstants
            if let first = differing.min(), let last = differing.max() {
                differences.append("\(zone) \(Self.utcDate(first))..\(Self.utcDate(last))")
            }
        }
        XCTAssertGreaterThan(probes, 10_000_000)
        let listed = try KnownZoneDifferences.listed(host: "Foundation", hostVersion: version, bundledVersion: bundled.version)
        XCTAssertEqual(
            listed.sorted(), differences.sorted(),
            "Foundation \(version) vs bundled \(bundled.version): the differences are, one per line:\n"
                + differences.map { "Foundation \(version) \(bundled.version) \($0)" }.joined(separator: "\n")
        )
    }

    func testWindowsFollowTheRulesOfTheDatabaseThatBuiltThem() throws {
        // A device whose Berlin never changes its clocks: the fall week is 7 x 24 hours.
        let fixed = ZoneDatabase.host(rules: FixedOffsetRules())
        let window = try fixed.windowOfDays(startDate: "2026-10-19", days: 7, timeZone: "Europe/Berlin")
        XCTAssertEqual(window.endMs - window.startMs, 7 * 86_400_000)
        let bundled = try bundledZones.windowOfDays(startDate: "2026-10-19", days: 7, timeZone: "Europe/Berlin")
        XCTAssertEqual(bundled.endMs - bundled.startMs, 7 * 86_400_000 + 3_600_000)
    }

    func testAFailingDeviceDatabaseIsATypedErrorNamingTheField() {
        let throwing = ZoneDatabase.host(rules: ThrowingRules())
        XCTAssertThrowsError(try throwing.windowOfDays(startDate: "2026-10-19", days: 7, timeZone: "Europe/Berlin")) { error in
            guard case let HeatError.InvalidInput(field, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "timeZone")
        }
    }

    func testNamesFoundationRewritesAreUnknown() {
        let device = ZoneDatabase.host(rules: FoundationTimeZoneRules())
        for name in ["Mars/Olympus", "+05:00", "GMT+5"] {
            XCTAssertThrowsError(try device.windowOfDays(startDate: "2026-10-19", days: 1, timeZone: name), name)
        }
    }

    /// Around every Foundation transition in the span: a millisecond and an hour on each side.
    private static func probeInstants(_ zone: TimeZone) -> [Int64] {
        var instants: [Int64] = []
        var at = Date(epochMilliseconds: firstMs)
        while let next = zone.nextDaylightSavingTimeTransition(after: at), next.epochMilliseconds < endMs {
            let ms = next.epochMilliseconds
            instants += [ms - hourMs, ms - 1, ms, ms + 1, ms + hourMs]
            at = next
        }
        return instants
    }

    private static func utcDate(_ ms: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(epochMilliseconds: ms))
    }
}

private final class FixedOffsetRules: HostZoneRules {
    func offsetTransitions(zoneId: String, fromMs: Int64, toMs: Int64) throws -> ZoneOffsets? {
        ZoneOffsets(initialOffsetSeconds: 3600, transitions: [])
    }
}

private struct DeviceDatabaseUnreadable: Error {}

private final class ThrowingRules: HostZoneRules {
    func offsetTransitions(zoneId: String, fromMs: Int64, toMs: Int64) throws -> ZoneOffsets? {
        throw DeviceDatabaseUnreadable()
    }
}

/// A host whose zone data ends at `horizon`: no transition reported after
/// it, and the offset in force there from then on.
private struct ClampedZone: ZoneTransitionReading {
    let zone: TimeZone
    let horizon: Date

    func secondsFromGMT(for date: Date) -> Int {
        zone.secondsFromGMT(for: min(date, horizon))
    }

    func nextDaylightSavingTimeTransition(after date: Date) -> Date? {
        zone.nextDaylightSavingTimeTransition(after: date).flatMap { $0 < horizon ? $0 : nil }
    }
}
