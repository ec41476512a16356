//! The job under attack: a newer app's file this SQLite cannot parse,
//! reads that yield nothing usable, another writer holding the lock,
//! another job on the same file, a file deleted mid-run, one id with two
//! copies in two windows, a window over the event limit, a rebuild that
//! eats the budget, one odd event seen in several windows. Each test
//! failed before the fix it guards (docs/contract.md "Sync job").

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use heat_core::{
    CalendarAccess, CalendarRead, CalendarSource, Error, HeatStore, SourceError, SourceEvent, StoreProblem,
    SyncCancellation, SyncDisposition, SyncJob, SyncPlan, SyncStop, TimeRange,
};
use rusqlite::Connection;

use crate::support::zones;
use crate::support::{HOUR, dump, temp_store, timed};
use crate::sync_job::RunUncancelled;
use crate::sync_job::calendar::FakeCalendar;

/// 2026-12-02T00:00Z, inside the first week of the plans below.
const TODAY_MS: i64 = 1_796_169_600_000;
const DAY: i64 = 24 * HOUR;

fn two_weeks() -> SyncPlan {
    SyncPlan {
        past_days: 0,
        future_days: 14,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    }
}

fn two_events() -> FakeCalendar<'static> {
    FakeCalendar::new(
        vec![
            timed("a", TODAY_MS + HOUR, TODAY_MS + 2 * HOUR),
            timed("b", TODAY_MS + 8 * DAY, TODAY_MS + 8 * DAY + HOUR),
        ],
        "UTC",
    )
}

/// Answers read `n` with `answers[n]` (the last one repeats), whatever the
/// range: a source with an adapter bug.
struct Scripted<'a> {
    answers: Vec<Vec<SourceEvent>>,
    reads: Cell<usize>,
    hook: Option<(usize, Box<dyn Fn() + 'a>)>,
}

impl<'a> Scripted<'a> {
    fn new(answers: Vec<Vec<SourceEvent>>) -> Self {
        Scripted {
            answers,
            reads: Cell::new(0),
            hook: None,
        }
    }
}

impl CalendarSource for Scripted<'_> {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        Ok(CalendarAccess::FullAccess)
    }

    fn read(&self, _range: TimeRange) -> Result<CalendarRead, SourceError> {
        let n = self.reads.get();
        self.reads.set(n + 1);
        if let Some((at, hook)) = &self.hook
            && *at == n
        {
            hook();
        }
        Ok(CalendarRead {
            calendar_count: 1,
            events: self.answers[n.min(self.answers.len() - 1)].clone(),
        })
    }
}

/// Writes into the store's schema text what a newer SQLite could accept and
/// this one cannot parse, then sets the header's identity.
fn unparseable_schema(path: &std::path::Path, application_id: i64, version: i64) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE IF NOT EXISTS later (x) ;")
        .unwrap();
    conn.pragma_update(None, "application_id", application_id)
        .unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_master SET sql = 'CREATE TABLE later (x) FUTURE_TABLE_OPTION' WHERE name = 'later';
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
}

#[test]
fn a_newer_or_foreign_file_this_sqlite_cannot_parse_is_never_deleted() {
    type IsExpected = fn(&Error) -> bool;
    let cases: [(i64, i64, IsExpected, StoreProblem); 3] = [
        (
            0x4845_4154,
            99,
            |e| matches!(e, Error::IncompatibleDatabase { found: 99, .. }),
            StoreProblem::NewerVersion,
        ),
        (
            0x1234,
            7,
            |e| matches!(e, Error::ForeignDatabase),
            StoreProblem::ForeignFile,
        ),
        (
            0,
            0,
            |e| matches!(e, Error::ForeignDatabase),
            StoreProblem::ForeignFile,
        ),
    ];
    for (application_id, version, expected_error, problem) in cases {
        let tmp = temp_store();
        if application_id == 0x4845_4154 {
            SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &two_events());
        }
        unparseable_schema(&tmp.path, application_id, version);
        let bytes = std::fs::read(&tmp.path).unwrap();
        let at = format!("application_id {application_id:#x}, version {version}");

        let opened = HeatStore::open(&tmp.path, zones())
            .err()
            .unwrap_or_else(|| panic!("{at}: opened"));
        assert!(expected_error(&opened), "{at}: {opened:?}");
        let summary = SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &two_events());
        assert!(
            matches!(&summary.stop, SyncStop::StoreFailed { problem: p, .. } if *p == problem),
            "{at}: {summary:?}"
        );
        assert!(!summary.store_rebuilt, "{at}");
        assert_ne!(
            summary.disposition(),
            SyncDisposition::RetryLater,
            "{at}: never retried"
        );
        assert_eq!(
            std::fs::read(&tmp.path).unwrap(),
            bytes,
            "{at}: the file was touched"
        );
    }
}

