import FlowStateHeat
import XCTest

final class TimeTests: XCTestCase {
    func testEpochMillisecondsSurviveTheTripThroughDate() {
        let samples: [Int64] = [
            0, 1, -1, 999, 1_796_025_600_000, 1_796_025_600_123, 1_796_025_600_999, -2_208_988_800_000,
            7_258_118_399_999, 1_234_567_890_123,
        ]
        for ms in samples {
            XCTAssertEqual(Date(epochMilliseconds: ms).epochMilliseconds, ms)
        }
        for ms in stride(from: Int64(1_796_025_600_000), to: 1_796_025_610_000, by: 7) {
            XCTAssertEqual(Date(epochMilliseconds: ms).epochMilliseconds, ms)
        }
        XCTAssertEqual(Date(timeIntervalSince1970: 1.5).epochMilliseconds, 1_500)
    }

    func testALocalDateIsTheWallClockDayOfItsZone() {
        let instant = Date(epochMilliseconds: 1_796_000_400_000)  // 2026-11-30T01:00Z
        XCTAssertEqual(LocalDate(instant, in: TimeZone(identifier: "UTC")!).description, "2026-11-30")
        XCTAssertEqual(LocalDate(instant, in: TimeZone(identifier: "America/New_York")!).description, "2026-11-29")
        XCTAssertEqual(LocalDate(instant, in: TimeZone(identifier: "Asia/Tokyo")!).description, "2026-11-30")
        XCTAssertEqual(LocalDate(year: 987, month: 3, day: 4).description, "0987-03-04")
    }

    func testTheNextDayRollsOverMonthsYearsAndLeapDays() {
        let cases: [(LocalDate, String)] = [
            (LocalDate(year: 2026, month: 11, day: 29), "2026-11-30"),
            (LocalDate(year: 2026, month: 11, day: 30), "2026-12-01"),
            (LocalDate(year: 2026, month: 12, day: 31), "2027-01-01"),
            (LocalDate(year: 2028, month: 2, day: 28), "2028-02-29"),
            (LocalDate(year: 2027, month: 2, day: 28), "2027-03-01"),
            (LocalDate(year: 2100, month: 2, day: 28), "2100-03-01"),
            (LocalDate(year: 2000, month: 2, day: 28), "2000-02-29"),
        ]
        for (date, next) in cases {
            XCTAssertEqual(date.next.description, next, "\(date)")
        }
        XCTAssertLessThan(LocalDate(year: 2026, month: 12, day: 31), LocalDate(year: 2027, month: 1, day: 1))
    }
}
