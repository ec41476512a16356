//! Local calendar time: IANA zones, local midnights and the days of a window.
//!
//! All-day events and day summaries are defined in local days, and a local day
//! is not always 24 hours (23 or 25 on DST changes; some zones have skipped
//! midnight itself), so every conversion goes through this one module. A
//! zone's rules come from the `ZoneDatabase` that resolved it (the host's or
//! the bundled copy, `zone_rules`, docs/time-zones.md); everything here is
//! derived from their two answers, so both resolve gaps and overlaps alike.

use std::sync::Arc;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, Utc,
};

use super::zone_rules::ZoneRules;
use super::zone_rules::host::HostZone;
use crate::error::InvalidInput;

const MS_PER_MINUTE: i64 = 60_000;

/// A validated IANA time zone with the rules it resolved to (from a
/// `ZoneDatabase`). Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    rules: Rules,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Rules {
    #[cfg(feature = "bundled-tz")]
    Bundled(chrono_tz::Tz),
    Host(Arc<HostZone>),
}

impl Zone {
    #[cfg(feature = "bundled-tz")]
    pub(super) fn bundled(tz: chrono_tz::Tz) -> Self {
        Zone {
            rules: Rules::Bundled(tz),
        }
    }

    pub(super) fn host(zone: Arc<HostZone>) -> Self {
        Zone {
            rules: Rules::Host(zone),
        }
    }

    pub fn name(&self) -> &str {
        match &self.rules {
            #[cfg(feature = "bundled-tz")]
            Rules::Bundled(tz) => tz.name(),
            Rules::Host(zone) => &zone.name,
        }
    }

    fn rules(&self) -> &dyn ZoneRules {
        match &self.rules {
            #[cfg(feature = "bundled-tz")]
            Rules::Bundled(tz) => tz,
            Rules::Host(zone) => &zone.timeline,
        }
    }

    /// The zone's UTC offset at the instant `ms`.
    pub fn offset_at(&self, ms: i64) -> FixedOffset {
        // Both sources keep offsets within ±18 hours, which `FixedOffset` holds.
        FixedOffset::east_opt(self.rules().offset_seconds_at(ms)).unwrap_or_else(|| Utc.fix())
    }

    /// The instants showing the local wall-clock time `local` (two in an
    /// overlap, earliest first; none in a gap).
    pub fn instants_of_local(&self, local: NaiveDateTime) -> LocalResult<i64> {
        self.rules().instants_of_local(local)
    }

    /// The first instant of `date` in this zone: local midnight, or the first
    /// existing local time after it when a DST gap swallows midnight.
    pub fn day_start_ms(&self, date: NaiveDate) -> i64 {
        let mut local = date.and_time(NaiveTime::MIN);
        loop {
            match self.instants_of_local(local) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t,
                // Gaps are at most a day and start on a minute boundary.
                LocalResult::None => local += Duration::minutes(1),
            }
        }
    }

    /// The instant `ms` on this zone's local clock.
    pub fn local_at(&self, ms: i64) -> DateTime<FixedOffset> {
        let utc = DateTime::from_timestamp_millis(ms).unwrap_or_default();
        utc.with_timezone(&self.offset_at(ms))
    }

    /// The local calendar date containing the instant `ms`.
    pub fn date_of(&self, ms: i64) -> NaiveDate {
        self.local_at(ms).date_naive()
    }

    /// RFC 3339 text of `ms` with this zone's offset at that instant.
    pub fn format_rfc3339(&self, ms: i64) -> String {
        self.local_at(ms)
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }

    /// The local days that `[start_ms, end_ms)` touches, each clipped to it.
    pub fn day_parts(&self, start_ms: i64, end_ms: i64) -> Vec<DayPart> {
        let mut parts = Vec::new();
        let mut date = self.date_of(start_ms);
        let mut day_start = self.day_start_ms(date);
        while day_start < end_ms {
            let Some(next) = date.succ_opt() else { break };
            let day_end = self.day_start_ms(next);
            let part = DayPart {
                date,
                day_start_ms: day_start,
                day_end_ms: day_end,
                start_ms: day_start.max(start_ms),
                end_ms: day_end.min(end_ms),
            };
            if part.start_ms < part.end_ms {
                parts.push(part);
            }
            date = next;
            day_start = day_end;
        }
        parts
    }
}

