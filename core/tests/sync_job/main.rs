//! The sync job (`docs/contract.md` "Sync job"): a model-based property test
//! of whole runs, cancellation, one run at a time, and the store file
//! policy (damaged files rebuilt, newer and foreign files never touched, no
//! lock held between runs).

#[path = "../support/mod.rs"]
mod support;

mod access_failure;
mod adversarial;
mod calendar;
mod cancel;
mod model_runs;
mod one_run_at_a_time;
mod store_file;

/// A run that nothing cancels.
trait RunUncancelled {
    fn run_uncancelled(
        &self,
        plan: &heat_core::SyncPlan,
        source: &dyn heat_core::CalendarSource,
    ) -> heat_core::SyncSummary;
}

impl RunUncancelled for heat_core::SyncJob {
    fn run_uncancelled(
        &self,
        plan: &heat_core::SyncPlan,
        source: &dyn heat_core::CalendarSource,
    ) -> heat_core::SyncSummary {
        self.run(plan, source, &heat_core::SyncCancellation::new())
    }
}
