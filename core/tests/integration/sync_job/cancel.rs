//! A run's `SyncCancellation`: from inside a read, from another thread while
//! a read blocks, in the middle of a 10,000-event reconcile, before the run
//! begins, and while the run waits for another writer's lock. The window in
//! progress is left unchanged, the run says `Cancelled`, and nothing needs
//! polling.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use heat_core::{
    CalendarAccess, CalendarRead, CalendarSource, SourceError, SyncCancellation, SyncJob, SyncPlan, SyncStop,
    TimeRange,
};

use crate::support::zones;
use crate::support::{HOUR, dump, temp_store, timed};
use crate::sync_job::RunUncancelled;
use crate::sync_job::calendar::FakeCalendar;

/// 2026-11-30T00:00Z.
const TODAY_MS: i64 = 1_796_169_600_000;

fn week_plan() -> SyncPlan {
    SyncPlan {
        past_days: 0,
        future_days: 14,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    }
}

fn filled_store(path: &std::path::Path) -> Vec<String> {
    let first = FakeCalendar::new(vec![timed("kept", TODAY_MS + HOUR, TODAY_MS + 2 * HOUR)], "UTC");
    let summary = SyncJob::new(path, zones()).run_uncancelled(&week_plan(), &first);
    assert_eq!(summary.stop, SyncStop::Completed);
    dump(path)
}

#[test]
fn a_cancel_from_inside_a_read_leaves_that_window_unchanged() {
    let tmp = temp_store();
    let before = filled_store(&tmp.path);
    let job = SyncJob::new(&tmp.path, zones());
    let cancellation = SyncCancellation::new();
    let mut calendar = FakeCalendar::new(vec![timed("new", TODAY_MS + HOUR, TODAY_MS + 3 * HOUR)], "UTC");
    calendar.hook = Some((0, Box::new(|| cancellation.cancel())));
    let summary = job.run(&week_plan(), &calendar, &cancellation);
    assert_eq!(summary.stop, SyncStop::Cancelled);
    assert!(summary.windows.is_empty());
    assert_eq!(calendar.reads.borrow().len(), 1, "no read after the cancel");
    assert_eq!(dump(&tmp.path), before);
}

#[test]
fn a_cancel_before_the_run_begins_stays_armed_and_reaches_only_its_run() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    let stopped_early = SyncCancellation::new();
    stopped_early.cancel();
    let calendar = FakeCalendar::new(vec![timed("a", TODAY_MS, TODAY_MS + HOUR)], "UTC");
    let summary = job.run(&week_plan(), &calendar, &stopped_early);
    assert_eq!(summary.stop, SyncStop::Cancelled);
    assert!(
        calendar.reads.borrow().is_empty(),
        "a cancelled run reads nothing"
    );
    assert!(!tmp.path.exists(), "a cancelled run opens nothing");
    // Another run, with its own cancellation, is not affected.
    assert_eq!(
        job.run_uncancelled(&week_plan(), &calendar).stop,
        SyncStop::Completed
    );
}

/// A read that blocks until the test lets it go (a provider that hangs).
struct BlockingSource {
    entered: Barrier,
    released: AtomicBool,
}

impl CalendarSource for BlockingSource {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        Ok(CalendarAccess::FullAccess)
    }

    fn read(&self, _range: TimeRange) -> Result<CalendarRead, SourceError> {
        self.entered.wait();
        while !self.released.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(1));
        }
        Err(SourceError {
            reason: "the read was abandoned".into(),
        })
    }
}

#[test]
fn a_cancel_from_another_thread_ends_a_run_whose_read_blocks() {
    let tmp = temp_store();
    let before = filled_store(&tmp.path);
    let job = Arc::new(SyncJob::new(&tmp.path, zones()));
    let source = Arc::new(BlockingSource {
        entered: Barrier::new(2),
        released: AtomicBool::new(false),
    });
    let cancellation = SyncCancellation::new();
    let canceller = {
        let (cancellation, source) = (cancellation.clone(), Arc::clone(&source));
        std::thread::spawn(move || {
            source.entered.wait();
            cancellation.cancel();
            // What a platform does when it stops its read on cancellation.
            source.released.store(true, Ordering::SeqCst);
        })
    };
    let summary = job.run(&week_plan(), source.as_ref(), &cancellation);
    canceller.join().unwrap();
    assert_eq!(
        summary.stop,
        SyncStop::Cancelled,
        "the cancel wins over the read's own error"
    );
    assert_eq!(dump(&tmp.path), before);
}

#[test]
fn a_cancel_inside_a_10k_event_reconcile_leaves_the_old_or_the_new_window() {
    let events: Vec<_> = (0..10_000_i64)
        .map(|i| {
            timed(
                &format!("e{i}"),
                TODAY_MS + (i % 600) * 1_000_000,
                TODAY_MS + (i % 600) * 1_000_000 + HOUR,
            )
        })
        .collect();
    let plan = SyncPlan {
        past_days: 0,
        future_days: 7,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    };
    let mut cancelled = 0;
    for delay_micros in [0_u64, 500, 2_000, 5_000, 10_000, 20_000, 40_000, 80_000] {
        let tmp = temp_store();
        let old = filled_store(&tmp.path);
        let job = Arc::new(SyncJob::new(&tmp.path, zones()));
        let calendar = FakeCalendar::new(events.clone(), "UTC");
        let started = Barrier::new(2);
        let cancellation = SyncCancellation::new();
        let summary = std::thread::scope(|s| {
            s.spawn(|| {
                started.wait();
                std::thread::sleep(Duration::from_micros(delay_micros));
                cancellation.cancel();
            });
            started.wait();
            job.run(&plan, &calendar, &cancellation)
        });
        let now = dump(&tmp.path);
        match summary.stop {
            SyncStop::Cancelled => {
                cancelled += 1;
                assert_eq!(now, old, "cancelled at +{delay_micros} µs but the window changed");
            }
            SyncStop::Completed => assert_eq!(summary.windows.len(), 1),
            other => panic!("unexpected stop {other:?}"),
        }
    }
    assert!(cancelled > 0, "no cancel landed inside the run");
}
