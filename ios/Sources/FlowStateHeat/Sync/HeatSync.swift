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
    /// The run in progress's cancellation, if a run is in progress.
    private let current = Locked<SyncCancellation?>(nil)

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

    public func run() -> SyncSummary {
        let cancellation = SyncCancellation()
        current.withValue { $0 = cancellation }
        defer { current.withValue { $0 = nil } }
        return job.run(plan: plan(), source: source, cancellation: cancellation)
    }

    /// Cancels the run in progress; does nothing when none is.
    public func cancel() {
        current.withValue { $0?.cancel() }
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
}
