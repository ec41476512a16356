import FlowStateHeat
import Foundation

/// A calendar in memory, answering like EventKit: the occurrences
/// overlapping the interval, and whatever access state the test sets.
final class FakeCalendarSource: CalendarSource, @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var _access: CalendarAccess = .fullAccess
    private var _occurrences: [CalendarOccurrence]
    private var _reads: [DateInterval] = []
    /// The access state the read leaves behind (a permission revoked while reading).
    var accessAfterRead: CalendarAccess?
    var calendarCount = 2
    var failure: (any Error)?
    /// Waits (until cancelled) instead of answering.
    var hangs = false
    /// Called at every read, e.g. to advance a fake clock.
    var onRead: (@Sendable () -> Void)?

    init(_ occurrences: [CalendarOccurrence]) {
        _occurrences = occurrences
    }

    var occurrences: [CalendarOccurrence] {
        get { lock.withLock { _occurrences } }
        set { lock.withLock { _occurrences = newValue } }
    }

    var accessState: CalendarAccess {
        get { lock.withLock { _access } }
        set { lock.withLock { _access = newValue } }
    }

    /// The intervals read, in order.
    var reads: [DateInterval] {
        lock.withLock { _reads }
    }

    func access() -> CalendarAccess {
        accessState
    }

    func read(_ interval: DateInterval) async throws -> CalendarRead {
        lock.withLock { _reads.append(interval) }
        onRead?()
        if hangs {
            try await Task.sleep(nanoseconds: 60_000_000_000)
        }
        if let failure {
            throw failure
        }
        if let accessAfterRead {
            accessState = accessAfterRead
        }
        let overlapping = occurrences.filter { occurrence in
            occurrence.startDate < interval.end
                && (occurrence.endDate > interval.start || occurrence.startDate >= interval.start)
        }
        return CalendarRead(calendarCount: calendarCount, occurrences: overlapping)
    }
}

/// A clock that moves only when told.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    func now() -> Date {
        lock.withLock { current }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// A real store that reports when a reconcile starts and how many ran.
final class ObservedStore: WindowReconciler, @unchecked Sendable {
    let store: HeatStore
    private let lock = NSLock()
    private var started = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ store: HeatStore) {
        self.store = store
    }

    var reconcileCount: Int {
        lock.withLock { started }
    }

    /// Returns once a reconcile has started (at once if one already has).
    func reconcileStarted() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            defer { lock.unlock() }
            if started > 0 {
                continuation.resume()
            } else {
                waiters.append(continuation)
            }
        }
    }

    func reconcileHeat(scope: String, window: TimeWindow, events: [SourceEvent], options: ReconcileOptions) throws
        -> ReconcileOutcome
    {
        let toResume: [CheckedContinuation<Void, Never>] = lock.withLock {
            started += 1
            defer { waiters = [] }
            return waiters
        }
        toResume.forEach { $0.resume() }
        return try store.reconcileHeat(scope: scope, window: window, events: events, options: options)
    }

    func interrupt() {
        store.interrupt()
    }
}
