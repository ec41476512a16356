//! What a reconcile takes and tells: options, outcome, and the last sync.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use heat_core::store;

use crate::error::saturating_i64;
use crate::window::{TimeRange, TimeWindow};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, uniffi::Record)]
pub struct ReconcileOptions {
    /// Let an empty source clear a window that holds events. Pass it only
    /// when the calendar is readable and really empty (not when permission
    /// was revoked).
    #[uniffi(default = false)]
    pub allow_empty: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReconcileOutcome {
    /// False when the store already matched: nothing was written.
    pub changed: bool,
    /// Hex fingerprint of the window's events; equal sources give equal digests.
    pub window_digest: String,
    pub events_inserted: i64,
    pub events_deleted: i64,
    pub events_unchanged: i64,
    pub ignored_outside_window: i64,
    /// Local days whose stored state was replaced.
    pub days_replaced: i32,
    /// Time ranges whose stored state changed: refresh only these on screen.
    pub replaced_ranges: Vec<TimeRange>,
    pub duration_micros: i64,
}

/// The last reconcile of a scope.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncRecord {
    /// When it ran (Swift `Date`, Kotlin `java.time.Instant`).
    pub at: SystemTime,
    pub window: TimeWindow,
    pub window_digest: String,
    pub changed: bool,
}

impl From<ReconcileOptions> for store::ReconcileOptions {
    fn from(options: ReconcileOptions) -> Self {
        store::ReconcileOptions {
            allow_empty: options.allow_empty,
        }
    }
}

impl From<store::ReconcileOutcome> for ReconcileOutcome {
    fn from(o: store::ReconcileOutcome) -> Self {
        ReconcileOutcome {
            changed: o.changed,
            window_digest: o.window_digest,
            events_inserted: saturating_i64(o.events_inserted),
            events_deleted: saturating_i64(o.events_deleted),
            events_unchanged: saturating_i64(o.events_unchanged),
            ignored_outside_window: saturating_i64(o.ignored_outside_window),
            days_replaced: i32::try_from(o.days_replaced).unwrap_or(i32::MAX),
            replaced_ranges: o.replaced_ranges.into_iter().collect(),
            duration_micros: saturating_i64(o.duration_micros),
        }
    }
}

impl From<store::SyncRecord> for SyncRecord {
    fn from(r: store::SyncRecord) -> Self {
        SyncRecord {
            at: system_time(r.at_ms),
            window: r.window,
            window_digest: r.window_digest,
            changed: r.changed,
        }
    }
}

fn system_time(epoch_ms: i64) -> SystemTime {
    let offset = Duration::from_millis(epoch_ms.unsigned_abs());
    if epoch_ms >= 0 {
        UNIX_EPOCH + offset
    } else {
        UNIX_EPOCH - offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_milliseconds_map_to_system_time_both_sides_of_1970() {
        assert_eq!(system_time(1_500), UNIX_EPOCH + Duration::from_millis(1_500));
        assert_eq!(system_time(-1_500), UNIX_EPOCH - Duration::from_millis(1_500));
    }
}
