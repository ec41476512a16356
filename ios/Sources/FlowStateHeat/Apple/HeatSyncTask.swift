#if canImport(BackgroundTasks) && canImport(EventKit) && canImport(UIKit)
import BackgroundTasks
import EventKit
import Foundation
import UIKit

/// The calendar sync as iOS runs it: a `BGAppRefreshTask` in the background,
/// and a run after the calendar or the time zone changed while the app is
/// alive. All runs go through one `SyncCoordinator` (one at a time, requests
/// during a run coalesce into one follow-up), which runs them on a queue of
/// their own.
///
///     // application(_:didFinishLaunchingWithOptions:), before it returns, once:
///     heatSync.register()
///     heatSync.observeChanges()
///     // when the app goes to the background (log the error, see README):
///     try heatSync.schedule(earliest: Date(timeIntervalSinceNow: 3600))
///
/// App only: extensions (widgets) have no background tasks and no
/// `UIApplication`; they read the store (see the README).
@available(iOSApplicationExtension, unavailable)
public final class HeatSyncTask<Sync: BlockingSync>: Sendable {
    public let coordinator: SyncCoordinator<Sync>
    public let identifier: String
    private let source: EventKitCalendarSource
    private let refreshInterval: TimeInterval
    private let onSync: @Sendable (Sync.Summary) -> Void
    private let onScheduleError: @Sendable (any Error) -> Void
    private let changes = Debouncer(delay: 2)
    private let observers = NotificationObservers()

    /// - Parameters:
    ///   - identifier: listed under `BGTaskSchedulerPermittedIdentifiers`.
    ///   - source: told about store and time-zone changes (it resets its
    ///     `EKEventStore` when they matter).
    ///   - refreshInterval: the earliest start of the next background run,
    ///     requested at the start of each one.
    ///   - onSync: after every run, on an arbitrary thread.
    ///   - onScheduleError: the next run could not be requested (log it).
    public init(
        identifier: String,
        sync: Sync,
        source: EventKitCalendarSource,
        refreshInterval: TimeInterval = 3_600,
        onSync: @escaping @Sendable (Sync.Summary) -> Void,
        onScheduleError: @escaping @Sendable (any Error) -> Void
    ) {
        self.identifier = identifier
        coordinator = SyncCoordinator(sync)
        self.source = source
        self.refreshInterval = refreshInterval
        self.onSync = onSync
        self.onScheduleError = onScheduleError
    }

    /// Registers the launch handler. Call it exactly once, before the app
    /// finishes launching: BackgroundTasks raises an exception (the app
    /// crashes) on a second registration of the identifier or one after
    /// launch. Returns false when the identifier is not permitted.
    @discardableResult
    public func register() -> Bool {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { [self] task in
            handle(task)
        }
    }

    /// Throws `BGTaskScheduler.Error`: `.unavailable` on the Simulator and
    /// when Background App Refresh is off, `.tooManyPendingTaskRequests`,
    /// `.notPermitted`. Log it: the heat map then only updates while the
    /// app is open.
    public func schedule(earliest: Date) throws {
        let request = BGAppRefreshTaskRequest(identifier: identifier)
        request.earliestBeginDate = earliest
        try BGTaskScheduler.shared.submit(request)
    }

    /// Syncs a couple of seconds after the calendar stops changing
    /// (`EKEventStoreChanged`) or the time zone changed.
    public func observeChanges() {
        let center = NotificationCenter.default
        let source = self.source
        observers.add(center.addObserver(forName: .EKEventStoreChanged, object: nil, queue: nil) { [weak self] _ in
            source.eventStoreChanged()
            self?.requestSoon()
        })
        observers.add(center.addObserver(forName: .NSSystemTimeZoneDidChange, object: nil, queue: nil) { [weak self] _ in
            source.systemTimeZoneChanged()
            self?.requestSoon()
        })
    }

    /// A run that the app finishes even if it goes to the background
    /// meanwhile: background time is begun before it and ended after it (or
    /// when it expires, after cancelling the run).
    @MainActor
    public func syncWhileAlive() async {
        let coordinator = self.coordinator
        let summary = await UIApplication.shared.withBackgroundTime(onExpiry: { coordinator.cancel() }) {
            await coordinator.request()
        }
        if let summary {
            onSync(summary)
        }
    }

    private func requestSoon() {
        changes.signal { [weak self] in await self?.syncWhileAlive() }
    }

    private func handle(_ task: BGTask) {
        // Requested first: the chain of refreshes must survive this run being killed.
        do {
            try schedule(earliest: Date(timeIntervalSinceNow: refreshInterval))
        } catch {
            onScheduleError(error)
        }
        let completable = CompletableTask(task)
        BackgroundTaskRun.start(
            coordinator,
            installExpirationHandler: { task.expirationHandler = $0 },
            complete: { completable.complete(success: $0) },
            onSummary: onSync
        )
    }
}

/// A `BGTask` completed from the thread its run ends on. BGTask is not
/// Sendable; `setTaskCompleted(success:)` is made to be called when the
/// work ends, on whatever thread that is, and `BackgroundTaskRun` calls
/// this exactly once.
private final class CompletableTask: @unchecked Sendable {
    private let task: BGTask

    init(_ task: BGTask) {
        self.task = task
    }

    func complete(success: Bool) {
        task.setTaskCompleted(success: success)
    }
}

/// Notification observers, removed with their owner.
private final class NotificationObservers: Sendable {
    private let tokens = Locked<[any NSObjectProtocol]>([])

    func add(_ token: any NSObjectProtocol) {
        tokens.withValue { $0.append(token) }
    }

    deinit {
        tokens.withValue { $0 }.forEach(NotificationCenter.default.removeObserver)
    }
}
#endif
