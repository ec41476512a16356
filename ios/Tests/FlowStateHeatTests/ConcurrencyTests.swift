@testable import FlowStateHeat
import XCTest

/// The helpers behind cancellation and the calendar-change trigger.
final class ConcurrencyTests: XCTestCase {
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

    func testAnAlreadyCancelledTaskDoesNotStartTheCall() async {
        let runs = Counter()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await interruptibleCall(interrupt: {}) { runs.increment() }
        }
        let result = await task.result
        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CancellationError) }
        XCTAssertEqual(runs.value, 0)
    }

    /// A call that only notices interrupts sent after it began (as the core
    /// does) still stops when cancelled before it began: the interrupt repeats.
    func testCancellationKeepsInterruptingUntilTheCallReturns() async throws {
        let call = LateStartingCall()
        let task = Task { try await interruptibleCall(interrupt: { call.interrupt() }) { try call.run() } }
        call.waitUntilEntered()
        task.cancel()

        let result = await task.result

        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is LateStartingCall.Interrupted) }
        XCTAssertGreaterThan(call.interruptsBeforeBegin, 0, "the first interrupts came too early")
        let settled = call.interruptCount
        try await Task.sleep(nanoseconds: 50_000_000)
        XCTAssertEqual(call.interruptCount, settled, "no interrupt after the call returned")
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

/// Mimics a large reconcile: converting arguments (deaf to interrupts) before
/// it begins, then running until interrupted.
private final class LateStartingCall: @unchecked Sendable {
    struct Interrupted: Error {}

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var entered = false
    private var begun = false
    private var interrupted = false
    private(set) var interruptsBeforeBegin = 0
    private var interrupts = 0

    var interruptCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return interrupts
    }

    func waitUntilEntered() {
        condition.lock()
        defer { condition.unlock() }
        while !entered {
            condition.wait()
        }
    }

    func interrupt() {
        condition.lock()
        defer { condition.unlock() }
        interrupts += 1
        if begun {
            interrupted = true
        } else {
            interruptsBeforeBegin += 1
        }
        condition.broadcast()
    }

    func run() throws {
        condition.lock()
        defer { condition.unlock() }
        entered = true
        condition.broadcast()
        // "Converting arguments": wait for a first, ignored interrupt, then begin.
        while interruptsBeforeBegin == 0 {
            condition.wait()
        }
        begun = true
        let giveUp = Date().addingTimeInterval(5)
        while !interrupted, Date() < giveUp {
            _ = condition.wait(until: giveUp)
        }
        if interrupted {
            throw Interrupted()
        }
    }
}
