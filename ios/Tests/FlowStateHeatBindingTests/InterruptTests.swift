import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// `interrupt()` from another thread, as a BGTask expiration handler calls it.
final class InterruptTests: XCTestCase {
    func testInterruptFromAnotherThreadStopsABigReconcileAndLeavesTheStoreUnchanged() throws {
        let directory = try TemporaryDirectory()
        let store = try HeatStore.open(path: directory.path("heat.db"), zones: bundledZones)
        let window = utcWindow(from: monday, days: 30)
        let before = [timed("kept", start: monday + hour, end: monday + 2 * hour)]
        let seeded = try store.reconcileHeat(scope: "device", window: window, events: before, options: ReconcileOptions(allowEmpty: false))
        let big = (0..<60_000).map { n in
            timed("big-\(n)", start: monday + Int64(n) * 30_000, end: monday + Int64(n) * 30_000 + hour)
        }

        // One interrupt could land before the call begins in Rust and be
        // ignored (it only stops calls already running), so keep interrupting
        // from the other thread until the call has returned.
        let interrupter = Interrupter(store: store)
        interrupter.start()
        defer { interrupter.stop() }
        do {
            _ = try store.reconcileHeat(scope: "device", window: window, events: big, options: ReconcileOptions(allowEmpty: false))
            XCTFail("the reconcile should have been interrupted")
        } catch HeatError.Interrupted(let reason) {
            XCTAssertTrue(reason.contains("unchanged"), reason)
        }
        interrupter.stop()
        XCTAssertGreaterThan(interrupter.interrupts, 0)

        XCTAssertEqual(try store.events(scope: "device", window: window), before)
        XCTAssertEqual(try store.lastSync(scope: "device")?.windowDigest, seeded.windowDigest)

        // Calls after the interrupt run normally.
        let later = try store.reconcileHeat(
            scope: "device", window: window, events: Array(big.prefix(100)), options: ReconcileOptions(allowEmpty: false)
        )
        XCTAssertTrue(later.changed)
        XCTAssertEqual(try store.events(scope: "device", window: window).count, 100)
    }
}

/// Calls `interrupt()` every millisecond on its own thread until stopped.
private final class Interrupter: @unchecked Sendable {
    private let store: HeatStore
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var running = false
    private var stopped = false
    private(set) var interrupts = 0

    init(store: HeatStore) {
        self.store = store
    }

    func start() {
        condition.lock()
        running = true
        condition.unlock()
        Thread.detachNewThread { [self] in
            condition.lock()
            while running {
                store.interrupt()
                interrupts += 1
                _ = condition.wait(until: Date().addingTimeInterval(0.001))
            }
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Returns once the thread has made its last call.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        guard running else { return }
        running = false
        condition.broadcast()
        while !stopped {
            condition.wait()
        }
    }
}
