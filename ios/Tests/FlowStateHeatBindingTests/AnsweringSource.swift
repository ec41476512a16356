import FlowStateHeat
import Foundation

/// A calendar with full access whose reads give the events overlapping the
/// range, counting what the job asked.
final class AnsweringSource: CalendarSource, @unchecked Sendable {
    private let events: [SourceEvent]
    private let lock = NSLock()
    // Guarded by `lock`.
    private var accessCount = 0
    private var readCount = 0

    init(events: [SourceEvent]) {
        self.events = events
    }

    var accessChecks: Int { lock.withLock { accessCount } }
    var reads: Int { lock.withLock { readCount } }

    func access() -> CalendarAccess {
        lock.withLock { accessCount += 1 }
        return .fullAccess
    }

    func read(range: TimeRange) throws -> CalendarRead {
        lock.withLock { readCount += 1 }
        return CalendarRead(calendarCount: 1, events: events.filter { event in
            guard case .timed(let start, let end) = event.time else { return false }
            return start < range.endMs && end > range.startMs
        })
    }
}
