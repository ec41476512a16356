//! A platform that cannot tell its calendar permission (its `access()`
//! throws) stops the run with `SourceFailed` before anything is read.

use heat_core::{
    CalendarAccess, CalendarRead, CalendarSource, SourceError, SyncJob, SyncPlan, SyncStop, TimeRange,
};

use crate::support::temp_store;
use crate::support::zones;
use crate::sync_job::RunUncancelled;

struct Unknowable;

impl CalendarSource for Unknowable {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        Err(SourceError {
            reason: "permission state unavailable".into(),
        })
    }

    fn read(&self, _range: TimeRange) -> Result<CalendarRead, SourceError> {
        panic!("read without knowing the access");
    }
}

#[test]
fn an_access_check_that_fails_stops_the_run_before_any_read() {
    let tmp = temp_store();
    let summary = SyncJob::new(&tmp.path, zones())
        .run_uncancelled(&SyncPlan::new("me", "UTC", "2026-11-30"), &Unknowable);
    assert_eq!(
        summary.stop,
        SyncStop::SourceFailed {
            reason: "permission state unavailable".into()
        }
    );
    assert!(summary.windows.is_empty());
}
