//! `SyncJob` for Swift and Kotlin. `run` never throws: every ending,
//! including a bug in the engine (a Rust panic, caught here), is a
//! `SyncStop` in the summary.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use heat_core::sync;

use crate::sync::plan::SyncPlan;
use crate::sync::source::{CalendarSource, ForeignSource};
use crate::sync::summary::SyncSummary;

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
            Err(reason) => return sync::SyncSummary::ended(sync::SyncStop::InvalidPlan(reason)).into(),
        };
        let source = ForeignSource(source);
        match catch_unwind(AssertUnwindSafe(|| self.job.run(&plan, &source))) {
            Ok(summary) => summary.into(),
            // The payload is not passed on: a panic message may quote data.
            Err(_) => sync::SyncSummary::ended(sync::SyncStop::StoreFailed(
                "internal error: a bug in the heat engine stopped the run; the store is unchanged".into(),
            ))
            .into(),
        }
    }

    /// Stops the run in progress from any thread (BGTask expiration, Worker
    /// stop): `run` returns `cancelled` promptly, the window in progress
    /// unchanged. Does nothing when no run is in progress.
    pub fn cancel(&self) {
        self.job.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::source::{CalendarAccess, CalendarRead, SourceError};
    use crate::sync::summary::SyncStop;
    use crate::window::TimeRange;

    /// A source whose read panics: a stand-in for any bug inside a run.
    struct Panicking;

    impl CalendarSource for Panicking {
        fn access(&self) -> Result<CalendarAccess, SourceError> {
            Ok(CalendarAccess::FullAccess)
        }

        fn read(&self, _range: TimeRange) -> Result<CalendarRead, SourceError> {
            panic!("marker-7f3a");
        }
    }

    struct Empty;

    impl CalendarSource for Empty {
        fn access(&self) -> Result<CalendarAccess, SourceError> {
            Ok(CalendarAccess::FullAccess)
        }

        fn read(&self, _range: TimeRange) -> Result<CalendarRead, SourceError> {
            Ok(CalendarRead {
                calendar_count: 1,
                events: Vec::new(),
            })
        }
    }

    fn plan() -> SyncPlan {
        SyncPlan {
            scope: "me".into(),
            time_zone: "UTC".into(),
            today: "2026-11-30".into(),
            past_days: 0,
            future_days: 7,
            window_days: 7,
            budget_millis: 60_000,
        }
    }

    #[test]
    fn a_panic_during_a_run_is_store_failed_and_the_job_runs_again() {
        let dir = tempfile::tempdir().unwrap();
        let job = SyncJob::new(dir.path().join("heat.db").display().to_string());
        let summary = job.run(plan(), Arc::new(Panicking));
        assert!(
            matches!(&summary.stop, SyncStop::StoreFailed { reason } if reason.contains("bug in the heat engine"))
        );
        assert!(
            !format!("{summary:?}").contains("marker-7f3a"),
            "the panic message leaked"
        );
        assert_eq!(job.run(plan(), Arc::new(Empty)).stop, SyncStop::Completed);
    }

    #[test]
    fn a_negative_plan_field_is_an_invalid_plan() {
        let job = SyncJob::new("/nonexistent/never-opened.db".into());
        let summary = job.run(
            SyncPlan {
                past_days: -1,
                ..plan()
            },
            Arc::new(Panicking),
        );
        assert_eq!(
            summary.stop,
            SyncStop::InvalidPlan {
                reason: "pastDays: must not be negative".into()
            }
        );
    }
}
