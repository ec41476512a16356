#if canImport(BackgroundTasks) && canImport(EventKit) && canImport(UIKit)
import BackgroundTasks
import EventKit
import Foundation
import UIKit

/// The calendar sync as iOS runs it: a `BGAppRefreshTask` in the background,
/// and a debounced run after `EKEventStoreChanged` while the app is alive.
/// Every run goes through `HeatSyncRunner.syncOnce`, which opens the store
/// and closes it before returning, so no SQLite lock outlives a run.
///
///     // application(_:didFinishLaunchingWithOptions:), before it returns:
///     heatSync.register(identifier: "app.flowstate.heat.refresh")
///     heatSync.observeCalendarChanges()
///     // when the app goes to the background:
///     try? heatSync.schedule(earliest: Date(timeIntervalSinceNow: 3600))
///
/// App only: extensions (widgets) have no background tasks and no
/// `UIApplication`; they read the store (see the README).
@available(iOSApplicationExtension, unavailable)
public final class HeatSyncTask: @unchecked Sendable {
    private let storeURL: URL
    private let scope: String
    private let source: EventKitCalendarSource
    private let plan: SyncPlan
    private let refreshInterval: TimeInterval
    private let onSync: @Sendable (HeatSyncSummary) -> Void
    private let calendarChanges = Debouncer(delay: 2)
    // Set once, at launch, before any task can run.
    private var identifier = ""
    private var observer: NSObjectProtocol?

    /// Background refresh tasks get about 30 seconds; the run plans to end
    /// well before, leaving time to close the store.
    static let backgroundBudget: TimeInterval = 20
    /// A run while the app is alive may take longer, within the extra time
    /// iOS grants when the app moves to the background mid-run.
    static let foregroundBudget: TimeInterval = 25

    /// - Parameters:
    ///   - storeURL: usually `SharedStoreLocation.storeURL(appGroup:)`.
    ///   - refreshInterval: the earliest start of the next background run.
    ///   - onSync: called after every run, on an arbitrary thread; refresh the
    ///     screens showing `summary.changedRanges` (on the main actor).
    public init(
        storeURL: URL,
        scope: String,
        source: EventKitCalendarSource,
        plan: SyncPlan = SyncPlan(),
        refreshInterval: TimeInterval = 3_600,
        onSync: @escaping @Sendable (HeatSyncSummary) -> Void
    ) {
        self.storeURL = storeURL
        self.scope = scope
        self.source = source
        self.plan = plan
        self.refreshInterval = refreshInterval
        self.onSync = onSync
    }

    deinit {
        if let observer {
            NotificationCenter.default.removeObserver(observer)
        }
    }

    /// Registers the launch handler; `identifier` must be listed under
    /// `BGTaskSchedulerPermittedIdentifiers` in Info.plist. Call it before
    /// the app finishes launching. Returns false when iOS refuses it.
    @discardableResult
    public func register(identifier: String) -> Bool {
        self.identifier = identifier
        return BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { [self] task in
            handle(task)
        }
    }

    public func schedule(earliest: Date) throws {
        let request = BGAppRefreshTaskRequest(identifier: identifier)
        request.earliestBeginDate = earliest
        try BGTaskScheduler.shared.submit(request)
    }

    /// Syncs a couple of seconds after the calendar stops changing.
    public func observeCalendarChanges() {
        observer = NotificationCenter.default.addObserver(
            forName: .EKEventStoreChanged, object: source.eventStore, queue: nil
        ) { [weak self] _ in
            self?.calendarChanges.signal { [weak self] in await self?.syncWhileAlive() }
        }
    }

    private func handle(_ task: BGTask) {
        // Rescheduled first: the chain of refreshes must survive this run being killed.
        try? schedule(earliest: Date(timeIntervalSinceNow: refreshInterval))
        let run = Task { await sync(budget: Self.backgroundBudget) }
        task.expirationHandler = { run.cancel() }
        Task {
            // `sync` returns after the store is closed: only then may iOS suspend the app.
            let summary = await run.value
            task.setTaskCompleted(success: summary.succeeded)
        }
    }

    /// A run that the app finishes even if it goes to the background meanwhile.
    private func syncWhileAlive() async {
        let run = Task { await sync(budget: Self.foregroundBudget) }
        let backgroundTime = await UIApplication.shared.beginBackgroundTask(withName: "FlowStateHeat sync") {
            run.cancel()
        }
        _ = await run.value
        await UIApplication.shared.endBackgroundTask(backgroundTime)
    }

    private func sync(budget: TimeInterval) async -> HeatSyncSummary {
        let summary = await HeatSyncRunner.syncOnce(
            storePath: storeURL.path,
            scope: scope,
            source: source,
            plan: plan,
            deadline: Date(timeIntervalSinceNow: budget)
        )
        onSync(summary)
        return summary
    }
}
#endif
