/// What one sync run did, for the app to refresh the screens it affected
/// and to report the background task's success.
public struct HeatSyncSummary: Sendable {
    /// The windows reconciled, in the order they ran.
    public var windows: [WindowSync]
    public var stopReason: StopReason

    public init(windows: [WindowSync], stopReason: StopReason) {
        self.windows = windows
        self.stopReason = stopReason
    }

    /// Whether any stored event changed.
    public var changed: Bool {
        windows.contains { $0.outcome.changed }
    }

    /// The time ranges whose stored state changed: reload what overlaps them.
    public var changedRanges: [TimeRange] {
        windows.flatMap(\.outcome.replacedRanges)
    }

    /// The local days replaced, over all windows.
    public var daysReplaced: Int {
        windows.reduce(0) { $0 + Int($1.outcome.daysReplaced) }
    }

    /// For `BGTask.setTaskCompleted(success:)`: every planned window ran, or
    /// the rest is left for the next run because time ran out.
    public var succeeded: Bool {
        switch stopReason {
        case .finished, .deadlineReached: return true
        case .cancelled, .accessNotGranted, .sourceFailed, .coreFailed: return false
        }
    }
}

/// One reconciled window.
public struct WindowSync: Sendable {
    public var window: TimeWindow
    public var outcome: ReconcileOutcome

    public init(window: TimeWindow, outcome: ReconcileOutcome) {
        self.window = window
        self.outcome = outcome
    }
}

/// Why a run stopped. Every reason but `finished` leaves the windows not
/// yet reached as they were: nothing is deleted on a refusal or a failure.
public enum StopReason: Sendable {
    /// Every window of the plan was reconciled.
    case finished
    /// The previous window took longer than the time left before the deadline.
    case deadlineReached
    /// The task was cancelled (background time expired); a window that was
    /// being reconciled was interrupted and is unchanged.
    case cancelled
    /// The app may not read the calendar, so it cannot tell an empty calendar
    /// from an unreadable one: nothing is written.
    case accessNotGranted(CalendarAccess)
    /// The calendar read failed; nothing is written for that window.
    case sourceFailed(any Error)
    /// The core refused or failed (a `HeatError`, e.g. `EmptySourceRefused`
    /// or `Storage`); the window is unchanged.
    case coreFailed(any Error)
}
