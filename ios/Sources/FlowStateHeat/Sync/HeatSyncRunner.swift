import Foundation

/// Syncs the device calendar into the store, window by window.
///
/// Each window is read from the `CalendarSource`, mapped to `SourceEvent`s
/// and reconciled off the calling thread. The first window (today and the
/// next days) always runs; a later one starts only if the previous one's
/// duration still fits before the deadline. The run never lets an
/// unreadable calendar delete anything: without full access nothing is
/// written, a failed read stops the run, and `allowEmpty` is passed only for
/// an empty result from a readable calendar with at least one calendar in it.
/// Cancelling the task interrupts the reconcile in progress, which then
/// leaves its window unchanged.
///
/// Give the runner a `HeatStore` of its own (screens open another): a
/// cancellation interrupts whatever call is running on the store it holds.
public final class HeatSyncRunner: Sendable {
    private let store: any WindowReconciler
    private let source: any CalendarSource
    private let scope: String
    private let timeZone: TimeZone
    private let plan: SyncPlan
    private let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - scope: the store partition this calendar set lives in (e.g. "device").
    ///   - timeZone: where days begin and end; the device's zone, as EventKit
    ///     places all-day events in it.
    ///   - clock: the current time (a fake one in tests).
    public init(
        store: any WindowReconciler,
        source: any CalendarSource,
        scope: String,
        timeZone: TimeZone = .current,
        plan: SyncPlan = SyncPlan(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.source = source
        self.scope = scope
        self.timeZone = timeZone
        self.plan = plan
        self.clock = clock
    }

    public func run(deadline: Date) async -> HeatSyncSummary {
        var synced: [WindowSync] = []
        let stopReason = await syncWindows(until: deadline, appendingTo: &synced)
        return HeatSyncSummary(windows: synced, stopReason: stopReason)
    }

    private func syncWindows(until deadline: Date, appendingTo synced: inout [WindowSync]) async -> StopReason {
        var startDate = LocalDate(clock(), in: timeZone)
        var lastDuration: TimeInterval = 0
        for index in 0..<plan.windowCount {
            if Task.isCancelled {
                return .cancelled
            }
            let started = clock()
            if index > 0, started.addingTimeInterval(lastDuration) > deadline {
                return .deadlineReached
            }
            let window: TimeWindow
            do {
                window = try windowOfDays(
                    startDate: startDate.description, days: plan.windowDays, timeZone: timeZone.identifier
                )
            } catch {
                return .coreFailed(error)
            }
            switch await sync(window) {
            case .reconciled(let outcome):
                synced.append(WindowSync(window: window, outcome: outcome))
            case .stop(let reason):
                return reason
            }
            lastDuration = clock().timeIntervalSince(started)
            startDate = LocalDate(Date(epochMilliseconds: window.endMs), in: timeZone)
        }
        return .finished
    }

    /// Reads, maps and reconciles one window.
    private func sync(_ window: TimeWindow) async -> WindowStep {
        // Access is checked on both sides of the read: EventKit answers a
        // revoked permission with an empty, "successful" read.
        let before = source.access()
        guard before == .fullAccess else { return .stop(.accessNotGranted(before)) }
        let read: CalendarRead
        do {
            read = try await source.read(
                DateInterval(start: Date(epochMilliseconds: window.startMs), end: Date(epochMilliseconds: window.endMs))
            )
        } catch {
            return .stop(Task.isCancelled ? .cancelled : .sourceFailed(error))
        }
        let after = source.access()
        guard after == .fullAccess else { return .stop(.accessNotGranted(after)) }

        let events = read.occurrences.map { SourceEvent($0, deviceTimeZone: timeZone) }
        let options = ReconcileOptions(allowEmpty: events.isEmpty && read.calendarCount > 0)
        let (store, scope) = (self.store, self.scope)
        do {
            let outcome = try await interruptibleCall(interrupt: { store.interrupt() }) {
                try store.reconcileHeat(scope: scope, window: window, events: events, options: options)
            }
            return .reconciled(outcome)
        } catch {
            return .stop(Task.isCancelled ? .cancelled : .coreFailed(error))
        }
    }
}

/// How one window ended.
private enum WindowStep {
    case reconciled(ReconcileOutcome)
    case stop(StopReason)
}
