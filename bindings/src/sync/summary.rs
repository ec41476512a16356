//! What a run tells Swift and Kotlin: why it stopped, the windows it
//! reconciled, what it repaired or left out, what to do next
//! (`disposition`, decided in the core) and the line to log.

use heat_core::sync;
pub use heat_core::sync::{StoreProblem, SyncDisposition, SyncStop};

use crate::error::saturating_i64;
use crate::reconcile::ReconcileOutcome;
use crate::sync::source::CalendarAccess;
use crate::window::TimeWindow;

/// Why a run ended. Only `Completed` means every window was reconciled.
/// Platforms log it and show it; what they do next comes from
/// `SyncSummary.disposition`, never from matching on this. The core's type,
/// exported as is.
#[uniffi::remote(Enum)]
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

/// Why the store failed (the core's type, exported as is).
#[uniffi::remote(Enum)]
pub enum StoreProblem {
    Busy,
    DiskFull,
    IoError,
    NewerVersion,
    ForeignFile,
    DamagedAgain,
    FileReplaced,
    EngineBug,
}

/// What the platform does after a run, decided in the core (the core's
/// type, exported as is).
#[uniffi::remote(Enum)]
pub enum SyncDisposition {
    Done,
    RetryLater,
    NeedsUser,
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
        let disposition = s.disposition();
        let log_line = s.log_line();
        SyncSummary {
            disposition,
            log_line,
            stop: s.stop,
            windows: s
                .windows
                .into_iter()
                .map(|w| WindowSync {
                    window: w.window,
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