/// One local day of a window, clipped to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayPart {
    pub date: NaiveDate,
    /// The whole local day, `[day_start_ms, day_end_ms)`.
    pub day_start_ms: i64,
    pub day_end_ms: i64,
    /// The part of the day inside the window, `[start_ms, end_ms)`.
    pub start_ms: i64,
    pub end_ms: i64,
}

impl DayPart {
    /// Whether the window covers the whole local day.
    pub fn is_whole_day(&self) -> bool {
        self.start_ms == self.day_start_ms && self.end_ms == self.day_end_ms
    }

    pub fn minutes(&self) -> f64 {
        (self.end_ms - self.start_ms) as f64 / MS_PER_MINUTE as f64
    }
}

/// Parses a strict ISO `YYYY-MM-DD` date.
pub fn parse_date(text: &str, field: &str) -> Result<NaiveDate, InvalidInput> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let date = well_formed
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    date.ok_or_else(|| InvalidInput::new(field, format!("{text:?} is not a date of the form YYYY-MM-DD")))
}

/// Days since 1970-01-01 (negative before).
pub fn days_from_date(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - i64::from(EPOCH_DAYS_FROM_CE)
}

pub fn date_from_days(days: i64) -> NaiveDate {
    i32::try_from(days + i64::from(EPOCH_DAYS_FROM_CE))
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or_default()
}

const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// Parses RFC 3339 (`2026-11-30T09:00:00+01:00`) or a bare date, which means
/// local midnight in `zone`.
pub fn parse_instant(text: &str, zone: &Zone, field: &str) -> Result<i64, InvalidInput> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp_millis());
    }
    if text.len() == 10 {
        return parse_date(text, field).map(|d| zone.day_start_ms(d));
    }
    Err(InvalidInput::new(
        field,
        format!("{text:?} is neither RFC 3339 nor a date of the form YYYY-MM-DD"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> Zone {
        crate::model::zone_rules::ZoneDatabase::bundled()
            .zone(name, "timeZone")
            .unwrap()
    }

    #[test]
    fn dst_days_last_23_and_25_hours() {
        let berlin = zone("Europe/Berlin");
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let fall = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let hours =
            |d: NaiveDate| (berlin.day_start_ms(d.succ_opt().unwrap()) - berlin.day_start_ms(d)) / 3_600_000;
        assert_eq!(hours(spring), 23);
        assert_eq!(hours(fall), 25);
    }

    #[test]
    fn midnight_swallowed_by_a_gap_starts_the_day_at_the_first_existing_minute() {
        // Santiago skipped 00:00-01:00 on 2022-09-11.
        let santiago = zone("America/Santiago");
        let date = NaiveDate::from_ymd_opt(2022, 9, 11).unwrap();
        let start = santiago.day_start_ms(date);
        assert_eq!(santiago.format_rfc3339(start), "2022-09-11T01:00:00-03:00");
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for text in ["1970-01-01", "1969-12-31", "2026-11-30", "2200-01-01"] {
            let d = parse_date(text, "startDate").unwrap();
            assert_eq!(date_from_days(days_from_date(d)), d);
        }
        assert_eq!(days_from_date(parse_date("1970-01-02", "x").unwrap()), 1);
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for text in [
            "2026-1-30",
            "2026-02-30",
            "20261130",
            "2026-11-30T00:00",
            "",
            "２０２６-11-30",
        ] {
            assert!(parse_date(text, "startDate").is_err(), "{text}");
        }
    }

    #[test]
    fn day_parts_clip_to_the_window() {
        let utc = zone("UTC");
        let parts = utc.day_parts(12 * 3_600_000, 36 * 3_600_000);
        assert_eq!(parts.len(), 2);
        assert!(!parts[0].is_whole_day());
        assert_eq!(parts[0].minutes(), 720.0);
        assert_eq!(parts[1].minutes(), 720.0);
    }
}
