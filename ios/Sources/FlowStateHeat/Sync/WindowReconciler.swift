/// The part of `HeatStore` the sync runner uses. The runner takes it as a
/// protocol so tests can observe the moment a reconcile starts.
public protocol WindowReconciler: AnyObject, Sendable {
    func reconcileHeat(
        scope: String,
        window: TimeWindow,
        events: [SourceEvent],
        options: ReconcileOptions
    ) throws -> ReconcileOutcome

    func interrupt()
}

extension HeatStore: WindowReconciler {}
