import Foundation

/// A calendar day (`YYYY-MM-DD`) as seen on the wall clock of a time zone:
/// the floating dates of all-day events and the start dates of windows.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day `instant` falls on in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.init(
            year: calendar.component(.year, from: instant),
            month: calendar.component(.month, from: instant),
            day: calendar.component(.day, from: instant)
        )
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The following day (plain Gregorian arithmetic: no time zone involved).
    public var next: LocalDate {
        if day < Self.days(inMonth: month, of: year) {
            return LocalDate(year: year, month: month, day: day + 1)
        }
        if month < 12 {
            return LocalDate(year: year, month: month + 1, day: 1)
        }
        return LocalDate(year: year + 1, month: 1, day: 1)
    }

    /// ISO `YYYY-MM-DD`, the spelling the core expects.
    public var description: String {
        "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
