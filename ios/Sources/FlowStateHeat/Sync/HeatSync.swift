import Foundation

/// The Rust sync job (`SyncJob`) over the device calendar, as one blocking,
/// cancellable run for `SyncCoordinator`. Each run plans from the device's
/// current zone and date; every decision after that (windows, access
/// checks, empty reads, odd events, budget, damaged files) is the job's
/// (docs/contract.md, "Sync job").
public final class HeatSync: BlockingSync {
    public let job: SyncJob
    private let source: any CalendarSource
    private let scope: String
    private let pastDays: Int32
    private let futureDays: Int32
    private let windowDays: Int32
    private let budgetMillis: Int64
    private let deviceTimeZone: @Sendable () -> TimeZone
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - storePath: usually `SharedStoreLocation.storeURL(appGroup:)`; the
    ///     job opens it per run and closes it before returning.
    ///   - budgetMillis: background refresh tasks get about 30 s; 20 s leaves
    ///     time to close the store.
    ///   - deviceTimeZone, now: the device's (fixed ones in tests).
    public init(
        storePath: String,
        scope: String,
        source: any CalendarSource,
        pastDays: Int32 = 7,
        futureDays: Int32 = 42,
        windowDays: Int32 = 7,
        budgetMillis: Int64 = 20_000,
        deviceTimeZone: @escaping @Sendable () -> TimeZone = { TimeZone.current },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        job = SyncJob(path: storePath)
        self.source = source
        self.scope = scope
        self.pastDays = pastDays
        self.futureDays = futureDays
        self.windowDays = windowDays
        self.budgetMillis = budgetMillis
        self.deviceTimeZone = deviceTimeZone
        self.now = now
    }

    /// The plan of a run starting now: today and the zone are the device's.
    public func plan() -> SyncPlan {
        let zone = deviceTimeZone()
        return SyncPlan(
            scope: scope, timeZone: zone.identifier, today: LocalDate(now(), in: zone).description,
            pastDays: pastDays, futureDays: futureDays, windowDays: windowDays, budgetMillis: budgetMillis
        )
    }

    public func makeCancellation() -> HeatSyncCancellation {
        HeatSyncCancellation()
    }

    public func run(cancellation: HeatSyncCancellation) -> SyncSummary {
        cancellation.whileRunning(job) {
            job.run(plan: plan(), source: source)
        }
    }
}

/// The per-run cancel handle over `SyncJob.cancel()`, which reaches the
/// job's run in progress: armed only while this handle's run is in
/// progress, so a cancel never reaches another run. (Replaced by the Rust
/// `SyncCancellation` when the sync job API of issue 19 lands.)
public final class HeatSyncCancellation: RunCancelling {
    private let state = Locked((cancelled: false, job: SyncJob?.none))

    public func cancel() {
        state.withValue { state -> SyncJob? in
            state.cancelled = true
            return state.job
        }?.cancel()
    }

    public func isCancelled() -> Bool {
        state.withValue { $0.cancelled }
    }

    func whileRunning<T>(_ job: SyncJob, _ body: () -> T) -> T {
        state.withValue { $0.job = job }
        defer { state.withValue { $0.job = nil } }
        return body()
    }
}

extension SyncSummary: SyncReport {
    /// For `BGTask.setTaskCompleted(success:)`: every window ran, the rest
    /// was left for the next run because the budget was spent, or another
    /// run of the job was already doing it.
    public var succeeded: Bool {
        switch stop {
        case .completed, .budgetSpent, .alreadyRunning: return true
        case .cancelled, .accessNotGranted, .sourceFailed, .storeFailed, .invalidPlan: return false
        }
    }

    public var changedAnyWindow: Bool {
        windows.contains { $0.outcome.changed }
    }
}
