import FlowStateHeat
import FlowStateHeatTestSupport
import Foundation

/// A `CalendarSource` that answers from a golden scenario's script and
/// records the ranges it was asked for.
final class ScriptedSource: CalendarSource, @unchecked Sendable {
    /// The platform's own error type, for the scenarios' `{"throw": "other"}`.
    struct PlatformError: Error {}

    /// More reads than the scenario scripted.
    struct UnscriptedRead: Error {}

    private let lock = NSLock()
    // Guarded by `lock`.
    private let accessAnswers: [CalendarAccess]
    private var accessCalls = 0
    private var readAnswers: [JobScenario.Read]
    private var ranges: [JobScenario.Range] = []

    init(_ run: JobScenario.Run) throws {
        accessAnswers = try run.access.map(JobScenario.access(named:))
        readAnswers = run.reads
    }

    var readRanges: [JobScenario.Range] {
        lock.withLock { ranges }
    }

    func access() -> CalendarAccess {
        lock.withLock {
            defer { accessCalls += 1 }
            return accessAnswers[min(accessCalls, accessAnswers.count - 1)]
        }
    }

    func read(range: TimeRange) throws -> CalendarRead {
        let answer: JobScenario.Read? = lock.withLock {
            ranges.append(JobScenario.Range(startMs: range.startMs, endMs: range.endMs))
            return readAnswers.isEmpty ? nil : readAnswers.removeFirst()
        }
        switch answer {
        case nil:
            throw UnscriptedRead()
        case .events(let calendarCount, let events)?:
            return CalendarRead(calendarCount: calendarCount, events: try events.map { try $0.sourceEvent() })
        case .unavailable(let reason)?:
            throw SourceError.Unavailable(reason: reason)
        case .otherError?:
            throw PlatformError()
        }
    }
}
