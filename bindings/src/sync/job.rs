//! `SyncJob` for Swift and Kotlin. `run` never throws: every ending,
//! including a bug in the engine (a Rust panic, caught here), is a
//! `SyncStop` in the summary, with the disposition the core gives it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use heat_core::sync;

use crate::sync::cancellation::SyncCancellation;
use crate::sync::plan::SyncPlan;
use crate::sync::source::{CalendarSource, ForeignSource};
use crate::sync::summary::SyncSummary;
use crate::zone_database::ZoneDatabase;

#[derive(uniffi::Object)]
pub struct SyncJob {
    job: sync::SyncJob,
}

#[uniffi::export]
impl SyncJob {
    /// A job over the store file at `path`, resolving time zones with
    /// `zones`; opens nothing yet (each run opens the file and closes it
    /// before returning).
    #[uniffi::constructor]
    pub fn new(path: String, zones: Arc<ZoneDatabase>) -> Arc<Self> {
        Arc::new(SyncJob {
            job: sync::SyncJob::new(path, zones.inner.clone()),
        })
    }

    /// One background run: blocking (call it off the main thread), never
    /// throws. `cancellation` stops it, from any thread, also before it has
    /// begun. A run on the same file already in progress (in this or
    /// another object or process) makes this one return `alreadyRunning`
    /// at once.
    pub fn run(
        &self,
        plan: SyncPlan,
        source: Arc<dyn CalendarSource>,
        cancellation: Arc<SyncCancellation>,
    ) -> SyncSummary {
        let plan = match sync::SyncPlan::try_from(plan) {
            Ok(plan) => plan,
            Err(invalid) => {
                return sync::SyncSummary::ended(sync::SyncStop::InvalidPlan {
                    field: invalid.field,
                    reason: invalid.reason,
                })
                .into();
            }
        };
        let source = ForeignSource(source);
        match catch_unwind(AssertUnwindSafe(|| {
            self.job.run(&plan, &source, &cancellation.inner)
        })) {
            Ok(summary) => summary.into(),
            // The payload is not passed on: a panic message may quote data.
            Err(_) => sync::SyncSummary::ended(sync::SyncStop::StoreFailed {
                problem: sync::StoreProblem::EngineBug,
                detail: "a bug in the heat engine stopped the run; the store is unchanged".into(),
            })
            .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::source::{CalendarAccess, CalendarRead, SourceError};
    use crate::sync::summary::{StoreProblem, SyncDisposition, SyncStop};
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
            past_days: 0,
            ..crate::sync::plan::default_sync_plan("me".into(), "UTC".into(), "2026-11-30".into())
        }
    }

    fn run(job: &SyncJob, plan: SyncPlan, source: Arc<dyn CalendarSource>) -> SyncSummary {
        job.run(plan, source, SyncCancellation::new())
    }

    #[test]
    fn a_panic_during_a_run_is_an_engine_bug_and_the_job_runs_again() {
        let dir = tempfile::tempdir().unwrap();
        let job = SyncJob::new(
            dir.path().join("heat.db").display().to_string(),
            ZoneDatabase::bundled(),
        );
        let summary = run(&job, plan(), Arc::new(Panicking));
        assert!(matches!(
            &summary.stop,
            SyncStop::StoreFailed {
                problem: StoreProblem::EngineBug,
                ..
            }
        ));
        assert_eq!(summary.disposition, SyncDisposition::GiveUp);
        assert!(
            !format!("{summary:?}").contains("marker-7f3a"),
            "the panic message leaked"
        );
        assert_eq!(run(&job, plan(), Arc::new(Empty)).stop, SyncStop::Completed);
    }

    #[test]
    fn a_negative_plan_field_is_an_invalid_plan() {
        let job = SyncJob::new("/nonexistent/never-opened.db".into(), ZoneDatabase::bundled());
        let summary = run(
            &job,
            SyncPlan {
                past_days: -1,
                ..plan()
            },
            Arc::new(Panicking),
        );
        assert_eq!(
            summary.stop,
            SyncStop::InvalidPlan {
                field: "pastDays".into(),
                reason: "must not be negative".into()
            }
        );
        assert_eq!(summary.disposition, SyncDisposition::GiveUp);
    }
}
