//! Helpers shared by the ICS integration tests.

use heat_core::EventTime;

/// An event's start as sortable, readable text: `YYYY-MM-DDTHH:MMZ` for timed
/// events, the start date for all-day ones.
pub fn start_key(time: &EventTime) -> String {
    match time {
        EventTime::Timed { start_ms, .. } => utc_minute(*start_ms),
        EventTime::AllDay { start_date, .. } => start_date.clone(),
    }
}

/// `YYYY-MM-DDTHH:MMZ` of an epoch-ms instant.
pub fn utc_minute(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap()
        .format("%Y-%m-%dT%H:%MZ")
        .to_string()
}
