import FlowStateHeat
import XCTest

/// The raw values the EventKit adapter converts, including ones a later
/// iOS might add.
final class EventKitValuesTests: XCTestCase {
    func testAuthorizationStatusesMapToAccessAndUnknownOnesAreNotReadable() {
        // EKAuthorizationStatus: notDetermined 0, restricted 1, denied 2, fullAccess (authorized) 3, writeOnly 4.
        let expected: [(Int, CalendarAccess)] = [
            (0, .notDetermined), (1, .restricted), (2, .denied), (3, .fullAccess), (4, .writeOnly), (5, .denied), (-1, .denied),
        ]
        for (raw, access) in expected {
            XCTAssertEqual(CalendarAccess(eventKitRawValue: raw), access, "\(raw)")
        }
    }

    func testEventValuesKeepEventKitsRawValuesAndFallBackForNewOnes() {
        XCTAssertEqual(EventKitAvailability(eventKitRawValue: -1), .notSupported)
        XCTAssertEqual(EventKitAvailability(eventKitRawValue: 3), .unavailable)
        XCTAssertEqual(EventKitAvailability(eventKitRawValue: 42), .notSupported)
        XCTAssertEqual(EventKitStatus(eventKitRawValue: 3), .canceled)
        XCTAssertEqual(EventKitStatus(eventKitRawValue: 42), .none)
        XCTAssertEqual(EventKitParticipantStatus(eventKitRawValue: 1), .pending)
        XCTAssertEqual(EventKitParticipantStatus(eventKitRawValue: 7), .inProcess)
        XCTAssertEqual(EventKitParticipantStatus(eventKitRawValue: 42), .unknown)
    }
}
