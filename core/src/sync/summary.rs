//! What a run tells its caller: why it stopped, which windows it
//! reconciled, what it had to repair or leave out on the way, and the one
//! decision the platforms act on (`SyncDisposition`).

use std::fmt::Write as _;

use crate::model::TimeWindow;
use crate::store::ReconcileOutcome;

use super::source::CalendarAccess;

/// Why a run ended. Only `Completed` means every window was reconciled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStop {
    Completed,
    /// The time budget would have been overrun by the next window.
    BudgetSpent,
    /// The run's cancellation ended it; the window in progress is unchanged.
    Cancelled,
    /// Another run on the same file (this object, another one, or another
    /// process) was in progress; nothing was read.
    AlreadyRunning,
    /// Calendar access was not full before or after a read.
    AccessNotGranted {
        access: CalendarAccess,
    },
    /// The source threw; the reason is the source's own (or a fixed text).
    SourceFailed {
        reason: String,
    },
    /// The store file could not be opened, rebuilt or written.
    StoreFailed {
        problem: StoreProblem,
        detail: String,
    },
    /// The plan was refused before anything was opened or read.
    InvalidPlan {
        field: String,
        reason: String,
    },
}

/// Why the store failed, as far as what to do next depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreProblem {
    /// Another connection held the write lock past the busy timeout.
    Busy,
    /// The disk or the app's quota is full.
    DiskFull,
    /// Any other I/O failure (permissions, a missing folder, a read error).
    IoError,
    /// The file was written by a newer version of the engine: only an app
    /// update helps; never deleted.
    NewerVersion,
    /// The file is another application's SQLite database: the path is
    /// wrong; never deleted.
    ForeignFile,
    /// The file was damaged again right after this run rebuilt it.
    DamagedAgain,
    /// The file was deleted or replaced while the run was using it.
    FileReplaced,
    /// A bug in the engine (a panic, or an input the job should have
    /// cleaned); the store is unchanged.
    EngineBug,
}

/// What the platform should do after a run: the only thing Android's
/// `Result` and iOS's `setTaskCompleted(success:)` are derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncDisposition {
    /// Every window is in sync.
    Done,
    /// Not finished, for a reason that passes (a budget, a cancel, a busy
    /// or full disk, a source failure, another run in progress): run again
    /// later. A caller must make sure a run starts after this one.
    RetryLater,
    /// Only the user can unblock it: calendar access, or an app update for
    /// a file a newer version wrote. Retrying changes nothing.
    NeedsUser,
    /// A bug in the app or the engine (an invalid plan, another app's file
    /// at the path, a panic): retrying changes nothing; report it.
    GiveUp,
}

impl SyncStop {
    pub fn disposition(&self) -> SyncDisposition {
        use StoreProblem as P;
        match self {
            SyncStop::Completed => SyncDisposition::Done,
            SyncStop::BudgetSpent
            | SyncStop::Cancelled
            | SyncStop::AlreadyRunning
            | SyncStop::SourceFailed { .. } => SyncDisposition::RetryLater,
            SyncStop::AccessNotGranted { .. } => SyncDisposition::NeedsUser,
            SyncStop::StoreFailed { problem, .. } => match problem {
                P::Busy | P::DiskFull | P::IoError | P::DamagedAgain | P::FileReplaced => {
                    SyncDisposition::RetryLater
                }
                P::NewerVersion => SyncDisposition::NeedsUser,
                P::ForeignFile | P::EngineBug => SyncDisposition::GiveUp,
            },
            SyncStop::InvalidPlan { .. } => SyncDisposition::GiveUp,
        }
    }

    /// The stop's name for logs: never a reason text (a source's reason or
    /// SQLite's message could name something personal).
    fn log_name(&self) -> String {
        match self {
            SyncStop::Completed => "completed".into(),
            SyncStop::BudgetSpent => "budgetSpent".into(),
            SyncStop::Cancelled => "cancelled".into(),
            SyncStop::AlreadyRunning => "alreadyRunning".into(),
            SyncStop::AccessNotGranted { access } => format!("accessNotGranted({access:?})"),
            SyncStop::SourceFailed { .. } => "sourceFailed".into(),
            SyncStop::StoreFailed { problem, .. } => format!("storeFailed({problem:?})"),
            SyncStop::InvalidPlan { field, .. } => format!("invalidPlan({field})"),
        }
    }
}

