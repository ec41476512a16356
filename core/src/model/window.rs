//! Windows of time the engine reconciles and answers queries for.

use chrono::NaiveDate;

use crate::error::InvalidInput;
use crate::limits::{MAX_INSTANT_MS, MAX_WINDOW_DAYS, MIN_INSTANT_MS};

use super::MS_PER_DAY;
use super::local_time::{DayPart, Zone, parse_date};
use super::zone_rules::ZoneDatabase;

/// `[start_ms, end_ms)` seen from an IANA time zone. The zone decides where
/// local days (and so all-day events) begin and end.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    pub start_ms: i64,
    pub end_ms: i64,
    pub time_zone: String,
}

/// A plain half-open interval `[start_ms, end_ms)` of epoch milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeRange {
    pub start_ms: i64,
    pub end_ms: i64,
}

impl TimeRange {
    pub fn minutes(&self) -> f64 {
        (self.end_ms - self.start_ms) as f64 / 60_000.0
    }
}

/// A window checked once: its zone resolved and its bounds within limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedWindow {
    pub start_ms: i64,
    pub end_ms: i64,
    pub zone: Zone,
}

impl TimeWindow {
    /// Local midnight of `first` to local midnight of `end` in `zone` (not
    /// checked: days the zone skipped can make it empty).
    pub fn of_local_days(zone: &Zone, first: NaiveDate, end: NaiveDate) -> Self {
        TimeWindow {
            start_ms: zone.day_start_ms(first),
            end_ms: zone.day_start_ms(end),
            time_zone: zone.name().to_owned(),
        }
    }

    /// The window with its zone resolved in `zones`, or why it is invalid.
    pub fn check(&self, zones: &ZoneDatabase) -> Result<CheckedWindow, InvalidInput> {
        let zone = zones.zone(&self.time_zone, "window.timeZone")?;
        for (field, ms) in [("window.startMs", self.start_ms), ("window.endMs", self.end_ms)] {
            if !(MIN_INSTANT_MS..=MAX_INSTANT_MS).contains(&ms) {
                return Err(InvalidInput::new(field, "outside the years 1900 to 2200"));
            }
        }
        if self.end_ms <= self.start_ms {
            return Err(InvalidInput::new("window.endMs", "must be after window.startMs"));
        }
        if self.end_ms - self.start_ms > MAX_WINDOW_DAYS * MS_PER_DAY {
            return Err(InvalidInput::new(
                "window.endMs",
                format!("the window is longer than {MAX_WINDOW_DAYS} days"),
            ));
        }
        Ok(CheckedWindow {
            start_ms: self.start_ms,
            end_ms: self.end_ms,
            zone,
        })
    }
}

impl CheckedWindow {
    pub fn day_parts(&self) -> Vec<DayPart> {
        self.zone.day_parts(self.start_ms, self.end_ms)
    }

    pub fn to_window(&self) -> TimeWindow {
        TimeWindow {
            start_ms: self.start_ms,
            end_ms: self.end_ms,
            time_zone: self.zone.name().to_owned(),
        }
    }
}

/// The window of `days` whole local days starting at local midnight of
/// `start_date` in `time_zone`, as `zones` has it.
pub fn window_of_days(
    zones: &ZoneDatabase,
    start_date: &str,
    days: u32,
    time_zone: &str,
) -> Result<TimeWindow, InvalidInput> {
    let zone = zones.zone(time_zone, "timeZone")?;
    let first = parse_date(start_date, "startDate")?;
    if days == 0 || i64::from(days) > MAX_WINDOW_DAYS {
        return Err(InvalidInput::new(
            "days",
            format!("must be 1 to {MAX_WINDOW_DAYS}"),
        ));
    }
    let last = first
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .ok_or_else(|| InvalidInput::new("startDate", "too far in the future"))?;
    let window = TimeWindow::of_local_days(&zone, first, last);
    window.check(zones)?;
    Ok(window)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones() -> ZoneDatabase {
        ZoneDatabase::bundled()
    }

    #[test]
    fn a_week_in_berlin_across_the_fall_change_is_one_hour_longer() {
        let w = window_of_days(&zones(), "2026-10-19", 7, "Europe/Berlin").unwrap();
        assert_eq!(w.end_ms - w.start_ms, 7 * MS_PER_DAY + 3_600_000);
        assert_eq!(w.check(&zones()).unwrap().day_parts().len(), 7);
    }

    #[test]
    fn bad_windows_name_their_field() {
        let bad = |w: TimeWindow| w.check(&zones()).unwrap_err().field;
        let ok = TimeWindow {
            start_ms: 0,
            end_ms: MS_PER_DAY,
            time_zone: "UTC".into(),
        };
        assert_eq!(
            bad(TimeWindow {
                end_ms: 0,
                ..ok.clone()
            }),
            "window.endMs"
        );
        assert_eq!(
            bad(TimeWindow {
                time_zone: "Mars/Olympus".into(),
                ..ok.clone()
            }),
            "window.timeZone"
        );
        assert_eq!(
            bad(TimeWindow {
                end_ms: 400 * MS_PER_DAY,
                ..ok.clone()
            }),
            "window.endMs"
        );
        assert_eq!(
            window_of_days(&zones(), "2026-11-30", 0, "UTC")
                .unwrap_err()
                .field,
            "days"
        );
    }
}