#[test]
fn a_read_whose_events_are_all_skipped_or_all_outside_never_empties_a_window() {
    let tmp = temp_store();
    SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &two_events());
    let before = dump(&tmp.path);
    // Milliseconds scaled twice: every event lands far outside the window.
    let scaled = vec![timed("a", (TODAY_MS + HOUR) * 1000, (TODAY_MS + 2 * HOUR) * 1000)];
    let backwards = timed("a", TODAY_MS + 2 * HOUR, TODAY_MS + HOUR);
    let outside = vec![timed("a", TODAY_MS - 400 * DAY, TODAY_MS - 399 * DAY)];
    for (name, events) in [
        ("skipped", vec![backwards]),
        ("scaled", scaled),
        ("outside", outside),
    ] {
        let summary =
            SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &Scripted::new(vec![events]));
        assert_eq!(summary.stop, SyncStop::Completed, "{name}");
        assert_eq!(summary.windows_guarded, 2, "{name}: {summary:?}");
        assert_eq!(dump(&tmp.path), before, "{name}: the store changed");
    }
    // A read of no events at all still empties the windows.
    let emptied =
        SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &Scripted::new(vec![Vec::new()]));
    assert_eq!((emptied.windows.len(), emptied.windows_guarded), (2, 0));
}

#[test]
fn a_cancel_while_waiting_for_another_writer_ends_the_run_promptly() {
    let tmp = temp_store();
    SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &two_events());
    let before = dump(&tmp.path);
    let writer = Connection::open(&tmp.path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let mut moved = two_events();
    moved.events[0] = timed("a", TODAY_MS + 5 * HOUR, TODAY_MS + 6 * HOUR);
    let cancellation = SyncCancellation::new();
    let (summary, latency) = std::thread::scope(|s| {
        let canceller = s.spawn(|| {
            std::thread::sleep(Duration::from_millis(300)); // the run is waiting by now
            let at = Instant::now();
            cancellation.cancel();
            at
        });
        let summary = SyncJob::new(&tmp.path, zones()).run(&two_weeks(), &moved, &cancellation);
        (summary, canceller.join().unwrap().elapsed())
    });
    writer.execute_batch("ROLLBACK;").unwrap();
    assert_eq!(summary.stop, SyncStop::Cancelled, "{summary:?}");
    // Before: the 5 s busy timeout, then `storeFailed("database is locked")`.
    assert!(latency < Duration::from_secs(1), "the cancel took {latency:?}");
    drop(writer);
    assert_eq!(dump(&tmp.path), before);
}

#[test]
fn another_job_object_on_the_same_file_is_already_running() {
    let tmp = temp_store();
    let second = RefCell::new(None);
    let mut calendar = two_events();
    calendar.hook = Some((
        0,
        Box::new(|| {
            let other = FakeCalendar::new(Vec::new(), "UTC");
            let summary = SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &other);
            assert!(other.reads.borrow().is_empty(), "the second job read");
            second.replace(Some(summary));
        }),
    ));
    let first = SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &calendar);
    assert_eq!(first.stop, SyncStop::Completed);
    let second = second.take().expect("the hook ran");
    assert_eq!(second.stop, SyncStop::AlreadyRunning);
    assert_eq!(second.disposition(), SyncDisposition::RetryLater);
}

#[test]
fn a_file_deleted_during_a_run_is_not_written_into() {
    let tmp = temp_store();
    let mut calendar = two_events();
    calendar.hook = Some((
        0,
        Box::new(|| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", tmp.path.display()));
            }
        }),
    ));
    let summary = SyncJob::new(&tmp.path, zones()).run_uncancelled(&two_weeks(), &calendar);
    assert!(
        matches!(
            summary.stop,
            SyncStop::StoreFailed {
                problem: StoreProblem::FileReplaced,
                ..
            }
        ),
        "{summary:?}"
    );
    assert!(
        summary.windows.is_empty(),
        "a lost commit reported as a sync: {summary:?}"
    );
    assert_eq!(summary.disposition(), SyncDisposition::RetryLater);
}

