//! `SyncJob`: one background run of the policy (docs/contract.md,
//! "Sync job"), blocking, never failing: every way a run can end is a
//! [`SyncStop`] in the summary.
//!
//! Cancelling needs no polling on the platforms: the run's
//! [`SyncCancellation`] sets a flag that the job checks between steps, the
//! reconcile checks inside its loops and right before it commits, and the
//! store's busy wait checks while it waits for another writer; it also
//! interrupts SQLite for a statement in progress.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::limits::MAX_EVENTS_PER_CALL;
use crate::model::zone_rules::ZoneDatabase;
use crate::model::{TimeRange, TimeWindow};
use crate::store::{HeatStore, ReconcileOptions};

use super::cancellation::SyncCancellation;
use super::odd_events::{self, RunMemory};
use super::plan::SyncPlan;
use super::run_lock::{Acquired, RunLock};
use super::source::{CalendarAccess, CalendarSource, SourceError};
use super::store_file::{self, FileIdentity, Opened};
use super::summary::{StoreProblem, SyncStop, SyncSummary, WindowSync};

pub struct SyncJob {
    path: PathBuf,
    zones: ZoneDatabase,
}

/// How a pass over the windows ended.
enum PassEnd {
    Stop(SyncStop),
    /// The file turned out damaged mid-run.
    Damaged,
}

impl SyncJob {
    /// Opens nothing: the file is opened by each run and closed before it
    /// returns. `zones` resolves the plan's and the store's zones.
    pub fn new(path: impl Into<PathBuf>, zones: ZoneDatabase) -> Self {
        SyncJob {
            path: path.into(),
            zones,
        }
    }

    /// One run. `cancellation` stops it (from any thread, also before it
    /// has begun); a run on the same file already in progress, in any
    /// object or process, makes this one return `AlreadyRunning` at once.
    pub fn run(
        &self,
        plan: &SyncPlan,
        source: &dyn CalendarSource,
        cancellation: &SyncCancellation,
    ) -> SyncSummary {
        let started = Instant::now();
        let mut summary = SyncSummary::ended(SyncStop::Completed);
        summary.stop = match plan.windows(&self.zones) {
            Err(invalid) => SyncStop::InvalidPlan {
                field: invalid.field,
                reason: invalid.reason,
            },
            Ok(_) if cancellation.is_cancelled() => SyncStop::Cancelled,
            Ok(windows) => match RunLock::try_acquire(&self.path) {
                Ok(Acquired::Busy) => SyncStop::AlreadyRunning,
                Err(e) => SyncStop::StoreFailed {
                    problem: StoreProblem::IoError,
                    detail: format!("cannot create the run lock next to the store file: {}", e.kind()),
                },
                Ok(Acquired::Lock(_held)) => {
                    let mut run = Run {
                        job: self,
                        cancellation,
                        started,
                        budget: Duration::from_millis(plan.budget_millis),
                        last_window: None,
                        memory: RunMemory::default(),
                    };
                    run.sync(plan, &windows, source, &mut summary)
                }
            },
        };
        summary.duration_micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
        summary
    }
}

/// One run in progress, under the run lock.
struct Run<'a> {
    job: &'a SyncJob,
    cancellation: &'a SyncCancellation,
    started: Instant,
    budget: Duration,
    /// How long the last window took, across a rebuild too.
    last_window: Option<Duration>,
    memory: RunMemory,
}

