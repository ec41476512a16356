//! Zone rules: what the engine needs to know about a time zone, and where
//! that knowledge comes from.
//!
//! Local days, all-day placement and heat slots depend on a zone's UTC
//! offsets. Those rules change every year (governments move DST, merge
//! zones), and a phone updates them with the OS while a copy compiled into
//! the library is frozen at build time. So the rules are pluggable
//! (docs/time-zones.md, docs/adr/0016):
//!
//! - [`bundled`]: the IANA database compiled in through `chrono-tz` (cargo
//!   feature `bundled-tz`, on for the CLI, tests and fuzzing);
//! - [`host`]: rules the host platform supplies (java.time on Android,
//!   Foundation `TimeZone` on iOS) as an [`OffsetTimeline`] per zone, fetched
//!   once per zone and kept for the life of the database that asked.
//!
//! A [`ZoneDatabase`] is one of the two; it is handed to whatever resolves
//! zone names (the store, the sync job, the window constructor), never
//! registered for the whole process.
//!
//! Everything else about local time (midnights, gaps, overlaps, formatting)
//! is derived from the two questions of [`ZoneRules`] in `model::local_time`,
//! so both sources resolve gaps and overlaps the same way.

#[cfg(feature = "bundled-tz")]
mod bundled;
mod database;
pub mod host;
mod offset_timeline;

use chrono::{LocalResult, NaiveDateTime};

pub use database::ZoneDatabase;
pub use offset_timeline::{MAX_OFFSET_SECONDS, OffsetTimeline, OffsetTransition};

/// The IANA release of the bundled database (`2025b`), if built in.
pub fn bundled_version() -> Option<&'static str> {
    #[cfg(feature = "bundled-tz")]
    return Some(chrono_tz::IANA_TZDB_VERSION);
    #[cfg(not(feature = "bundled-tz"))]
    None
}

/// Every zone name the bundled database knows (links included); empty when
/// it is not built in.
pub fn bundled_zone_names() -> Vec<&'static str> {
    #[cfg(feature = "bundled-tz")]
    return chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    #[cfg(not(feature = "bundled-tz"))]
    Vec::new()
}

/// The two questions the engine asks of a zone.
pub trait ZoneRules {
    /// The zone's UTC offset, in seconds east of UTC, at the instant `utc_ms`.
    fn offset_seconds_at(&self, utc_ms: i64) -> i32;

    /// The instants (epoch milliseconds) showing the local wall-clock time
    /// `local`: one, two in an overlap (earliest first), none in a gap.
    fn instants_of_local(&self, local: NaiveDateTime) -> LocalResult<i64>;
}
