//! What the engine sees of a zone under a `ZoneDatabase`'s rules: local
//! midnights and offsets.
//!
//! For the differential tests that compare the bundled database with
//! java.time and Foundation (docs/time-zones.md). Batched: one call per zone
//! and span.

use heat_core::model::{date_from_days, days_from_date, parse_date};

use crate::error::HeatError;
use crate::guard::guarded;
use crate::window::non_negative;
use crate::zone_database::ZoneDatabase;

/// The most days one call may ask for: about 150 years.
const MAX_DAYS: u32 = 55_000;

#[uniffi::export]
impl ZoneDatabase {
    /// The first instant of each of `days` local days from `startDate`
    /// (`YYYY-MM-DD`) in `timeZone`: local midnight, or the first existing
    /// time after it when a DST gap swallows midnight.
    pub fn zone_day_starts(
        &self,
        time_zone: String,
        start_date: String,
        days: i32,
    ) -> Result<Vec<i64>, HeatError> {
        guarded(|| {
            let zone = self.inner.zone(&time_zone, "timeZone")?;
            let first = days_from_date(parse_date(&start_date, "startDate")?);
            let days = non_negative(days, "days")?;
            if days > MAX_DAYS {
                return Err(HeatError::invalid_argument("days", "must be at most 55000"));
            }
            Ok((0..i64::from(days))
                .map(|d| zone.day_start_ms(date_from_days(first + d)))
                .collect())
        })
    }

    /// The UTC offset of `timeZone` (seconds east) at each instant of
    /// `instantsMs`.
    pub fn zone_offsets_at(&self, time_zone: String, instants_ms: Vec<i64>) -> Result<Vec<i32>, HeatError> {
        guarded(|| {
            let zone = self.inner.zone(&time_zone, "timeZone")?;
            Ok::<_, HeatError>(
                instants_ms
                    .iter()
                    .map(|&ms| zone.offset_at(ms).local_minus_utc())
                    .collect(),
            )
        })
    }
}

/// The zones of the database compiled into the library, and its IANA
/// release (`2025b`); empty without the `bundled-tz` feature.
#[uniffi::export]
pub fn bundled_zone_list() -> BundledZoneList {
    BundledZoneList {
        version: heat_core::model::zone_rules::bundled_version()
            .unwrap_or_default()
            .to_owned(),
        zone_ids: heat_core::model::zone_rules::bundled_zone_names()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BundledZoneList {
    pub version: String,
    pub zone_ids: Vec<String>,
}