#[test]
fn an_id_with_different_copies_in_two_windows_settles() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    // The same id in both weeks' reads, a different copy in each.
    let answers = || {
        vec![
            vec![timed("x", TODAY_MS + HOUR, TODAY_MS + 2 * HOUR)],
            vec![timed("x", TODAY_MS + 8 * DAY, TODAY_MS + 8 * DAY + HOUR)],
        ]
    };
    let first = job.run_uncancelled(&two_weeks(), &Scripted::new(answers()));
    assert_eq!(first.duplicates_dropped, 1, "{first:?}");
    let count = || {
        HeatStore::open(&tmp.path, zones())
            .unwrap()
            .change_count("me")
            .unwrap()
    };
    let settled = count();
    for run in 0..3 {
        let again = job.run_uncancelled(&two_weeks(), &Scripted::new(answers()));
        assert!(
            again.windows.iter().all(|w| !w.outcome.changed),
            "run {run} rewrote: {again:?}"
        );
        assert_eq!(count(), settled, "run {run}: the change count grew");
    }
    // The earlier (more important) window keeps its copy.
    let kept = HeatStore::open(&tmp.path, zones())
        .unwrap()
        .events("me", &two_weeks().windows(&zones()).unwrap()[0])
        .unwrap();
    assert_eq!(kept.len(), 1);
}

#[test]
fn a_window_over_the_event_limit_is_left_alone_and_the_run_goes_on() {
    let tmp = temp_store();
    let flood: Vec<SourceEvent> = (0..=200_000)
        .map(|i| timed(&format!("f{i}"), TODAY_MS + HOUR, TODAY_MS + 2 * HOUR))
        .collect();
    let second_week = vec![timed("b", TODAY_MS + 8 * DAY, TODAY_MS + 8 * DAY + HOUR)];
    let summary = SyncJob::new(&tmp.path, zones())
        .run_uncancelled(&two_weeks(), &Scripted::new(vec![flood, second_week]));
    assert_eq!(summary.stop, SyncStop::Completed, "{summary:?}");
    assert_eq!(summary.windows_oversized, 1);
    assert_eq!(summary.windows.len(), 1, "the second week was synced");
    assert_eq!(summary.windows[0].outcome.events_inserted, 1);
}

#[test]
fn a_rebuild_mid_run_counts_against_the_budget() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    job.run_uncancelled(&two_weeks(), &two_events());
    let mut moved = two_events();
    moved.events[0] = timed("a", TODAY_MS + 3 * HOUR, TODAY_MS + 4 * HOUR);
    // Inside the first read: damage the stored row the reconcile will read,
    // and take 150 ms of a 200 ms budget.
    moved.hook = Some((
        0,
        Box::new(|| {
            Connection::open(&tmp.path)
                .unwrap()
                .execute_batch("UPDATE events SET content_hash = x'00' WHERE id = 'a';")
                .unwrap();
            std::thread::sleep(Duration::from_millis(150));
        }),
    ));
    let plan = SyncPlan {
        budget_millis: 200,
        ..two_weeks()
    };
    let summary = job.run_uncancelled(&plan, &moved);
    assert!(summary.store_rebuilt, "{summary:?}");
    assert_eq!(summary.stop, SyncStop::BudgetSpent, "{summary:?}");
    assert!(
        summary.windows.is_empty(),
        "the restarted pass ran past the budget"
    );
}

#[test]
fn an_odd_event_seen_in_three_windows_is_counted_once() {
    let tmp = temp_store();
    let plan = SyncPlan {
        past_days: 0,
        future_days: 21,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    };
    let mut long = timed("long", TODAY_MS + HOUR, TODAY_MS + 20 * DAY);
    long.title = "x".repeat(17_000);
    let summary = SyncJob::new(&tmp.path, zones()).run_uncancelled(&plan, &Scripted::new(vec![vec![long]]));
    assert_eq!(summary.windows.len(), 3);
    assert_eq!(summary.events_truncated, 1, "{summary:?}");
}

/// The run lock is a file next to the store, not a lock held after `run`.
#[test]
fn the_run_lock_is_free_once_run_returns() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    assert_eq!(
        job.run_uncancelled(&two_weeks(), &two_events()).stop,
        SyncStop::Completed
    );
    assert_eq!(
        SyncJob::new(&tmp.path, zones())
            .run_uncancelled(&two_weeks(), &two_events())
            .stop,
        SyncStop::Completed
    );
}
