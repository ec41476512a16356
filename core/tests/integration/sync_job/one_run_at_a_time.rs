//! One run per job at a time: a second `run` while one is in progress
//! returns `AlreadyRunning` at once, without reading its source; once the
//! first run ends, the job runs again.

use std::cell::RefCell;

use heat_core::{
    CalendarAccess, CalendarRead, CalendarSource, SourceError, SyncJob, SyncPlan, SyncStop, TimeRange,
};

use crate::support::temp_store;
use crate::support::zones;
use crate::sync_job::RunUncancelled;
use crate::sync_job::calendar::FakeCalendar;

/// A source that starts a second run of the same job from inside its read.
struct Reentrant<'a> {
    job: &'a SyncJob,
    inner: RefCell<Option<heat_core::SyncSummary>>,
}

impl CalendarSource for Reentrant<'_> {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        Ok(CalendarAccess::FullAccess)
    }

    fn read(&self, _range: TimeRange) -> Result<CalendarRead, SourceError> {
        let second = FakeCalendar::new(Vec::new(), "UTC");
        let summary = self
            .job
            .run_uncancelled(&SyncPlan::new("me", "UTC", "2026-11-30"), &second);
        assert!(second.reads.borrow().is_empty(), "the second run read its source");
        self.inner.replace(Some(summary));
        Ok(CalendarRead {
            calendar_count: 1,
            events: Vec::new(),
        })
    }
}

#[test]
fn a_second_run_during_a_run_returns_already_running_without_reading() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    let plan = SyncPlan {
        past_days: 0,
        future_days: 1,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    };
    let source = Reentrant {
        job: &job,
        inner: RefCell::new(None),
    };
    assert_eq!(job.run_uncancelled(&plan, &source).stop, SyncStop::Completed);
    let inner = source.inner.take().expect("the source ran");
    assert_eq!(inner.stop, SyncStop::AlreadyRunning);
    assert!(inner.windows.is_empty());
    // The job is free again.
    assert_eq!(
        job.run_uncancelled(&plan, &FakeCalendar::new(Vec::new(), "UTC"))
            .stop,
        SyncStop::Completed
    );
}

#[test]
fn an_invalid_plan_reads_nothing_and_creates_no_file() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    let calendar = FakeCalendar::new(Vec::new(), "UTC");
    let plan = SyncPlan {
        past_days: 0,
        future_days: 0,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    };
    assert!(matches!(
        job.run_uncancelled(&plan, &calendar).stop,
        SyncStop::InvalidPlan { .. }
    ));
    assert!(calendar.reads.borrow().is_empty());
    assert!(!tmp.path.exists());
}
