@testable import FlowStateHeat
import Foundation
import XCTest

struct FakeSummary: SyncReport, Equatable {
    /// 1 for the first run, 2 for the second, ...
    let run: Int
    let succeeded: Bool
    var changedAnyWindow: Bool { false }
    var logLine: String { "fake run \(run)" }
}

/// Reaches the run in progress only (the fake runs one at a time).
final class FakeCancellation: RunCancelling, @unchecked Sendable {
    private let sync: FakeBlockingSync
    private let cancelled = NSLock()
    private var flag = false

    init(sync: FakeBlockingSync) {
        self.sync = sync
    }

    func cancel() {
        cancelled.withLock { flag = true }
        sync.cancel()
    }

    func isCancelled() -> Bool {
        cancelled.withLock { flag }
    }
}

extension SyncCoordinator {
    /// `request` as an async call, for tests.
    func requested() async -> Sync.Summary? {
        await withCheckedContinuation { continuation in
            request { continuation.resume(returning: $0) }
        }
    }
}

/// A sync run that blocks until the test releases it, like a read stuck in
/// EventKit. With `noticesCancel`, cancelling its run ends it at once (as
/// the job's cancellation does); without, only a release does (a call that
/// does not notice cancellation).
final class FakeBlockingSync: BlockingSync, @unchecked Sendable {
    private let condition = NSCondition()
    private let noticesCancel: Bool
    // Guarded by `condition`.
    private var started = 0
    private var ended = 0
    private var permits = 0
    private var cancelRequested = false
    private var ranOnMainThread = false

    init(noticesCancel: Bool) {
        self.noticesCancel = noticesCancel
    }

    var runsStarted: Int {
        condition.lock()
        defer { condition.unlock() }
        return started
    }

    /// A run has started and not returned.
    var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return started > ended
    }

    var anyRunOnMainThread: Bool {
        condition.lock()
        defer { condition.unlock() }
        return ranOnMainThread
    }

    /// Lets one blocked (or the next) run finish successfully.
    func release() {
        condition.lock()
        permits += 1
        condition.broadcast()
        condition.unlock()
    }

    func makeCancellation() -> FakeCancellation {
        FakeCancellation(sync: self)
    }

    func run(cancellation: FakeCancellation) -> FakeSummary {
        condition.lock()
        defer {
            ended += 1
            condition.unlock()
        }
        started += 1
        let run = started
        ranOnMainThread = ranOnMainThread || Thread.isMainThread
        cancelRequested = cancellation.isCancelled()
        while permits == 0, !(noticesCancel && cancelRequested) {
            condition.wait()
        }
        if permits > 0 {
            permits -= 1
            return FakeSummary(run: run, succeeded: true)
        }
        return FakeSummary(run: run, succeeded: false)
    }

    func cancel() {
        condition.lock()
        cancelRequested = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Polls `condition` every few milliseconds, failing after `timeout` seconds.
func eventually(
    _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
    _ condition: @Sendable () async -> Bool
) async {
    let giveUp = Date().addingTimeInterval(timeout)
    while await !condition() {
        guard Date() < giveUp else {
            XCTFail("timed out waiting until \(what)", file: file, line: line)
            return
        }
        try? await Task.sleep(nanoseconds: 5_000_000)
    }
}
