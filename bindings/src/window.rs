//! Windows and time ranges, and the helper that builds a window of days.

use heat_core::model;
pub use heat_core::model::{TimeRange, TimeWindow};

use crate::error::HeatError;
use crate::guard::guarded;

/// `[startMs, endMs)` seen from an IANA time zone (`Europe/Berlin`), which
/// decides where local days and all-day events begin. The core's type,
/// exported as is.
#[uniffi::remote(Record)]
pub struct TimeWindow {
    pub start_ms: i64,
    pub end_ms: i64,
    pub time_zone: String,
}

/// A half-open interval `[startMs, endMs)` of epoch milliseconds (the
/// core's type).
#[uniffi::remote(Record)]
pub struct TimeRange {
    pub start_ms: i64,
    pub end_ms: i64,
}

/// The window of `days` whole local days from local midnight of `startDate`
/// (`YYYY-MM-DD`) in `timeZone`; a DST day lasts 23 or 25 hours.
#[uniffi::export]
pub fn window_of_days(start_date: String, days: i32, time_zone: String) -> Result<TimeWindow, HeatError> {
    guarded(|| {
        let days = non_negative(days, "days")?;
        Ok::<_, HeatError>(model::window_of_days(&start_date, days, &time_zone)?)
    })
}

/// Signed at the FFI (see the crate docs), unsigned in the core.
pub(crate) fn non_negative(value: i32, field: &str) -> Result<u32, HeatError> {
    u32::try_from(value).map_err(|_| HeatError::invalid_argument(field, "must not be negative"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_berlin_week_across_the_fall_change_has_one_extra_hour() {
        let w = window_of_days("2026-10-19".into(), 7, "Europe/Berlin".into()).unwrap();
        assert_eq!(w.end_ms - w.start_ms, (7 * 24 + 1) * 3_600_000);
        assert_eq!(w.time_zone, "Europe/Berlin");
    }

    #[test]
    fn negative_days_name_the_field() {
        let err = window_of_days("2026-10-19".into(), -1, "UTC".into()).unwrap_err();
        assert!(
            matches!(err, HeatError::InvalidInput { ref field, .. } if field == "days"),
            "{err:?}"
        );
    }
}
