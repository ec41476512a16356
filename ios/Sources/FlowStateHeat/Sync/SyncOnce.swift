import Foundation

extension HeatSyncRunner {
    /// One run on a store opened for it and closed before returning: what a
    /// background task calls, since an app suspended with the SQLite file of
    /// a shared App Group container still in use is killed (`0xdead10cc`).
    /// Call `setTaskCompleted` only after this returns.
    public static func syncOnce(
        storePath: String,
        scope: String,
        source: any CalendarSource,
        timeZone: TimeZone = .current,
        plan: SyncPlan = SyncPlan(),
        deadline: Date
    ) async -> HeatSyncSummary {
        let store: HeatStore
        do {
            store = try HeatStore.open(path: storePath)
        } catch {
            return HeatSyncSummary(windows: [], stopReason: .coreFailed(error))
        }
        let runner = HeatSyncRunner(store: store, source: source, scope: scope, timeZone: timeZone, plan: plan)
        return await runner.run(deadline: deadline)
    }
}
