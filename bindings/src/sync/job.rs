//! `SyncJob` for Swift and Kotlin. `run` never throws: every ending,
//! including a bug in the engine (a Rust panic, caught here), is a
//! `SyncStop` in the summary.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use heat_core::sync;

use crate::sync::plan::SyncPlan;
use crate::sync::source::{CalendarSource, ForeignSource};
use crate::sync::summary::{SyncStop, SyncSummary};

#[derive(uniffi::Object)]
pub struct SyncJob {
    job: sync::SyncJob,
}

#[uniffi::export]
impl SyncJob {
    /// A job over the store file at `path`; opens nothing yet (each run
    /// opens the file and closes it before returning).
    #[uniffi::constructor]
    pub fn new(path: String) -> Arc<Self> {
        Arc::new(SyncJob {
            job: sync::SyncJob::new(path),
        })
    }

    /// One background run: blocking (call it off the main thread), never
    /// throws. A second `run` while one is in progress returns
    /// `alreadyRunning` at once.
    pub fn run(&self, plan: SyncPlan, source: Arc<dyn CalendarSource>) -> SyncSummary {
        let plan = match sync::SyncPlan::try_from(plan) {
            Ok(plan) => plan,
            Err(reason) => return SyncSummary::stopped(SyncStop::InvalidPlan { reason }),
        };
        let source = ForeignSource(source);
        match catch_unwind(AssertUnwindSafe(|| self.job.run(&plan, &source))) {
            Ok(summary) => summary.into(),
            // The payload is not passed on: a panic message may quote data.
            Err(_) => SyncSummary::stopped(SyncStop::StoreFailed {
                reason: "internal error: a bug in the heat engine stopped the run; the store is unchanged"
                    .into(),
            }),
        }
    }

    /// Stops the run in progress from any thread (BGTask expiration, Worker
    /// stop): `run` returns `cancelled` promptly, the window in progress
    /// unchanged. Does nothing when no run is in progress.
    pub fn cancel(&self) {
        self.job.cancel();
    }
}