impl Run<'_> {
    fn cancelled(&self) -> bool {
        self.cancellation.is_cancelled()
    }

    /// A store error, or `Cancelled` when the run was cancelled meanwhile
    /// (whatever the error then says, the cancel caused it or came first).
    fn failed(&self, err: &Error) -> SyncStop {
        if self.cancelled() {
            SyncStop::Cancelled
        } else {
            store_file::stop_for(err)
        }
    }

    /// Opens the file (rebuilding a damaged one, at most once) and runs the
    /// windows over it.
    fn sync(
        &mut self,
        plan: &SyncPlan,
        windows: &[TimeWindow],
        source: &dyn CalendarSource,
        summary: &mut SyncSummary,
    ) -> SyncStop {
        let path = &self.job.path;
        loop {
            let store = match store_file::open(path, &self.job.zones, self.cancellation.flag()) {
                Opened::Store(store) => Arc::new(store),
                Opened::Damaged if !self.cancelled() => match self.rebuild(summary) {
                    Ok(()) => continue,
                    Err(stop) => return stop,
                },
                Opened::Damaged => return SyncStop::Cancelled,
                Opened::Failed(err) => return self.failed(&err),
            };
            let identity = FileIdentity::of(path);
            self.cancellation.attach(Some(Arc::clone(&store)));
            let end = self.pass(&store, identity, plan, windows, source, summary);
            self.cancellation.attach(None);
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
            return Err(SyncStop::StoreFailed {
                problem: StoreProblem::DamagedAgain,
                detail: "the store file is damaged again after a rebuild".into(),
            });
        }
        store_file::delete(&self.job.path)?;
        *summary = SyncSummary::ended(SyncStop::Completed);
        summary.store_rebuilt = true;
        Ok(())
    }

    /// The windows in order, within the budget.
    fn pass(
        &mut self,
        store: &HeatStore,
        identity: FileIdentity,
        plan: &SyncPlan,
        windows: &[TimeWindow],
        source: &dyn CalendarSource,
        summary: &mut SyncSummary,
    ) -> PassEnd {
        for window in windows {
            if self.cancelled() {
                return PassEnd::Stop(SyncStop::Cancelled);
            }
            if self.budget_spent() {
                return PassEnd::Stop(SyncStop::BudgetSpent);
            }
            let window_started = Instant::now();
            let synced = self.sync_window(store, identity, &plan.scope, window, source, summary);
            // Also when the window found the file damaged: the restarted
            // pass is measured against the same budget.
            self.last_window = Some(window_started.elapsed());
            if let Err(end) = synced {
                return end;
            }
        }
        PassEnd::Stop(SyncStop::Completed)
    }

    /// A window starts only if the time spent so far (opening and
    /// rebuilding included) plus the last window's duration fits the
    /// budget. The run's first window always starts: a run that could stop
    /// before it would never make progress on a slow device.
    fn budget_spent(&self) -> bool {
        self.last_window
            .is_some_and(|last| self.started.elapsed() + last > self.budget)
    }

    /// Access, read, access again, clean, reconcile: one window.
    fn sync_window(
        &mut self,
        store: &HeatStore,
        identity: FileIdentity,
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
        let read = read.map_err(|e| PassEnd::Stop(SyncStop::SourceFailed { reason: e.reason }))?;
        full_access(source.access())?;
        if read.events.len() > MAX_EVENTS_PER_CALL {
            summary.windows_oversized += 1;
            return Ok(());
        }
        // Only a read of at least one calendar that returned no events at
        // all may empty a window: a read whose events were all skipped or
        // all outside the window is more likely a bug than an empty week.
        let options = ReconcileOptions {
            allow_empty: read.calendar_count >= 1 && read.events.is_empty(),
        };
        let checked = window
            .check(&self.job.zones)
            .map_err(|e| PassEnd::Stop(self.failed(&e.into())))?;
        let Some(cleaned) =
            odd_events::clean(read.events, checked, &mut self.memory, self.cancellation.flag())
        else {
            return Err(PassEnd::Stop(SyncStop::Cancelled));
        };
        summary.events_truncated += cleaned.truncated;
        summary.events_skipped += cleaned.skipped;
        summary.duplicates_dropped += cleaned.duplicates_dropped;
        // Right before the commit, after the (long) read: a file deleted or
        // replaced meanwhile must not be written, nor its loss reported as
        // a sync.
        if FileIdentity::of(&self.job.path) != identity {
            return Err(PassEnd::Stop(SyncStop::StoreFailed {
                problem: StoreProblem::FileReplaced,
                detail: "the store file was deleted or replaced during the run".into(),
            }));
        }
        let result = store.reconcile_heat_with_cancel(
            scope,
            window,
            &cleaned.events,
            options,
            Some(self.cancellation.flag()),
        );
        match result {
            Ok(outcome) => summary.windows.push(WindowSync {
                window: window.clone(),
                outcome,
            }),
            Err(Error::EmptySourceRefused { .. }) => summary.windows_guarded += 1,
            Err(_) if self.cancelled() => return Err(PassEnd::Stop(SyncStop::Cancelled)),
            Err(err) if store_file::is_damage(&err) => return Err(PassEnd::Damaged),
            Err(err) => return Err(PassEnd::Stop(self.failed(&err))),
        }
        Ok(())
    }
}

fn full_access(access: Result<CalendarAccess, SourceError>) -> Result<(), PassEnd> {
    match access {
        Ok(CalendarAccess::FullAccess) => Ok(()),
        Ok(access) => Err(PassEnd::Stop(SyncStop::AccessNotGranted { access })),
        Err(e) => Err(PassEnd::Stop(SyncStop::SourceFailed { reason: e.reason })),
    }
}
