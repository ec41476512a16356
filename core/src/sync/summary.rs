//! What a run tells its caller: why it stopped, which windows it
//! reconciled, and what it had to repair or leave out on the way.

use crate::model::TimeWindow;
use crate::store::ReconcileOutcome;

use super::source::CalendarAccess;

/// Why a run ended. Only `Completed` means every window was reconciled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStop {
    Completed,
    /// The time budget would have been overrun by the next window.
    BudgetSpent,
    /// `cancel()` ended the run; the window in progress is unchanged.
    Cancelled,
    /// Another run of the same job was in progress; nothing was read.
    AlreadyRunning,
    /// Calendar access was not full before or after a read.
    AccessNotGranted(CalendarAccess),
    /// The source threw; the reason is the source's own (or a fixed text).
    SourceFailed(String),
    /// The store file could not be opened, rebuilt or written.
    StoreFailed(String),
    /// The plan was refused before anything was opened or read.
    InvalidPlan(String),
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
    /// Windows left untouched because an empty read may not empty them.
    pub windows_guarded: u64,
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
            events_truncated: 0,
            events_skipped: 0,
            duplicates_dropped: 0,
            store_rebuilt: false,
            duration_micros: 0,
        }
    }
}
