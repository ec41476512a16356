//! The job's store file: a damaged file (at open or found mid-run) is
//! deleted and rebuilt from the calendar; a newer or foreign file is never
//! touched; the file is closed when `run` returns.

use heat_core::{StoreProblem, SyncJob, SyncPlan, SyncStop};
use rusqlite::Connection;

use crate::support::zones;
use crate::support::{HOUR, temp_store, timed};
use crate::sync_job::RunUncancelled;
use crate::sync_job::calendar::FakeCalendar;

/// 2026-11-30T00:00Z.
const TODAY_MS: i64 = 1_796_169_600_000;

fn plan() -> SyncPlan {
    SyncPlan {
        past_days: 0,
        future_days: 14,
        ..SyncPlan::new("me", "UTC", "2026-11-30")
    }
}

fn calendar() -> FakeCalendar<'static> {
    FakeCalendar::new(
        vec![
            timed("a", TODAY_MS + HOUR, TODAY_MS + 2 * HOUR),
            timed("b", TODAY_MS + 8 * 24 * HOUR, TODAY_MS + 8 * 24 * HOUR + HOUR),
        ],
        "UTC",
    )
}

#[test]
fn a_file_that_is_not_a_database_is_rebuilt_and_a_new_file_is_not() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    let created = job.run_uncancelled(&plan(), &calendar());
    assert_eq!(
        (created.stop.clone(), created.store_rebuilt),
        (SyncStop::Completed, false)
    );

    std::fs::write(&tmp.path, vec![0x5A; 8192]).unwrap();
    let rebuilt = job.run_uncancelled(&plan(), &calendar());
    assert_eq!(rebuilt.stop, SyncStop::Completed);
    assert!(rebuilt.store_rebuilt);
    assert_eq!(
        rebuilt
            .windows
            .iter()
            .map(|w| w.outcome.events_inserted)
            .sum::<u64>(),
        2
    );
}

#[test]
fn damage_found_mid_run_rebuilds_once_and_starts_over() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    job.run_uncancelled(&plan(), &calendar());
    // Damage a row, not the header: opening works, and the first window's
    // reconcile finds the damage when it reads the row of the changed day.
    let conn = Connection::open(&tmp.path).unwrap();
    conn.execute_batch("UPDATE events SET content_hash = x'00' WHERE id = 'a';")
        .unwrap();
    drop(conn);
    let mut moved = calendar();
    moved.events[0] = timed("a", TODAY_MS + 3 * HOUR, TODAY_MS + 4 * HOUR);
    let summary = job.run_uncancelled(&plan(), &moved);
    assert_eq!(summary.stop, SyncStop::Completed, "{summary:?}");
    assert!(summary.store_rebuilt);
    assert_eq!(summary.windows.len(), 2, "the run started over: {summary:?}");
    assert!(summary.windows.iter().all(|w| w.outcome.changed));
}

#[test]
fn newer_and_foreign_files_are_never_touched() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    job.run_uncancelled(&plan(), &calendar());
    Connection::open(&tmp.path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let newer = std::fs::read(&tmp.path).unwrap();
    let summary = job.run_uncancelled(&plan(), &calendar());
    assert!(
        matches!(
            &summary.stop,
            SyncStop::StoreFailed {
                problem: StoreProblem::NewerVersion,
                ..
            }
        ),
        "{summary:?}"
    );
    assert_eq!(std::fs::read(&tmp.path).unwrap(), newer);

    std::fs::remove_file(&tmp.path).unwrap();
    let conn = Connection::open(&tmp.path).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .unwrap();
    drop(conn);
    let foreign = std::fs::read(&tmp.path).unwrap();
    let summary = job.run_uncancelled(&plan(), &calendar());
    assert!(matches!(
        &summary.stop,
        SyncStop::StoreFailed {
            problem: StoreProblem::ForeignFile,
            ..
        }
    ));
    assert!(calendar().reads.borrow().is_empty());
    assert_eq!(std::fs::read(&tmp.path).unwrap(), foreign);
}

#[test]
fn no_lock_is_held_once_run_returns() {
    let tmp = temp_store();
    let job = SyncJob::new(&tmp.path, zones());
    assert_eq!(
        job.run_uncancelled(&plan(), &calendar()).stop,
        SyncStop::Completed
    );
    // The last connection to close removes the WAL: the job's is closed.
    let wal = std::path::PathBuf::from(format!("{}-wal", tmp.path.display()));
    assert!(
        !wal.exists(),
        "the connection was not closed (its WAL is still there)"
    );
    let conn = Connection::open(&tmp.path).unwrap();
    // Without waiting: another process can take the write lock right away.
    conn.busy_timeout(std::time::Duration::ZERO).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;").unwrap();
}
