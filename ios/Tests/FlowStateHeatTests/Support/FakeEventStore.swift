import FlowStateHeat
import Foundation

/// An event store that behaves like `EKEventStore` where it matters: made
/// before access was granted, it lists no calendars (and so no events) until
/// `reset()` is called after the grant. Like EventKit, a fetch over more
/// than four years silently covers the first four only. Its fetch can be
/// made to hang, as `events(matching:)` may.
final class FakeEventStore: EventStoreClient, @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var status: CalendarAccess
    private var cacheHasAccess: Bool
    private var _calendars: [CalendarInfo]
    private var _occurrences: [CalendarOccurrence]
    private var _resets = 0
    private var _queriedCalendarIDs: [[String]] = []
    private var _blockedReads = 0
    private let gate = NSCondition()
    // Guarded by `gate`.
    private var blocking = false

    init(status: CalendarAccess, calendars: [CalendarInfo], occurrences: [CalendarOccurrence]) {
        self.status = status
        cacheHasAccess = status == .fullAccess
        _calendars = calendars
        _occurrences = occurrences
    }

    var resets: Int { lock.withLock { _resets } }
    var queriedCalendarIDs: [[String]] { lock.withLock { _queriedCalendarIDs } }
    /// Fetches that hung so far.
    var blockedReads: Int { lock.withLock { _blockedReads } }

    var occurrences: [CalendarOccurrence] {
        get { lock.withLock { _occurrences } }
        set { lock.withLock { _occurrences = newValue } }
    }

    func blockReads() {
        gate.withLock { blocking = true }
    }

    func unblockReads() {
        gate.withLock {
            blocking = false
            gate.broadcast()
        }
    }

    /// The user changes the permission in Settings.
    func setStatus(_ access: CalendarAccess) {
        lock.withLock { status = access }
    }

    func authorizationStatus() -> CalendarAccess {
        lock.withLock { status }
    }

    func requestFullAccess() async throws -> Bool {
        lock.withLock {
            status = .fullAccess
            return true
        }
    }

    func calendars() -> [CalendarInfo] {
        lock.withLock { cacheHasAccess && status == .fullAccess ? _calendars : [] }
    }

    func occurrences(in interval: DateInterval, calendarIDs: [String]) -> [CalendarOccurrence] {
        gate.withLock {
            if blocking {
                lock.withLock { _blockedReads += 1 }
            }
            while blocking {
                gate.wait()
            }
        }
        return lock.withLock {
            _queriedCalendarIDs.append(calendarIDs)
            guard cacheHasAccess && status == .fullAccess else { return [] }
            let searched = DateInterval(start: interval.start, duration: min(interval.duration, 1_461 * 86_400))
            return _occurrences.filter {
                calendarIDs.contains($0.calendarIdentifier) && searched.intersects(DateInterval(start: $0.startDate, end: $0.endDate))
            }
        }
    }

    func reset() {
        lock.withLock {
            _resets += 1
            cacheHasAccess = status == .fullAccess
        }
    }
}
