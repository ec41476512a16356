import Foundation

/// The device calendar through EventKit (an `EventStoreClient`), as the
/// sync job's `CalendarSource`: the selected calendars' occurrences mapped
/// to `SourceEvent`s, and the moments the event store must be reset to show
/// the truth. `read` is called by `SyncJob.run` on the thread that runs the
/// job (the coordinator's queue).
///
/// An `EKEventStore` made before the user granted access was observed to
/// keep answering with no calendars until `reset()` (observed behaviour,
/// not a rule Apple documents); so does one that missed a grant given later
/// in Settings. And all-day events are placed in the device time zone, which
/// a cached store does not follow. So the store is reset after a grant, when
/// `EKEventStoreChanged` comes with a different authorization status, and
/// when the system time zone changes.
public final class EventKitCalendarSource: CalendarSource, RunScopedSource, Sendable {
    public let client: any EventStoreClient
    private let currentSelection: Locked<CalendarSelection>
    private let deviceTimeZone: @Sendable () -> TimeZone
    private let lastSeenAccess: Locked<CalendarAccess>
    private let reads = AbandonableReads()

    /// - Parameter deviceTimeZone: the zone EventKit gives all-day dates in
    ///   (the device's; a fixed one in tests).
    public init(
        client: any EventStoreClient,
        selection: CalendarSelection = CalendarSelection(),
        deviceTimeZone: @escaping @Sendable () -> TimeZone = { TimeZone.current }
    ) {
        self.client = client
        currentSelection = Locked(selection)
        self.deviceTimeZone = deviceTimeZone
        lastSeenAccess = Locked(client.authorizationStatus())
    }

    /// The calendars read from the next read on; change it at runtime with
    /// `select` (then sync: `SyncLifecycle.syncWithBackgroundTime()`).
    public var selection: CalendarSelection {
        currentSelection.withValue { $0 }
    }

    public func select(_ selection: CalendarSelection) {
        currentSelection.withValue { $0 = selection }
    }

    public func access() -> CalendarAccess {
        client.authorizationStatus()
    }

    /// Asks the user (iOS 17: full access) and, once granted, resets the
    /// store so that the next read sees the calendars.
    public func requestAccess() async throws -> Bool {
        let granted = try await client.requestFullAccess()
        if granted {
            client.reset()
        }
        let current = client.authorizationStatus()
        lastSeenAccess.withValue { $0 = current }
        return granted
    }

    /// Call on `EKEventStoreChanged`. Resets the store when the authorization
    /// status differs from the last one seen (access granted or revoked in
    /// Settings); returns whether it did.
    @discardableResult
    public func eventStoreChanged() -> Bool {
        let current = client.authorizationStatus()
        let changed = lastSeenAccess.withValue { lastSeen in
            defer { lastSeen = current }
            return lastSeen != current
        }
        if changed {
            client.reset()
        }
        return changed
    }

    /// Call on `NSSystemTimeZoneDidChange`: all-day events move to the new zone.
    public func systemTimeZoneChanged() {
        client.reset()
    }

    /// The selected calendars' occurrences overlapping `interval`. Zero
    /// selected calendars reads as nothing (`calendarCount` 0): an empty
    /// list is not passed on, as EventKit would then search every calendar.
    public func readOccurrences(_ interval: DateInterval) -> (calendarCount: Int, occurrences: [CalendarOccurrence]) {
        let calendars = client.calendars()
        let selection = self.selection
        let calendarIDs = calendars.filter { selection.includes($0, among: calendars) }.map(\.identifier)
        guard !calendarIDs.isEmpty else { return (0, []) }
        var seen = Set<OccurrenceKey>()
        let occurrences = Self.predicateSpans(interval).flatMap { span in
            client.occurrences(in: span, calendarIDs: calendarIDs)
        }.filter { seen.insert(OccurrenceKey($0)).inserted }
        return (calendarIDs.count, occurrences)
    }

    /// EventKit matches "only those events within a four year time span"
    /// and silently shortens a longer range to its first four years
    /// (`predicateForEvents(withStart:end:calendars:)`): read as deletions,
    /// the rest would be lost. Ranges are read in spans of at most 1,460
    /// days (four years, leap days left as margin).
    public static let maxPredicateSpan: TimeInterval = 1_460 * 86_400

    /// `interval` cut into consecutive spans of at most `maxPredicateSpan`.
    static func predicateSpans(_ interval: DateInterval) -> [DateInterval] {
        var spans: [DateInterval] = []
        var start = interval.start
        repeat {
            let end = min(interval.end, start.addingTimeInterval(maxPredicateSpan))
            spans.append(DateInterval(start: start, end: end))
            start = end
        } while start < interval.end
        return spans
    }

    public func duringRun<T>(_ cancellation: any RunCancelling, _ body: () -> T) -> T {
        reads.during(cancellation, body)
    }

    /// Every occurrence overlapping `range` in the selected calendars (an
    /// occurrence overlapping two spans is listed once); during a run, given
    /// up when the run is cancelled (`RunScopedSource`). The
    /// events go to the job as EventKit gave them: over-long titles, bad
    /// dates and duplicates are the job's to handle (docs/contract.md,
    /// "Sync job").
    public func read(range: TimeRange) throws -> CalendarRead {
        let start = Date(epochMilliseconds: range.startMs)
        let end = Date(epochMilliseconds: max(range.startMs, range.endMs))
        let (calendarCount, occurrences) = try reads.read { [self] in readOccurrences(DateInterval(start: start, end: end)) }
        let zone = deviceTimeZone()
        return CalendarRead(
            calendarCount: Int32(clamping: calendarCount),
            events: occurrences.map { SourceEvent($0, deviceTimeZone: zone) }
        )
    }
}

/// One occurrence, whichever span it was read in.
private struct OccurrenceKey: Hashable {
    let item: String
    let occurrence: Date
    let start: Date

    init(_ occurrence: CalendarOccurrence) {
        item = occurrence.calendarItemIdentifier
        self.occurrence = occurrence.occurrenceDate
        start = occurrence.startDate
    }
}
