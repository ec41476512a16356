//! `ZoneDatabase`: the time zone rules a store, a sync job and a window of
//! days resolve zone names with, handed to each of them (docs/adr/0016).
//!
//! Apps build one from the device's rules (`ZoneDatabase.host`, over their
//! `HostZoneRules`) and pass it to `HeatStore.open` and `SyncJob`; builds
//! with the bundled IANA database (tests, desktop tools) also have
//! `ZoneDatabase.bundled()`. The phone library has no bundled database, so
//! an app cannot forget the device's rules: the constructor does not exist.

use std::sync::Arc;

use heat_core::model;

use crate::error::HeatError;
use crate::guard::guarded;
use crate::host_zone_rules::{HostZoneRules, HostZoneRulesSource};
use crate::window::{TimeWindow, non_negative};

#[derive(uniffi::Object)]
pub struct ZoneDatabase {
    pub(crate) inner: heat_core::ZoneDatabase,
}

#[uniffi::export]
impl ZoneDatabase {
    /// The device's rules: asked once per zone, kept for the life of this
    /// object. Build one per process and share it; build a new one to pick
    /// up rules the OS updated.
    #[uniffi::constructor]
    pub fn host(rules: Arc<dyn HostZoneRules>) -> Arc<Self> {
        Arc::new(ZoneDatabase {
            inner: heat_core::ZoneDatabase::host(Arc::new(HostZoneRulesSource(rules))),
        })
    }

    /// The window of `days` whole local days from local midnight of
    /// `startDate` (`YYYY-MM-DD`) in `timeZone`; a DST day lasts 23 or 25
    /// hours.
    pub fn window_of_days(
        &self,
        start_date: String,
        days: i32,
        time_zone: String,
    ) -> Result<TimeWindow, HeatError> {
        guarded(|| {
            let days = non_negative(days, "days")?;
            Ok::<_, HeatError>(model::window_of_days(&self.inner, &start_date, days, &time_zone)?)
        })
    }
}

#[cfg(feature = "bundled-tz")]
#[uniffi::export]
impl ZoneDatabase {
    /// The IANA database compiled into this library (not in the phone
    /// build), frozen at build time.
    #[uniffi::constructor]
    pub fn bundled() -> Arc<Self> {
        Arc::new(ZoneDatabase {
            inner: heat_core::ZoneDatabase::bundled(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_berlin_week_across_the_fall_change_has_one_extra_hour() {
        let w = ZoneDatabase::bundled()
            .window_of_days("2026-10-19".into(), 7, "Europe/Berlin".into())
            .unwrap();
        assert_eq!(w.end_ms - w.start_ms, (7 * 24 + 1) * 3_600_000);
        assert_eq!(w.time_zone, "Europe/Berlin");
    }

    #[test]
    fn negative_days_name_the_field() {
        let err = ZoneDatabase::bundled()
            .window_of_days("2026-10-19".into(), -1, "UTC".into())
            .unwrap_err();
        assert!(
            matches!(err, HeatError::InvalidInput { ref field, .. } if field == "days"),
            "{err:?}"
        );
    }
}
