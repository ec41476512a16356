//! The IANA database compiled into the library by `chrono-tz`: the rules of
//! the crate version in Cargo.lock, frozen at build time.

use chrono::{LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::ZoneRules;

/// The bundled rules of the zone `name`, if the database knows it.
pub(super) fn find(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

impl ZoneRules for Tz {
    fn offset_seconds_at(&self, utc_ms: i64) -> i32 {
        let utc = chrono::DateTime::from_timestamp_millis(utc_ms).unwrap_or_default();
        self.offset_from_utc_datetime(&utc.naive_utc())
            .fix()
            .local_minus_utc()
    }

    fn instants_of_local(&self, local: NaiveDateTime) -> LocalResult<i64> {
        self.from_local_datetime(&local).map(|t| t.timestamp_millis())
    }
}
