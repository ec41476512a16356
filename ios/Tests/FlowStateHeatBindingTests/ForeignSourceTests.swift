import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// A Swift `CalendarSource` misbehaving inside `SyncJob.run`: its own error
/// type, `cancel()` from inside `read`, a read that blocks until cancelled.
/// No crash, the documented stop, and the store as it was.
final class ForeignSourceTests: XCTestCase {
    private let plan = twoWeekPlan()

    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    /// A store that already holds one synced event a day.
    private func seededStore() throws -> (String, [SourceEvent]) {
        let path = directory.path("heat.db")
        let source = AnsweringSource(events: (Int64(0)..<14).map { offset in
            timed("seeded-\(offset)", start: monday + offset * day + 9 * hour, end: monday + offset * day + 10 * hour)
        })
        XCTAssertEqual(SyncJob(path: path, zones: bundledZones).run(plan: plan, source: source, cancellation: SyncCancellation()).stop, .completed)
        let stored = try storedFortnight(path)
        XCTAssertEqual(stored.count, 14)
        return (path, stored)
    }

    func testAnErrorOfTheSourcesOwnTypeEndsTheRunAsSourceFailedWithAFixedText() throws {
        let (path, before) = try seededStore()
        struct PrivateCalendarError: Error { let title: String }
        var reasons: [String] = []
        for title in ["Dentist: root canal", "Interview with a rival company"] {
            let summary = SyncJob(path: path, zones: bundledZones).run(
                plan: plan, source: ThrowingSource(PrivateCalendarError(title: title)), cancellation: SyncCancellation()
            )

            guard case .sourceFailed(let reason) = summary.stop else {
                return XCTFail("stop: \(summary.stop)")
            }
            XCTAssertFalse(reason.contains(title), "the error's content never reaches the summary")
            reasons.append(reason)
            XCTAssertTrue(summary.windows.isEmpty)
        }
        XCTAssertEqual(reasons[0], reasons[1], "a fixed text")
        XCTAssertEqual(try storedFortnight(path), before)
    }

    func testCancelFromInsideReadEndsTheRunAsCancelledWithTheStoreUnchanged() throws {
        let (path, before) = try seededStore()
        let cancellation = SyncCancellation()
        let source = CancellingSource(cancellation)

        let summary = SyncJob(path: path, zones: bundledZones).run(plan: plan, source: source, cancellation: cancellation)

        XCTAssertEqual(summary.stop, .cancelled)
        XCTAssertTrue(summary.windows.isEmpty)
        XCTAssertEqual(source.reads, 1)
        XCTAssertEqual(try storedFortnight(path), before)
    }

    func testAReadBlockedUntilCancelledFromAnotherThreadEndsPromptly() throws {
        let (path, before) = try seededStore()
        let job = SyncJob(path: path, zones: bundledZones)
        let cancellation = SyncCancellation()
        let source = BlockingSource()
        let finished = expectation(description: "run returned")
        let result = Box<SyncSummary>()
        let plan = self.plan
        Thread.detachNewThread {
            result.value = job.run(plan: plan, source: source, cancellation: cancellation)
            finished.fulfill()
        }
        XCTAssertTrue(source.readStarted.wait(timeout: .now() + 10) == .success)

        let cancelled = Date()
        cancellation.cancel()  // as the expiration handler does: the run's cancellation, then the platform's read
        source.cancel()
        wait(for: [finished], timeout: 10)

        XCTAssertLessThan(Date().timeIntervalSince(cancelled), 1, "promptly")
        XCTAssertEqual(result.value?.stop, .cancelled)
        XCTAssertEqual(try storedFortnight(path), before)
    }
}

/// Throws the app's own error from every read.
final class ThrowingSource: CalendarSource, @unchecked Sendable {
    private let error: any Error

    init(_ error: any Error) {
        self.error = error
    }

    func access() -> CalendarAccess { .fullAccess }

    func read(range: TimeRange) throws -> CalendarRead {
        throw error
    }
}

/// Cancels its own run from inside the first read, then answers with
/// nothing (which would empty the window if the job went on).
private final class CancellingSource: CalendarSource, @unchecked Sendable {
    private let cancellation: SyncCancellation
    private let lock = NSLock()
    private var readCount = 0

    init(_ cancellation: SyncCancellation) {
        self.cancellation = cancellation
    }

    var reads: Int { lock.withLock { readCount } }

    func access() -> CalendarAccess { .fullAccess }

    func read(range: TimeRange) throws -> CalendarRead {
        lock.withLock { readCount += 1 }
        cancellation.cancel()
        return CalendarRead(calendarCount: 1, events: [])
    }
}

/// A read that waits until the platform cancels it, then answers with
/// nothing (which would empty the window if the job went on).
private final class BlockingSource: CalendarSource, @unchecked Sendable {
    let readStarted = DispatchSemaphore(value: 0)
    private let cancelled = DispatchSemaphore(value: 0)

    func access() -> CalendarAccess { .fullAccess }

    func read(range: TimeRange) throws -> CalendarRead {
        readStarted.signal()
        cancelled.wait()
        return CalendarRead(calendarCount: 1, events: [])
    }

    func cancel() {
        cancelled.signal()
    }
}

private final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?

    var value: T? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
