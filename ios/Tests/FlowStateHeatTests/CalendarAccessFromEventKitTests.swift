import FlowStateHeat
import XCTest

/// `EKAuthorizationStatus` raw values, including ones a later iOS might add.
final class CalendarAccessFromEventKitTests: XCTestCase {
    func testAuthorizationStatusesMapToAccessAndUnknownOnesAreNotReadable() {
        // EKAuthorizationStatus: notDetermined 0, restricted 1, denied 2, fullAccess (authorized) 3, writeOnly 4.
        let expected: [(Int, CalendarAccess)] = [
            (0, .notDetermined), (1, .restricted), (2, .denied), (3, .fullAccess), (4, .writeOnly), (5, .denied), (-1, .denied),
        ]
        for (raw, access) in expected {
            XCTAssertEqual(CalendarAccess(eventKitRawValue: raw), access, "\(raw)")
        }
    }
}
