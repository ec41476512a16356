//! The workloads of `heat bench`, each on its own fresh file in one
//! temporary directory, each timed around the measured call only.

use std::path::Path;

use heat_core::{HeatStore, ReconcileOptions, ReconcileOutcome, SourceEvent, TimeWindow};

use super::baselines::{crud_diff, hash_only, naive_replace, open_plain, plain_rows, sqlite_bulk_insert};
use super::calendar_data::{calendar, with_one_moved};
use super::measure::{Sample, Stats, peak_rss_bytes, repeat, timed};
use super::report::{Report, ScalingPoint};
use super::sync_job::{cancel_latency, sync_job_noop};

const SCOPE: &str = "bench";
const QUARTER_EVENTS: usize = 10_000;

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

fn engine_sample(store: &HeatStore, window: &TimeWindow, events: &[SourceEvent]) -> Sample {
    let (elapsed, outcome) = timed(|| reconcile(store, window, events));
    Sample {
        elapsed,
        rows_written: outcome.events_inserted + outcome.events_deleted,
    }
}

/// Opens a store on a new file (outside the clock).
fn fresh_store(dir: &Path, name: &str) -> HeatStore {
    let path = dir.join(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    HeatStore::open(&path).expect("the bench directory is writable")
}

fn cold_fill(dir: &Path, runs: usize, window: &TimeWindow, events: &[SourceEvent]) -> Stats {
    repeat(runs, events.len(), || {
        engine_sample(&fresh_store(dir, "cold.db"), window, events)
    })
}

fn noop(dir: &Path, runs: usize, window: &TimeWindow, events: &[SourceEvent]) -> Stats {
    let store = fresh_store(dir, "noop.db");
    reconcile(&store, window, events);
    repeat(runs, events.len(), || engine_sample(&store, window, events))
}

pub fn run_all(plan: Plan, dir: &Path) -> Report {
    let (week, week_events) = calendar(7, 150);
    let (quarter, quarter_events) = calendar(90, QUARTER_EVENTS);
    let mut report = Report::new(plan.quick);

    report.add("noop_week", noop(dir, plan.runs(500), &week, &week_events));

    let moved = with_one_moved(&week_events);
    let store = fresh_store(dir, "move.db");
    reconcile(&store, &week, &week_events);
    let mut flip = false;
    let mut days_replaced = 0;
    let one_move = repeat(plan.runs(300), week_events.len(), || {
        flip = !flip;
        let events = if flip { &moved } else { &week_events };
        let (elapsed, outcome) = timed(|| reconcile(&store, &week, events));
        days_replaced = outcome.days_replaced;
        Sample {
            elapsed,
            rows_written: outcome.events_inserted + outcome.events_deleted,
        }
    });
    report.add("one_move_week", one_move);
    report.one_move_days_replaced = days_replaced;

    report.add(
        "cold_fill_quarter",
        cold_fill(dir, plan.runs(30), &quarter, &quarter_events),
    );
    report.add(
        "noop_quarter",
        noop(dir, plan.runs(100), &quarter, &quarter_events),
    );

    let rows = plain_rows(&quarter, &quarter_events);
    let mut plain = open_plain(&dir.join("naive.db"));
    sqlite_bulk_insert(&mut plain, &rows);
    let naive = repeat(plan.runs(30), rows.len(), || {
        let (elapsed, rows_written) = timed(|| naive_replace(&mut plain, &quarter, &rows));
        Sample {
            elapsed,
            rows_written,
        }
    });
    report.add("naive_replace", naive);
    let crud = repeat(plan.runs(30), rows.len(), || {
        let (elapsed, rows_written) = timed(|| crud_diff(&mut plain, &quarter, &rows));
        Sample {
            elapsed,
            rows_written,
        }
    });
    report.add("crud_diff", crud);

    let hashing = repeat(plan.runs(500), week_events.len(), || {
        let (elapsed, _) = timed(|| std::hint::black_box(hash_only(std::hint::black_box(&week_events))));
        Sample {
            elapsed,
            rows_written: 0,
        }
    });
    report.add("hash_only", hashing);

    let bulk = repeat(plan.runs(30), rows.len(), || {
        let path = dir.join("bulk.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let mut conn = open_plain(&path);
        let (elapsed, rows_written) = timed(|| sqlite_bulk_insert(&mut conn, &rows));
        Sample {
            elapsed,
            rows_written,
        }
    });
    report.add("sqlite_bulk_insert", bulk);
    report.add("sync_job_noop", sync_job_noop(dir, plan.runs(100)));
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

/// Runs `cold_fill_quarter` once in this process and returns its peak
/// resident memory; `heat bench` calls it in a child process so that the
/// figure is not inflated by the other workloads.
pub fn peak_rss_of_cold_fill(dir: &Path) -> Option<u64> {
    let (quarter, quarter_events) = calendar(90, QUARTER_EVENTS);
    let store = fresh_store(dir, "rss.db");
    reconcile(&store, &quarter, &quarter_events);
    peak_rss_bytes()
}
