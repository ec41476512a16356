//! `SyncJob`: one background run of the policy (docs/contract.md,
//! "Sync job"), blocking, never failing: every way a run can end is a
//! [`SyncStop`] in the summary.
//!
//! `cancel()` needs no polling on the platforms: it sets the run's own flag,
//! which the job checks between steps and the reconcile checks inside its
//! loops and right before it commits, and interrupts SQLite for a statement
//! in progress.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::model::{TimeRange, TimeWindow};
use crate::store::{HeatStore, ReconcileOptions};

use super::odd_events;
use super::plan::SyncPlan;
use super::source::{CalendarAccess, CalendarSource, SourceError};
use super::store_file::{self, Opened};
use super::summary::{SyncStop, SyncSummary, WindowSync};

pub struct SyncJob {
    path: PathBuf,
    /// The run in progress, if any: what `cancel()` reaches.
    active: Mutex<Option<ActiveRun>>,
}

struct ActiveRun {
    cancel: Arc<AtomicBool>,
    store: Option<Arc<HeatStore>>,
}

/// How a pass over the windows ended.
enum PassEnd {
    Stop(SyncStop),
    /// The file turned out damaged mid-run.
    Damaged,
}

impl SyncJob {
    /// Opens nothing: the file is opened by each run and closed before it
    /// returns.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        SyncJob {
            path: path.into(),
            active: Mutex::new(None),
        }
    }

    /// Stops the run in progress (from any thread): the window being
    /// reconciled is left unchanged and `run` returns `Cancelled`. Does
    /// nothing when no run is in progress.
    pub fn cancel(&self) {
        if let Some(run) = self.active().as_ref() {
            run.cancel.store(true, Ordering::SeqCst);
            if let Some(store) = &run.store {
                store.interrupt();
            }
        }
    }

    pub fn run(&self, plan: &SyncPlan, source: &dyn CalendarSource) -> SyncSummary {
        let started = Instant::now();
        let mut summary = SyncSummary::ended(SyncStop::Completed);
        summary.stop = match self.begin() {
            None => SyncStop::AlreadyRunning,
            Some(run) => match plan.windows() {
                Err(reason) => SyncStop::InvalidPlan(reason),
                Ok(windows) => run.sync(plan, &windows, source, started, &mut summary),
            },
        };
        summary.duration_micros = micros(started.elapsed());
        summary
    }

    fn active(&self) -> MutexGuard<'_, Option<ActiveRun>> {
        self.active.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn begin(&self) -> Option<Run<'_>> {
        let mut active = self.active();
        if active.is_some() {
            return None;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *active = Some(ActiveRun {
            cancel: Arc::clone(&cancel),
            store: None,
        });
        Some(Run { job: self, cancel })
    }

    fn attach(&self, store: Option<Arc<HeatStore>>) {
        if let Some(run) = self.active().as_mut() {
            run.store = store;
        }
    }
}

/// One run in progress; ends it (even on a panic) when dropped.
struct Run<'a> {
    job: &'a SyncJob,
    cancel: Arc<AtomicBool>,
}

impl Drop for Run<'_> {
    fn drop(&mut self) {
        *self.job.active() = None;
    }
}

