//! What a run tells Swift and Kotlin: why it stopped, the windows it
//! reconciled, and what it repaired or left out.

use heat_core::sync;

use crate::error::saturating_i64;
use crate::reconcile::ReconcileOutcome;
use crate::sync::source::CalendarAccess;
use crate::window::TimeWindow;

/// Why a run ended. Only `Completed` means every window was reconciled.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SyncStop {
    Completed,
    /// The next window would have overrun `budgetMillis`.
    BudgetSpent,
    /// `cancel()` ended the run; the window in progress is unchanged.
    Cancelled,
    /// Another run of this job was in progress; nothing was read.
    AlreadyRunning,
    /// Calendar access was not full before or after a read.
    AccessNotGranted {
        access: CalendarAccess,
    },
    /// The source threw; the reason is the source's (or a fixed text).
    SourceFailed {
        reason: String,
    },
    /// The store file could not be opened, rebuilt or written (or a bug in
    /// the engine stopped the run; the store is then unchanged).
    StoreFailed {
        reason: String,
    },
    /// The plan was refused before anything was opened or read.
    InvalidPlan {
        reason: String,
    },
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
    /// Windows left untouched because an empty read may not empty them.
    pub windows_guarded: i64,
    /// Events whose title or location was cut to the 16 KiB text limit.
    pub events_truncated: i64,
    /// Events the store would refuse (empty id, end before start, ...), left out.
    pub events_skipped: i64,
    /// Copies of an id with different content that were not kept.
    pub duplicates_dropped: i64,
    /// The damaged store file was deleted and rebuilt during this run.
    pub store_rebuilt: bool,
    pub duration_micros: i64,
}

impl From<sync::SyncSummary> for SyncSummary {
    fn from(s: sync::SyncSummary) -> Self {
        SyncSummary {
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
            sync::SyncStop::StoreFailed(reason) => SyncStop::StoreFailed { reason },
            sync::SyncStop::InvalidPlan(reason) => SyncStop::InvalidPlan { reason },
        }
    }
}
