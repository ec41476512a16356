import Foundation

/// The device calendar through EventKit (an `EventStoreClient`), as the
/// sync job's `CalendarSource`: the selected calendars' occurrences mapped
/// to `SourceEvent`s, and the moments the event store must be reset to show
/// the truth. `read` is called by `SyncJob.run` on the thread that runs the
/// job (the coordinator's queue).
///
/// An `EKEventStore` made before the user granted access keeps answering
/// with no calendars until `reset()` (Apple's `requestAccess` documentation
/// says to reset after a grant); so does one that missed a grant given later
/// in Settings. And all-day events are placed in the device time zone, which
/// a cached store does not follow. So the store is reset after a grant, when
/// `EKEventStoreChanged` comes with a different authorization status, and
/// when the system time zone changes.
public final class EventKitCalendarSource: CalendarSource, Sendable {
    public let client: any EventStoreClient
    public let selection: CalendarSelection
    private let deviceTimeZone: @Sendable () -> TimeZone
    private let lastSeenAccess: Locked<CalendarAccess>

    /// - Parameter deviceTimeZone: the zone EventKit gives all-day dates in
    ///   (the device's; a fixed one in tests).
    public init(
        client: any EventStoreClient,
        selection: CalendarSelection = CalendarSelection(),
        deviceTimeZone: @escaping @Sendable () -> TimeZone = { TimeZone.current }
    ) {
        self.client = client
        self.selection = selection
        self.deviceTimeZone = deviceTimeZone
        lastSeenAccess = Locked(client.authorizationStatus())
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
        let calendarIDs = client.calendars().filter(selection.includes).map(\.identifier)
        guard !calendarIDs.isEmpty else { return (0, []) }
        return (calendarIDs.count, client.occurrences(in: interval, calendarIDs: calendarIDs))
    }

    /// Every occurrence overlapping `range` in the selected calendars. The
    /// events go to the job as EventKit gave them: over-long titles, bad
    /// dates and duplicates are the job's to handle (docs/contract.md,
    /// "Sync job").
    public func read(range: TimeRange) throws -> CalendarRead {
        let start = Date(epochMilliseconds: range.startMs)
        let end = Date(epochMilliseconds: max(range.startMs, range.endMs))
        let (calendarCount, occurrences) = readOccurrences(DateInterval(start: start, end: end))
        let zone = deviceTimeZone()
        return CalendarRead(
            calendarCount: UInt32(clamping: calendarCount),
            events: occurrences.map { SourceEvent($0, deviceTimeZone: zone) }
        )
    }
}