/// One window whose reconcile ran to the end (changed or not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowSync {
    pub window: TimeWindow,
    pub outcome: ReconcileOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSummary {
    pub stop: SyncStop,
    /// In run order.
    pub windows: Vec<WindowSync>,
    /// Windows left untouched because their read may not empty them (no
    /// calendar read, or every event skipped or outside the window).
    pub windows_guarded: u64,
    /// Windows left untouched because their read held more events than one
    /// reconcile accepts (`MAX_EVENTS_PER_CALL`).
    pub windows_oversized: u64,
    /// Events whose title or location was cut to the text limit.
    pub events_truncated: u64,
    /// Events the store would refuse, left out.
    pub events_skipped: u64,
    /// Copies of an id with different content that were not kept.
    pub duplicates_dropped: u64,
    /// The damaged file was deleted and rebuilt during this run.
    pub store_rebuilt: bool,
    pub duration_micros: u64,
}

impl SyncSummary {
    /// A run that ended with `stop` before it did anything.
    pub fn ended(stop: SyncStop) -> Self {
        SyncSummary {
            stop,
            windows: Vec::new(),
            windows_guarded: 0,
            windows_oversized: 0,
            events_truncated: 0,
            events_skipped: 0,
            duplicates_dropped: 0,
            store_rebuilt: false,
            duration_micros: 0,
        }
    }

    pub fn disposition(&self) -> SyncDisposition {
        self.stop.disposition()
    }

    /// The one line a platform logs per run, the same on both: how it
    /// ended, what it did, how long it took. Counts and names only; never
    /// a title, location, id or reason text.
    pub fn log_line(&self) -> String {
        let changed = self.windows.iter().filter(|w| w.outcome.changed).count();
        let inserted: u64 = self.windows.iter().map(|w| w.outcome.events_inserted).sum();
        let deleted: u64 = self.windows.iter().map(|w| w.outcome.events_deleted).sum();
        let mut line = format!(
            "heat sync: stop={} disposition={:?} windows={} changed={changed} inserted={inserted} deleted={deleted}",
            self.stop.log_name(),
            self.disposition(),
            self.windows.len(),
        );
        let extras = [
            ("guarded", self.windows_guarded),
            ("oversized", self.windows_oversized),
            ("truncated", self.events_truncated),
            ("skipped", self.events_skipped),
            ("duplicates", self.duplicates_dropped),
        ];
        for (name, count) in extras.into_iter().filter(|(_, n)| *n > 0) {
            let _ = write!(line, " {name}={count}");
        }
        if self.store_rebuilt {
            line.push_str(" rebuilt=true");
        }
        let _ = write!(line, " duration_ms={}", self.duration_micros / 1_000);
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stop_has_one_disposition() {
        let store = |problem| SyncStop::StoreFailed {
            problem,
            detail: String::new(),
        };
        let cases = [
            (SyncStop::Completed, SyncDisposition::Done),
            (SyncStop::BudgetSpent, SyncDisposition::RetryLater),
            (SyncStop::Cancelled, SyncDisposition::RetryLater),
            (SyncStop::AlreadyRunning, SyncDisposition::RetryLater),
            (
                SyncStop::SourceFailed { reason: "x".into() },
                SyncDisposition::RetryLater,
            ),
            (
                SyncStop::AccessNotGranted {
                    access: CalendarAccess::Denied,
                },
                SyncDisposition::NeedsUser,
            ),
            (store(StoreProblem::Busy), SyncDisposition::RetryLater),
            (store(StoreProblem::DiskFull), SyncDisposition::RetryLater),
            (store(StoreProblem::NewerVersion), SyncDisposition::NeedsUser),
            (store(StoreProblem::ForeignFile), SyncDisposition::GiveUp),
            (store(StoreProblem::EngineBug), SyncDisposition::GiveUp),
            (
                SyncStop::InvalidPlan {
                    field: "today".into(),
                    reason: "x".into(),
                },
                SyncDisposition::GiveUp,
            ),
        ];
        for (stop, expected) in cases {
            assert_eq!(stop.disposition(), expected, "{stop:?}");
        }
    }

    #[test]
    fn the_log_line_names_the_ending_and_counts_but_no_reason_text() {
        let mut summary = SyncSummary::ended(SyncStop::SourceFailed {
            reason: "calendar 'Therapy' unreadable".into(),
        });
        summary.events_truncated = 2;
        summary.duration_micros = 12_345;
        let line = summary.log_line();
        assert_eq!(
            line,
            "heat sync: stop=sourceFailed disposition=RetryLater windows=0 changed=0 inserted=0 deleted=0 \
             truncated=2 duration_ms=12"
        );
        assert!(!line.contains("Therapy"));
    }
}
