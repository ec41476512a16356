import Foundation

/// What the app does about the sync at each moment of its life, over
/// abstractions of BackgroundTasks, UIKit's background time, Darwin
/// notifications and Dispatch. `HeatSync` (Apple/) only forwards the
/// system's callbacks here; the lifecycle model in the tests drives this
/// same class through launches, background tasks, pushes, expiries and
/// suspension (ADR 0019).
///
/// Every run is held by something that keeps the app running — a
/// background task, background time, a silent push — so none is in
/// progress when iOS suspends the app. A change that comes when nothing can
/// hold a run (no background time granted) is synced by the next run: the
/// app syncs at every launch, on every return to the foreground, in every
/// background task and on every push.
@MainActor
public final class SyncLifecycle<Sync: BlockingSync, Granter: BackgroundTimeGranting> {
    public let identifier: String
    public let coordinator: SyncCoordinator<Sync>
    /// Active or not, for screens (`StoreVersionWatcher`).
    public let activity = AppActivity()
    private let execution: any SyncExecution
    private let scheduler: any BackgroundTaskScheduling
    private let granter: Granter
    private let source: EventKitCalendarSource?
    private let refreshInterval: TimeInterval
    private let onScheduleError: @Sendable (any Error) -> Void
    private let changes: Debouncer

    /// - Parameters:
    ///   - identifier: listed under `BGTaskSchedulerPermittedIdentifiers`.
    ///   - source: told about calendar and time-zone changes (it resets its
    ///     `EKEventStore` when they matter); nil in tests without EventKit.
    ///   - changeSignal: posted after every run that changed a window.
    ///   - refreshInterval: the earliest start of the next background run.
    ///   - onRunEnded: every finished run (log it); any thread.
    ///   - onScheduleError: the next background run could not be requested.
    public init(
        identifier: String,
        sync: Sync,
        execution: any SyncExecution,
        scheduler: any BackgroundTaskScheduling,
        granter: Granter,
        source: EventKitCalendarSource?,
        changeSignal: any StoreChangeSignal,
        refreshInterval: TimeInterval = 3_600,
        onRunEnded: @escaping @Sendable (Sync.Summary) -> Void,
        onScheduleError: @escaping @Sendable (any Error) -> Void
    ) {
        self.identifier = identifier
        coordinator = SyncCoordinator(sync, execution: execution) { summary in
            onRunEnded(summary)
            if summary.changedAnyWindow {
                changeSignal.post()
            }
        }
        self.execution = execution
        self.scheduler = scheduler
        self.granter = granter
        self.source = source
        self.refreshInterval = refreshInterval
        self.onScheduleError = onScheduleError
        changes = Debouncer(delay: 2, execution: execution)
    }

    /// `application(_:didFinishLaunchingWithOptions:)`, before it returns,
    /// exactly once: BackgroundTasks raises an exception on a second
    /// registration or one after launch. False when the identifier is not
    /// permitted.
    @discardableResult
    public func didFinishLaunching() -> Bool {
        scheduler.register(identifier: identifier) { [weak self] task in self?.backgroundTaskLaunched(task) }
    }

    /// The app became active: screens may read, and a run picks up whatever
    /// changed while the app was not running or suspended.
    public func becameActive() {
        activity.set(active: true)
        syncWithBackgroundTime()
    }

    public func willResignActive() {
        activity.set(active: false)
    }

    /// The app is in the background: a debounced change is synced now (its
    /// timer would not fire in a suspended app), and the next background
    /// run is requested.
    public func didEnterBackground() {
        changes.flush()
        scheduleRefresh()
    }

    /// `EKEventStoreChanged`: a sync a couple of seconds after the burst.
    public func calendarChanged() {
        source?.eventStoreChanged()
        changes.signal { [weak self] in self?.syncWithBackgroundTime() }
    }

    /// `NSSystemTimeZoneDidChange`.
    public func timeZoneChanged() {
        source?.systemTimeZoneChanged()
        changes.signal { [weak self] in self?.syncWithBackgroundTime() }
    }

    /// A run inside background time (after access was granted, after a
    /// change). False when iOS granted no time: the next run covers it.
    @discardableResult
    public func syncWithBackgroundTime() -> Bool {
        granter.requestRun(coordinator, execution: execution)
    }

    /// The `BGAppRefreshTask` launch handler: the successor is requested
    /// first (the chain of refreshes survives this run being killed).
    public nonisolated func backgroundTaskLaunched(_ task: any BackgroundTaskHandle) {
        scheduleRefresh()
        BackgroundTaskRun.start(
            coordinator,
            execution: execution,
            installExpirationHandler: { task.setExpirationHandler($0) },
            complete: { task.setTaskCompleted(success: $0) }
        )
    }

    /// `application(_:didReceiveRemoteNotification:fetchCompletionHandler:)`
    /// for a silent push: `complete` is called exactly once, within the
    /// push's 30 s (`PushSync`).
    public nonisolated func remoteNotificationReceived(complete: @escaping @Sendable (PushFetchResult) -> Void) {
        PushSync.start(coordinator, execution: execution, complete: complete)
    }

    private nonisolated func scheduleRefresh() {
        do {
            try scheduler.submit(identifier: identifier, earliestIn: refreshInterval)
        } catch {
            onScheduleError(error)
        }
    }
}
