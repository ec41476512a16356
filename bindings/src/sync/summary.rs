//! What a run tells Swift and Kotlin: why it stopped, the windows it
//! reconciled, what it repaired or left out, what to do next
//! (`disposition`, decided in the core) and the line to log.

use heat_core::sync;

use crate::error::saturating_i64;
use crate::reconcile::ReconcileOutcome;
use crate::sync::source::CalendarAccess;
use crate::window::TimeWindow;

/// Why a run ended. Only `Completed` means every window was reconciled.
/// Platforms log it and show it; what they do next comes from
/// `SyncSummary.disposition`, never from matching on this.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SyncStop {
    Completed,
    /// The next window would have overrun `budgetMillis`.
    BudgetSpent,
    /// The run's `SyncCancellation` ended it; the window in progress is unchanged.
    Cancelled,
    /// Another run on the same file (any object or process) was in
    /// progress; nothing was read.
    AlreadyRunning,
    /// Calendar access was not full before or after a read.
    AccessNotGranted {
        access: CalendarAccess,
    },
    /// The source threw; the reason is the source's (or a fixed text).
    SourceFailed {
        reason: String,
    },
    /// The store file could not be opened, rebuilt or written; `problem`
    /// says which kind of failure, `detail` is for logs (no user data).
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

/// The core's `StoreProblem`, one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StoreProblem {
    /// Another connection held the write lock past the busy timeout.
    Busy,
    DiskFull,
    IoError,
    /// Written by a newer version of the engine: only an app update helps.
    NewerVersion,
    /// Another application's SQLite file: the path is wrong; never delete it.
    ForeignFile,
    DamagedAgain,
    /// Deleted or replaced while the run was using it.
    FileReplaced,
    /// A bug in the engine; the store is unchanged.
    EngineBug,
}

/// What the platform does after a run, decided once in Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SyncDisposition {
    /// Every window is in sync.
    Done,
    /// Not finished for a passing reason: run again later, and make sure a
    /// run starts after this one.
    RetryLater,
    /// Only the user can unblock it (calendar access, an app update).
    NeedsUser,
    /// A bug in the app or the engine: retrying changes nothing.
    GiveUp,
}

/// One window whose reconcile ran to the end (changed or not).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WindowSync {
    pub window: TimeWindow,
    pub outcome: ReconcileOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncSummary {
    pub stop: SyncStop,
    /// In run order.
    pub windows: Vec<WindowSync>,
    /// Windows left untouched because their read may not empty them (no
    /// calendar read, or every event skipped or outside the window).
    pub windows_guarded: i64,
    /// Windows left untouched because their read held more events than one
    /// reconcile accepts (200,000).
    pub windows_oversized: i64,
    /// Events whose title or location was cut to the 16 KiB text limit.
    pub events_truncated: i64,
    /// Events the store would refuse (empty id, end before start, ...), left out.
    pub events_skipped: i64,
    /// Copies of an id with different content that were not kept.
    pub duplicates_dropped: i64,
    /// The damaged store file was deleted and rebuilt during this run.
    pub store_rebuilt: bool,
    pub duration_micros: i64,
    /// What to do next: map this, and only this, to the platform's result.
    pub disposition: SyncDisposition,
    /// The one line to log for this run (stop, disposition, counts,
    /// duration; never a title, location, id or reason text).
    pub log_line: String,
}

impl From<sync::SyncSummary> for SyncSummary {
    fn from(s: sync::SyncSummary) -> Self {
        let disposition = s.disposition().into();
        let log_line = s.log_line();
        SyncSummary {
            disposition,
            log_line,
            stop: s.stop.into(),
            windows: s
                .windows
                .into_iter()
                .map(|w| WindowSync {
                    window: w.window.into(),
                    outcome: w.outcome.into(),
                })
                .collect(),
            windows_guarded: saturating_i64(s.windows_guarded),
            windows_oversized: saturating_i64(s.windows_oversized),
            events_truncated: saturating_i64(s.events_truncated),
            events_skipped: saturating_i64(s.events_skipped),
            duplicates_dropped: saturating_i64(s.duplicates_dropped),
            store_rebuilt: s.store_rebuilt,
            duration_micros: saturating_i64(s.duration_micros),
        }
    }
}

impl From<sync::SyncStop> for SyncStop {
    fn from(stop: sync::SyncStop) -> Self {
        match stop {
            sync::SyncStop::Completed => SyncStop::Completed,
            sync::SyncStop::BudgetSpent => SyncStop::BudgetSpent,
            sync::SyncStop::Cancelled => SyncStop::Cancelled,
            sync::SyncStop::AlreadyRunning => SyncStop::AlreadyRunning,
            sync::SyncStop::AccessNotGranted(access) => SyncStop::AccessNotGranted {
                access: access.into(),
            },
            sync::SyncStop::SourceFailed(reason) => SyncStop::SourceFailed { reason },
            sync::SyncStop::StoreFailed { problem, detail } => SyncStop::StoreFailed {
                problem: problem.into(),
                detail,
            },
            sync::SyncStop::InvalidPlan { field, reason } => SyncStop::InvalidPlan { field, reason },
        }
    }
}

impl From<sync::StoreProblem> for StoreProblem {
    fn from(problem: sync::StoreProblem) -> Self {
        match problem {
            sync::StoreProblem::Busy => StoreProblem::Busy,
            sync::StoreProblem::DiskFull => StoreProblem::DiskFull,
            sync::StoreProblem::IoError => StoreProblem::IoError,
            sync::StoreProblem::NewerVersion => StoreProblem::NewerVersion,
            sync::StoreProblem::ForeignFile => StoreProblem::ForeignFile,
            sync::StoreProblem::DamagedAgain => StoreProblem::DamagedAgain,
            sync::StoreProblem::FileReplaced => StoreProblem::FileReplaced,
            sync::StoreProblem::EngineBug => StoreProblem::EngineBug,
        }
    }
}

impl From<sync::SyncDisposition> for SyncDisposition {
    fn from(disposition: sync::SyncDisposition) -> Self {
        match disposition {
            sync::SyncDisposition::Done => SyncDisposition::Done,
            sync::SyncDisposition::RetryLater => SyncDisposition::RetryLater,
            sync::SyncDisposition::NeedsUser => SyncDisposition::NeedsUser,
            sync::SyncDisposition::GiveUp => SyncDisposition::GiveUp,
        }
    }
}
