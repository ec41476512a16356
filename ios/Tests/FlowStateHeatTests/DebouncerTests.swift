@testable import FlowStateHeat
import XCTest

/// The calendar-change trigger: one sync after a burst of notifications, on
/// the simulated clock.
final class DebouncerTests: XCTestCase {
    func testABurstOfSignalsRunsTheActionOnceAfterTheQuietPeriod() async {
        await Self.burst()
    }

    func testFlushRunsThePendingActionAtOnce() async {
        await Self.flush()
    }

    @MainActor
    private static func burst() {
        let execution = SimulatedExecution(clock: SimulatedClock())
        let debouncer = Debouncer(delay: 2, execution: execution)
        var runs: [TimeInterval] = []
        for _ in 0..<5 {
            debouncer.signal { runs.append(execution.clock.now) }
            execution.clock.now += 1
            XCTAssertFalse(execution.fireNext(upTo: execution.clock.now), "nothing runs during the burst")
        }
        XCTAssertTrue(execution.fireNext(upTo: 100))
        XCTAssertEqual(runs, [6], "2 s after the last signal (at 4 s)")

        debouncer.signal { runs.append(execution.clock.now) }
        XCTAssertTrue(execution.fireNext(upTo: 100))
        XCTAssertEqual(runs, [6, 8], "a later signal runs again")
    }

    @MainActor
    private static func flush() {
        let execution = SimulatedExecution(clock: SimulatedClock())
        let debouncer = Debouncer(delay: 2, execution: execution)
        var runs = 0
        debouncer.signal { runs += 1 }

        debouncer.flush()
        debouncer.flush()

        XCTAssertEqual(runs, 1)
        XCTAssertFalse(execution.fireNext(upTo: 100), "the timer was cancelled")
    }
}
