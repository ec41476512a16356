//! When an event happens, seen from a zone, and whether it overlaps a range:
//! the oracle's own reading of `docs/contract.md` "Windows and overlap" and
//! docs/time-zones.md, written on `chrono-tz` without the engine's `Span`,
//! `Zone` or overlap rule, so that a mistake there is not repeated here.

use chrono::{LocalResult, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use heat_core::{EventTime, SourceEvent};

const HOUR_MS: i64 = 3_600_000;

/// The IANA zone `name`; windows and stored digests only name valid zones.
pub fn zone(name: &str) -> Tz {
    name.parse()
        .unwrap_or_else(|e| panic!("the model needs a known time zone, not {name:?}: {e}"))
}

/// A `YYYY-MM-DD` date of an event the store accepted.
pub fn calendar_date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("the model holds only valid dates, not {text:?}: {e}"))
}

/// `[start, end)` of `event` in epoch ms as seen from `zone`: a timed event's
/// own instants; an all-day event from the first instant of its start date
/// to the first instant of its end date.
pub fn interval(event: &SourceEvent, zone: Tz) -> (i64, i64) {
    match &event.time {
        EventTime::Timed { start_ms, end_ms } => (*start_ms, *end_ms),
        EventTime::AllDay { start_date, end_date } => (
            first_instant(calendar_date(start_date), zone),
            first_instant(calendar_date(end_date), zone),
        ),
    }
}

/// The contract's rule: an event overlaps `[from, to)` when it starts before
/// `to` and ends after `from`; an event of zero length at `t` overlaps when
/// `from ≤ t < to`.
pub fn overlaps((start, end): (i64, i64), from: i64, to: i64) -> bool {
    let zero_length = start == end;
    if zero_length {
        let t = start;
        from <= t && t < to
    } else {
        start < to && end > from
    }
}

/// The first instant of `date` in `zone`: local midnight, at its first pass
/// when clocks go back over it; when a gap swallows midnight, the first
/// instant whose local date is `date` or later.
fn first_instant(date: NaiveDate, zone: Tz) -> i64 {
    match zone.from_local_datetime(&date.and_time(NaiveTime::MIN)) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.timestamp_millis(),
        LocalResult::None => first_instant_on_or_after(date, zone),
    }
}

/// Bisection over instants for the first one the zone's clock shows on
/// `date` or later. Offsets lie between −12 h and +14 h, so 15 h before
/// midnight read as UTC the clock still shows an earlier date, and 13 h after
/// it already shows `date` or a later one.
fn first_instant_on_or_after(date: NaiveDate, zone: Tz) -> i64 {
    let shows_date_or_later = |ms: i64| zone.timestamp_millis_opt(ms).unwrap().date_naive() >= date;
    let midnight_read_as_utc = date.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    let (mut earlier, mut later) = (
        midnight_read_as_utc - 15 * HOUR_MS,
        midnight_read_as_utc + 13 * HOUR_MS,
    );
    assert!(!shows_date_or_later(earlier) && shows_date_or_later(later));
    while later - earlier > 1 {
        let middle = earlier + (later - earlier) / 2;
        if shows_date_or_later(middle) {
            later = middle;
        } else {
            earlier = middle;
        }
    }
    later
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_whose_midnight_a_gap_swallows_starts_where_the_gap_ends() {
        // Santiago skipped 00:00-01:00 on 2022-09-11 (docs/time-zones.md):
        // the day starts at 01:00-03:00, 04:00Z.
        let santiago = zone("America/Santiago");
        let date = calendar_date("2022-09-11");
        assert_eq!(first_instant(date, santiago), 1_662_868_800_000);
        assert_eq!(
            first_instant(calendar_date("2022-09-10"), santiago),
            1_662_782_400_000
        );
    }

    #[test]
    fn a_zero_length_event_overlaps_at_the_start_of_a_range_but_not_at_its_end() {
        assert!(overlaps((10, 10), 10, 20));
        assert!(!overlaps((20, 20), 10, 20));
        assert!(!overlaps((5, 10), 10, 20));
        assert!(overlaps((5, 11), 10, 20));
    }
}
