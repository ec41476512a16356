import Foundation

/// `Date` ↔ Unix epoch milliseconds, the unit of every instant the core
/// takes and returns (`startMs`, `endMs`, `TimeWindow`, `HeatSlot`).
extension Date {
    public init(epochMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1_000)
    }

    /// Rounded to the nearest millisecond: `Date` is a binary floating-point
    /// count of seconds, so truncating would turn `…123 ms` into `…122 ms`.
    public var epochMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1_000).rounded())
    }
}
