//! Windows and time ranges (a window of days is built by `ZoneDatabase`).

pub use heat_core::model::{TimeRange, TimeWindow};

use crate::error::HeatError;

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

/// Signed at the FFI (see the crate docs), unsigned in the core.
pub(crate) fn non_negative(value: i32, field: &str) -> Result<u32, HeatError> {
    u32::try_from(value).map_err(|_| HeatError::invalid_argument(field, "must not be negative"))
}
