import Foundation

/// The Rust sync job (`SyncJob`) over the device calendar, as one blocking
/// run with its own cancellation for `SyncCoordinator`. Each run plans from
/// the device's current zone and date; every decision after that (windows,
/// access checks, empty reads, odd events, budget, damaged files, the
/// disposition) is the job's (docs/contract.md, "Sync job").
public final class DeviceCalendarSync: BlockingSync {
    /// The one place iOS departs from the Rust plan (`defaultSyncPlan`, a
    /// minute): background refresh tasks and silent pushes get about 30 s,
    /// and a run must leave time to close the store and answer before
    /// `PushSync.budget` (25 s) and the expiry grace. 20 s does.
    public static let budgetMillis: Int64 = 20_000

    public let job: SyncJob
    private let source: any CalendarSource
    private let scope: String
    private let deviceTimeZone: @Sendable () -> TimeZone
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - storePath: usually `SharedStoreLocation.storeURL(appGroup:)`; the
    ///     job opens it per run and closes it before returning.
    ///   - zones: the rules the job resolves zones with (the device's).
    ///   - deviceTimeZone, now: the device's (fixed ones in tests).
    public init(
        storePath: String,
        scope: String,
        source: any CalendarSource,
        zones: ZoneDatabase = .device,
        deviceTimeZone: @escaping @Sendable () -> TimeZone = { TimeZone.current },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        job = SyncJob(path: storePath, zones: zones)
        self.source = source
        self.scope = scope
        self.deviceTimeZone = deviceTimeZone
        self.now = now
    }

    /// The plan of a run starting now: the Rust defaults for the device's
    /// zone and date, with the iOS budget.
    public func plan() -> SyncPlan {
        let zone = deviceTimeZone()
        var plan = defaultSyncPlan(scope: scope, timeZone: zone.identifier, today: LocalDate(now(), in: zone).description)
        plan.budgetMillis = Self.budgetMillis
        return plan
    }

    public func makeCancellation() -> SyncCancellation {
        SyncCancellation()
    }

    /// A source whose reads belong to the run (`RunScopedSource`) gives up
    /// a blocked read when the run is cancelled.
    public func run(cancellation: SyncCancellation) -> SyncSummary {
        let run = { [self] in job.run(plan: plan(), source: source, cancellation: cancellation) }
        guard let scoped = source as? any RunScopedSource else { return run() }
        return scoped.duringRun(cancellation, run)
    }
}

extension SyncCancellation: RunCancelling {}

extension SyncSummary: SyncReport {
    /// The one mapping to `BGTask.setTaskCompleted(success:)`, from the
    /// disposition Rust computed: only `done` is a success (a run left for
    /// later, one that needs the user and one given up are not).
    public var succeeded: Bool {
        disposition == .done
    }

    public var changedAnyWindow: Bool {
        windows.contains { $0.outcome.changed }
    }
}
