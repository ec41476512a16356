//! The workloads of `heat bench`, each on its own fresh file in one
//! temporary directory, each timed around the measured call only.

use std::path::Path;

use heat_core::{HeatStore, ReconcileOptions, ReconcileOutcome, SourceEvent, TimeWindow};

use super::baselines::{crud_diff, hash_only, naive_replace, open_plain, plain_rows, sqlite_bulk_insert};
use super::calendar_data::{calendar, with_one_moved};
use super::measure::{Sample, Stats, peak_rss_bytes, repeat, timed};
use super::report::{Report, ScalingPoint};
use super::sync_job::{cancel_latency, sync_job_noop};
use heat_core::ZoneDatabase;

const SCOPE: &str = "bench";
/// Events in the quarter the engine, the baselines and the sync job work on.
pub(super) const QUARTER_EVENTS: usize = 10_000;

/// A window and the synthetic calendar's events in it.
type Calendar = (TimeWindow, Vec<SourceEvent>);

#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// A smoke run: fewer repetitions, no 150,000-event point.
    pub quick: bool,
}

impl Plan {
    fn runs(self, full: usize) -> usize {
        if self.quick { (full / 10).max(3) } else { full }
    }

    fn scaling_sizes(self) -> &'static [usize] {
        if self.quick {
            &[150, 1_500, 15_000]
        } else {
            &[150, 1_500, 15_000, 150_000]
        }
    }
}

fn reconcile(store: &HeatStore, window: &TimeWindow, events: &[SourceEvent]) -> ReconcileOutcome {
    store
        .reconcile_heat(SCOPE, window, events, ReconcileOptions::default())
        .expect("bench reconciles are valid")
}

/// Times one call that returns the rows it wrote.
fn sample(write: impl FnOnce() -> u64) -> Sample {
    let (elapsed, rows_written) = timed(write);
    Sample {
        elapsed,
        rows_written,
    }
}

/// Times one reconcile.
fn engine_sample(
    store: &HeatStore,
    window: &TimeWindow,
    events: &[SourceEvent],
) -> (Sample, ReconcileOutcome) {
    let (elapsed, outcome) = timed(|| reconcile(store, window, events));
    let rows_written = outcome.events_inserted + outcome.events_deleted;
    (
        Sample {
            elapsed,
            rows_written,
        },
        outcome,
    )
}

/// Deletes a database file and SQLite's `-wal` and `-shm` beside it, so the
/// next open starts from nothing.
pub(super) fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Opens a store on a new file (outside the clock).
fn fresh_store(dir: &Path, name: &str) -> HeatStore {
    let path = dir.join(name);
    remove_database(&path);
    HeatStore::open(&path, ZoneDatabase::bundled()).expect("the bench directory is writable")
}

fn cold_fill(dir: &Path, runs: usize, window: &TimeWindow, events: &[SourceEvent]) -> Stats {
    repeat(runs, events.len(), || {
        engine_sample(&fresh_store(dir, "cold.db"), window, events).0
    })
}

fn noop(dir: &Path, runs: usize, window: &TimeWindow, events: &[SourceEvent]) -> Stats {
    let store = fresh_store(dir, "noop.db");
    reconcile(&store, window, events);
    repeat(runs, events.len(), || engine_sample(&store, window, events).0)
}

/// One event moves and moves back, alternately; returns the timings and the
/// days the last reconcile replaced.
fn one_move(dir: &Path, runs: usize, window: &TimeWindow, events: &[SourceEvent]) -> (Stats, u32) {
    let moved = with_one_moved(events);
    let store = fresh_store(dir, "move.db");
    reconcile(&store, window, events);
    let mut flip = false;
    let mut days_replaced = 0;
    let stats = repeat(runs, events.len(), || {
        flip = !flip;
        let input = if flip { &moved[..] } else { events };
        let (sample, outcome) = engine_sample(&store, window, input);
        days_replaced = outcome.days_replaced;
        sample
    });
    (stats, days_replaced)
}

pub fn run_all(plan: Plan, dir: &Path) -> Report {
    let week = calendar(7, 150);
    let quarter = calendar(90, QUARTER_EVENTS);
    let mut report = Report::new(plan.quick);
    engine_workloads(plan, dir, (&week, &quarter), &mut report);
    baseline_workloads(plan, dir, (&week, &quarter), &mut report);
    report.add("sync_job_noop", sync_job_noop(dir, plan.runs(100), 7));
    report.add("sync_job_noop_one_window", sync_job_noop(dir, plan.runs(100), 90));
    report.add("cancel_latency", cancel_latency(dir, plan.runs(20)));
    for &size in plan.scaling_sizes() {
        let (window, events) = calendar(90, size);
        let runs = if size >= 100_000 { 3 } else { plan.runs(20) };
        report.scaling.push(ScalingPoint {
            events: size,
            cold_fill: cold_fill(dir, runs, &window, &events),
            noop: noop(dir, runs * 3, &window, &events),
        });
    }
    report
}

/// The engine on a week of 150 events and on a quarter of 10,000.
fn engine_workloads(plan: Plan, dir: &Path, calendars: (&Calendar, &Calendar), report: &mut Report) {
    let ((week, week_events), (quarter, quarter_events)) = calendars;
    report.add("noop_week", noop(dir, plan.runs(500), week, week_events));
    let (stats, days_replaced) = one_move(dir, plan.runs(300), week, week_events);
    report.add("one_move_week", stats);
    report.one_move_days_replaced = days_replaced;
    report.add(
        "cold_fill_quarter",
        cold_fill(dir, plan.runs(30), quarter, quarter_events),
    );
    report.add("noop_quarter", noop(dir, plan.runs(100), quarter, quarter_events));
}

/// What the engine is compared with: plain SQLite tables written the naive
/// and the CRUD way, hashing alone, and a bare bulk insert.
fn baseline_workloads(plan: Plan, dir: &Path, calendars: (&Calendar, &Calendar), report: &mut Report) {
    let ((_, week_events), (quarter, quarter_events)) = calendars;
    let rows = plain_rows(quarter, quarter_events);
    let mut plain = open_plain(&dir.join("naive.db"));
    sqlite_bulk_insert(&mut plain, &rows);
    let naive = repeat(plan.runs(30), rows.len(), || {
        sample(|| naive_replace(&mut plain, quarter, &rows))
    });
    report.add("naive_replace", naive);
    let crud = repeat(plan.runs(30), rows.len(), || {
        sample(|| crud_diff(&mut plain, quarter, &rows))
    });
    report.add("crud_diff", crud);
    let hashing = repeat(plan.runs(500), week_events.len(), || {
        let (elapsed, _) = timed(|| std::hint::black_box(hash_only(std::hint::black_box(week_events))));
        Sample {
            elapsed,
            rows_written: 0,
        }
    });
    report.add("hash_only", hashing);
    let bulk = repeat(plan.runs(30), rows.len(), || {
        let path = dir.join("bulk.db");
        remove_database(&path);
        let mut conn = open_plain(&path);
        sample(|| sqlite_bulk_insert(&mut conn, &rows))
    });
    report.add("sqlite_bulk_insert", bulk);
}

/// Runs `cold_fill_quarter` once in this process and returns its peak
/// resident memory; `heat bench` calls it in a child process so that the
/// figure is not inflated by the other workloads.
pub fn peak_rss_of_cold_fill(dir: &Path) -> Option<u64> {
    let (quarter, quarter_events) = calendar(90, QUARTER_EVENTS);
    let store = fresh_store(dir, "rss.db");
    reconcile(&store, &quarter, &quarter_events);
    peak_rss_bytes()
}
