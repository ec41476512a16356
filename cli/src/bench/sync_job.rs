//! The sync job's figures: a whole background run over a quarter when the
//! calendar did not change (the common periodic run), and how long
//! `cancel()` takes to end a run from inside a 10,000-event reconcile (what
//! an OS expiration handler waits for).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use heat_core::model::check_event;
use heat_core::{
    CalendarAccess, CalendarRead, CalendarSource, SourceError, SourceEvent, SyncCancellation, SyncJob,
    SyncPlan, SyncStop, TimeRange,
};

use super::calendar_data::calendar;
use super::measure::{Sample, Stats, repeat};
use super::workloads::{QUARTER_EVENTS, remove_database};
use heat_core::ZoneDatabase;

/// A device calendar whose reads are answered from lists made before the
/// clock starts, so the figures are the job's, not the fake's.
struct PreparedSource {
    reads: HashMap<(i64, i64), Vec<SourceEvent>>,
    /// Waits here on the first read, if set (to start a canceller).
    on_read: Option<Barrier>,
}

impl PreparedSource {
    fn new(plan: &SyncPlan, events: &[SourceEvent]) -> Self {
        let zones = ZoneDatabase::bundled();
        let zone = zones.zone(&plan.time_zone, "timeZone").expect("a bench zone");
        let reads = plan
            .windows(&zones)
            .expect("a valid bench plan")
            .into_iter()
            .map(|w| {
                let inside = events
                    .iter()
                    .filter(|e| {
                        let span = check_event(e).expect("bench events are valid").span;
                        span.overlaps(&zone, w.start_ms, w.end_ms)
                    })
                    .cloned()
                    .collect();
                ((w.start_ms, w.end_ms), inside)
            })
            .collect();
        PreparedSource { reads, on_read: None }
    }
}

impl CalendarSource for PreparedSource {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        Ok(CalendarAccess::FullAccess)
    }

    fn read(&self, range: TimeRange) -> Result<CalendarRead, SourceError> {
        if let Some(barrier) = &self.on_read {
            barrier.wait();
        }
        Ok(CalendarRead {
            calendar_count: 1,
            events: self.reads[&(range.start_ms, range.end_ms)].clone(),
        })
    }
}

fn quarter_plan(window_days: u32) -> SyncPlan {
    SyncPlan {
        past_days: 0,
        future_days: 90,
        window_days,
        ..SyncPlan::new("bench", "Europe/Berlin", "2026-11-30")
    }
}

fn new_file(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    remove_database(&path);
    path
}

/// The job over a 10,000-event quarter in windows of `window_days` (7: the
/// 13 windows a phone runs; 90: one window, what `noop_quarter` does
/// without the job), store already equal.
pub fn sync_job_noop(dir: &Path, runs: usize, window_days: u32) -> Stats {
    let (_, events) = calendar(90, QUARTER_EVENTS);
    let plan = quarter_plan(window_days);
    let source = PreparedSource::new(&plan, &events);
    let job = SyncJob::new(new_file(dir, "job.db"), ZoneDatabase::bundled());
    let never = SyncCancellation::new();
    assert_eq!(job.run(&plan, &source, &never).stop, SyncStop::Completed);
    repeat(runs, events.len(), || {
        let started = Instant::now();
        let summary = job.run(&plan, &source, &never);
        let elapsed = started.elapsed();
        assert!(
            summary.windows.iter().all(|w| !w.outcome.changed),
            "the bench store drifted"
        );
        Sample {
            elapsed,
            rows_written: 0,
        }
    })
}

/// From `cancel()` to `run` returning, with the cancel landing a few
/// milliseconds into the reconcile of a 10,000-event window.
pub fn cancel_latency(dir: &Path, runs: usize) -> Stats {
    let (_, events) = calendar(90, QUARTER_EVENTS);
    let plan = quarter_plan(90);
    repeat(runs, events.len(), || {
        loop {
            let mut source = PreparedSource::new(&plan, &events);
            source.on_read = Some(Barrier::new(2));
            let job = SyncJob::new(new_file(dir, "cancel.db"), ZoneDatabase::bundled());
            let cancellation = SyncCancellation::new();
            let (summary, returned_at, cancelled_at) = std::thread::scope(|s| {
                let canceller = s.spawn(|| {
                    source.on_read.as_ref().expect("set above").wait();
                    std::thread::sleep(Duration::from_millis(3));
                    let at = Instant::now();
                    cancellation.cancel();
                    at
                });
                let summary = job.run(&plan, &source, &cancellation);
                let returned_at = Instant::now();
                (
                    summary,
                    returned_at,
                    canceller.join().expect("the canceller does not panic"),
                )
            });
            // A run that finished before the cancel landed is not a sample.
            if summary.stop == SyncStop::Cancelled {
                return Sample {
                    elapsed: returned_at.saturating_duration_since(cancelled_at),
                    rows_written: 0,
                };
            }
        }
    })
}

/// One sync run whose single window reads `MAX_EVENTS_PER_CALL` events into
/// an empty store, in this process; returns its peak resident memory (the
/// source's own copy of the events included, as a platform holds one).
pub fn peak_rss_of_sync_at_event_limit(dir: &Path) -> Option<u64> {
    let (_, events) = calendar(90, heat_core::limits::MAX_EVENTS_PER_CALL);
    let plan = quarter_plan(90);
    let source = PreparedSource::new(&plan, &events);
    drop(events);
    let summary = SyncJob::new(new_file(dir, "limit.db"), ZoneDatabase::bundled()).run(
        &plan,
        &source,
        &SyncCancellation::new(),
    );
    assert_eq!(summary.stop, SyncStop::Completed, "{summary:?}");
    super::measure::peak_rss_bytes()
}
