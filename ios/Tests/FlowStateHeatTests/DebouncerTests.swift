import FlowStateHeat
import XCTest

/// The calendar-change trigger: one sync after a burst of notifications.
final class DebouncerTests: XCTestCase {
    func testABurstOfSignalsRunsTheActionOnceAfterTheQuietPeriod() async throws {
        let debouncer = Debouncer(delay: 0.5)
        let runs = Counter()
        for _ in 0..<5 {
            debouncer.signal { runs.increment() }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        XCTAssertEqual(runs.value, 0, "nothing runs during the burst")
        try await Task.sleep(nanoseconds: 1_500_000_000)
        XCTAssertEqual(runs.value, 1)

        debouncer.signal { runs.increment() }
        try await Task.sleep(nanoseconds: 1_500_000_000)
        XCTAssertEqual(runs.value, 2, "a later signal runs again")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int {
        lock.withLock { count }
    }

    func increment() {
        lock.withLock { count += 1 }
    }
}