impl Run<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }

    /// Opens the file (rebuilding a damaged one, at most once) and runs the
    /// windows over it.
    fn sync(
        &self,
        plan: &SyncPlan,
        windows: &[TimeWindow],
        source: &dyn CalendarSource,
        started: Instant,
        summary: &mut SyncSummary,
    ) -> SyncStop {
        let path = &self.job.path;
        loop {
            let store = match store_file::open(path) {
                Opened::Store(store) => Arc::new(store),
                Opened::Damaged => match self.rebuild(summary) {
                    Ok(()) => continue,
                    Err(stop) => return stop,
                },
                Opened::Refused(reason) => return SyncStop::StoreFailed(reason),
            };
            self.job.attach(Some(Arc::clone(&store)));
            let end = self.pass(&store, plan, windows, source, started, summary);
            self.job.attach(None);
            drop(store); // closed before the file is deleted or the run returns
            match end {
                PassEnd::Stop(stop) => return stop,
                PassEnd::Damaged => {
                    if let Err(stop) = self.rebuild(summary) {
                        return stop;
                    }
                }
            }
        }
    }

    /// Deletes the damaged file; the run starts over with a fresh summary.
    fn rebuild(&self, summary: &mut SyncSummary) -> Result<(), SyncStop> {
        if summary.store_rebuilt {
            return Err(SyncStop::StoreFailed(
                "the store file is damaged again after a rebuild".into(),
            ));
        }
        store_file::delete(&self.job.path).map_err(SyncStop::StoreFailed)?;
        *summary = SyncSummary::ended(SyncStop::Completed);
        summary.store_rebuilt = true;
        Ok(())
    }

    /// The windows in order, within the budget.
    fn pass(
        &self,
        store: &HeatStore,
        plan: &SyncPlan,
        windows: &[TimeWindow],
        source: &dyn CalendarSource,
        started: Instant,
        summary: &mut SyncSummary,
    ) -> PassEnd {
        let budget = Duration::from_millis(plan.budget_millis);
        let mut previous: Option<Duration> = None;
        for window in windows {
            if self.cancelled() {
                return PassEnd::Stop(SyncStop::Cancelled);
            }
            if previous.is_some_and(|last| started.elapsed() + last > budget) {
                return PassEnd::Stop(SyncStop::BudgetSpent);
            }
            let window_started = Instant::now();
            if let Err(end) = self.sync_window(store, &plan.scope, window, source, summary) {
                return end;
            }
            previous = Some(window_started.elapsed());
        }
        PassEnd::Stop(SyncStop::Completed)
    }

    /// Access, read, access again, clean, reconcile: one window.
    fn sync_window(
        &self,
        store: &HeatStore,
        scope: &str,
        window: &TimeWindow,
        source: &dyn CalendarSource,
        summary: &mut SyncSummary,
    ) -> Result<(), PassEnd> {
        full_access(source.access())?;
        let read = source.read(TimeRange {
            start_ms: window.start_ms,
            end_ms: window.end_ms,
        });
        if self.cancelled() {
            return Err(PassEnd::Stop(SyncStop::Cancelled));
        }
        let read = read.map_err(|e| PassEnd::Stop(SyncStop::SourceFailed(e.reason)))?;
        full_access(source.access())?;

        let Some(cleaned) = odd_events::clean(read.events, &self.cancel) else {
            return Err(PassEnd::Stop(SyncStop::Cancelled));
        };
        summary.events_truncated += cleaned.truncated;
        summary.events_skipped += cleaned.skipped;
        summary.duplicates_dropped += cleaned.duplicates_dropped;
        // Only a successful read of at least one calendar, with access still
        // full after it, may empty a window.
        let options = ReconcileOptions {
            allow_empty: read.calendar_count >= 1,
        };
        let result =
            store.reconcile_heat_with_cancel(scope, window, &cleaned.events, options, Some(&self.cancel));
        match result {
            Ok(outcome) => summary.windows.push(WindowSync {
                window: window.clone(),
                outcome,
            }),
            Err(Error::EmptySourceRefused { .. }) => summary.windows_guarded += 1,
            Err(Error::Interrupted) => return Err(PassEnd::Stop(SyncStop::Cancelled)),
            Err(err) if store_file::is_damage(&err) => return Err(PassEnd::Damaged),
            Err(err) => return Err(PassEnd::Stop(SyncStop::StoreFailed(err.to_string()))),
        }
        Ok(())
    }
}

fn full_access(access: Result<CalendarAccess, SourceError>) -> Result<(), PassEnd> {
    match access {
        Ok(CalendarAccess::FullAccess) => Ok(()),
        Ok(other) => Err(PassEnd::Stop(SyncStop::AccessNotGranted(other))),
        Err(e) => Err(PassEnd::Stop(SyncStop::SourceFailed(e.reason))),
    }
}

fn micros(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX)
}
