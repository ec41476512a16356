//! Recurrence expansion (`RRULE`, `RDATE`, `EXDATE`) with the `rrule` crate,
//! on the series' wall clock, bounded in work and output.
//!
//! The wall clock is handed to `rrule` as if it were UTC, which has no DST:
//! the rule then yields local wall times (a weekly 09:00 stays 09:00) and
//! [`Frame`] turns them into instants afterwards, so DST, floating times and
//! fixed-offset zones all follow one path. `rrule` cannot start mid-series,
//! so every occurrence from `DTSTART` up to the window is stepped over;
//! [`Budget`] caps those steps per series and per file.

use chrono::{NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rrule::{RRule, RRuleSet, Unvalidated};

use crate::error::InvalidInput;

use super::content_line::ContentLine;
use super::frame::Frame;
use super::values::{Stamp, parse_date, parse_date_time};
use super::zones::Clock;

/// Most occurrences one series may step through before the window ends
/// (a daily series since 1900 is ~46,000).
pub const MAX_STEPS_PER_SERIES: usize = 250_000;
/// Most occurrences all the series of one file may step through.
pub const MAX_STEPS_PER_FILE: usize = 5_000_000;

/// Work left for this file.
#[derive(Debug)]
pub struct Budget {
    pub steps_left: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            steps_left: MAX_STEPS_PER_FILE,
        }
    }
}

/// A recurring series on its frame's wall clock.
pub struct Recurrence<'a> {
    pub uid: &'a str,
    pub frame: Frame,
    pub start: NaiveDateTime,
    pub rrules: &'a [&'a ContentLine],
    pub rdates: Vec<NaiveDateTime>,
    pub exdates: Vec<NaiveDateTime>,
}

/// The wall-clock starts of the occurrences in `[from, upto]`, ascending.
pub fn occurrence_walls(
    recurrence: &Recurrence<'_>,
    from: NaiveDateTime,
    upto: NaiveDateTime,
    window_zone: Tz,
    budget: &mut Budget,
) -> Result<Vec<NaiveDateTime>, InvalidInput> {
    let as_utc = |wall: &NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(wall);
    let dt_start = as_utc(&recurrence.start);
    let mut set = RRuleSet::new(dt_start).limit();
    for line in recurrence.rrules {
        let in_event = |e: InvalidInput| e.of_event(recurrence.uid);
        if let Some(rule) = rule(line, recurrence, window_zone).map_err(in_event)? {
            set = set.rrule(rule);
        }
    }
    // DTSTART is the first occurrence even when the rule does not produce it.
    let mut rdates: Vec<_> = recurrence.rdates.iter().map(as_utc).collect();
    rdates.push(dt_start);
    set = set
        .set_rdates(rdates)
        .set_exdates(recurrence.exdates.iter().map(as_utc).collect());

    let mut walls: Vec<NaiveDateTime> = Vec::new();
    let mut steps = 0usize;
    for occurrence in &set {
        let wall = occurrence.naive_utc();
        if wall > upto {
            break;
        }
        steps += 1;
        if steps > MAX_STEPS_PER_SERIES || budget.steps_left == 0 {
            return Err(InvalidInput::new(
                "RRULE",
                format!(
                    "the series starting {} steps through more than {} occurrences before the window \
                     ends (caps: {MAX_STEPS_PER_SERIES} per series, {MAX_STEPS_PER_FILE} per file); \
                     the rule is too dense to expand",
                    recurrence.start.format("%Y-%m-%dT%H:%M:%S"),
                    steps - 1,
                ),
            )
            .of_event(recurrence.uid));
        }
        budget.steps_left -= 1;
        // A set yields a date twice when an RDATE equals a rule date.
        if wall >= from && walls.last() != Some(&wall) {
            walls.push(wall);
        }
    }
    Ok(walls)
}

/// One `RRULE`, its `UNTIL` read on the series' frame (so `rrule` never sees
/// a floating `UNTIL`, which it would read on the machine's own zone);
/// `X-` parts are ignored, as RFC 5545 allows.
/// `None` when `UNTIL` ends the rule before it starts.
fn rule(
    line: &ContentLine,
    recurrence: &Recurrence<'_>,
    window_zone: Tz,
) -> Result<Option<RRule>, InvalidInput> {
    let mut parts = Vec::new();
    let mut until = None;
    for part in line.value.trim().split(';').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                until = Some(
                    until_wall(value.trim(), recurrence.frame, window_zone).ok_or_else(|| {
                        line.error("UNTIL is not a DATE or DATE-TIME (YYYYMMDD[THHMMSS[Z]])")
                    })?,
                );
            }
            // Extension parts, and the only calendar scale we expand in.
            Some((key, value))
                if key.trim().to_ascii_uppercase().starts_with("X-")
                    || (key.trim().eq_ignore_ascii_case("RSCALE")
                        && value.trim().eq_ignore_ascii_case("GREGORIAN")) => {}
            _ => parts.push(part),
        }
    }
    let mut rule: RRule<Unvalidated> = parts.join(";").parse().map_err(|e: rrule::RRuleError| {
        line.error(format!("unsupported or malformed rule: {}", short(&e)))
    })?;
    if let Some(until) = until {
        if until < recurrence.start {
            return Ok(None);
        }
        rule = rule.until(rrule::Tz::UTC.from_utc_datetime(&until));
    }
    let dt_start = rrule::Tz::UTC.from_utc_datetime(&recurrence.start);
    rule.validate(dt_start)
        .map(Some)
        .map_err(|e| line.error(format!("invalid rule: {}", short(&e))))
}

/// `UNTIL` is inclusive: a date covers its whole day on a wall clock.
fn until_wall(value: &str, frame: Frame, window_zone: Tz) -> Option<NaiveDateTime> {
    if let Some(date) = parse_date(value) {
        let time = match frame {
            Frame::Date => NaiveTime::MIN,
            Frame::Clock(_) => NaiveTime::from_hms_opt(23, 59, 59)?,
        };
        return Some(date.and_time(time));
    }
    let (wall, utc) = parse_date_time(value)?;
    Some(match (utc, frame) {
        (true, _) => frame.wall_of(Stamp::DateTime(wall, Clock::Utc), window_zone),
        // A floating UNTIL is read on the series' own clock.
        (false, _) => wall,
    })
}

/// `rrule`'s messages quote the rule (never personal data); keep them short.
fn short(error: &rrule::RRuleError) -> String {
    error.to_string().chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::content_line::content_lines;

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn expand(rrule: &str, start: &str, from: &str, upto: &str) -> Result<Vec<NaiveDateTime>, InvalidInput> {
        let lines = content_lines(rrule).unwrap();
        let refs: Vec<&ContentLine> = lines.iter().collect();
        let recurrence = Recurrence {
            uid: "u",
            frame: Frame::Clock(Clock::Iana(chrono_tz::Europe::Berlin)),
            start: wall(start),
            rrules: &refs,
            rdates: vec![],
            exdates: vec![],
        };
        occurrence_walls(
            &recurrence,
            wall(from),
            wall(upto),
            chrono_tz::UTC,
            &mut Budget::default(),
        )
    }

    #[test]
    fn only_the_range_is_returned_and_until_is_inclusive() {
        let walls = expand(
            "RRULE:FREQ=DAILY;UNTIL=20261205T080000Z",
            "2026-11-01T09:00",
            "2026-12-01T00:00",
            "2027-01-01T00:00",
        )
        .unwrap();
        assert_eq!(walls.first(), Some(&wall("2026-12-01T09:00")));
        assert_eq!(walls.last(), Some(&wall("2026-12-05T09:00")));
        assert_eq!(walls.len(), 5);
    }

    #[test]
    fn a_runaway_rule_stops_at_the_cap_with_an_error() {
        let started = std::time::Instant::now();
        let err = expand(
            "RRULE:FREQ=SECONDLY",
            "2020-01-01T00:00",
            "2026-12-01T00:00",
            "2026-12-02T00:00",
        )
        .unwrap_err();
        assert_eq!(err.field, "RRULE");
        assert_eq!(err.event_id.as_deref(), Some("u"));
        assert!(started.elapsed().as_secs() < 30);
    }

    #[test]
    fn a_rule_that_never_matches_ends_without_hanging() {
        let walls = expand(
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "2026-01-30T09:00",
            "2026-01-01T00:00",
            "2027-01-01T00:00",
        )
        .unwrap();
        assert_eq!(walls, [wall("2026-01-30T09:00")]);
    }

    #[test]
    fn extension_parts_are_ignored() {
        let plain = expand(
            "RRULE:FREQ=DAILY;COUNT=3",
            "2026-01-01T09:00",
            "2026-01-01T00:00",
            "2026-02-01T00:00",
        );
        let extended = expand(
            "RRULE:RSCALE=GREGORIAN;FREQ=DAILY;X-VENDOR=1;COUNT=3",
            "2026-01-01T09:00",
            "2026-01-01T00:00",
            "2026-02-01T00:00",
        );
        assert_eq!(plain.unwrap().len(), 3);
        assert_eq!(extended.unwrap().len(), 3);
    }

    #[test]
    fn malformed_rules_name_the_line() {
        let err = expand(
            "RRULE:FREQ=FORTNIGHTLY",
            "2026-01-01T09:00",
            "2026-01-01T00:00",
            "2026-02-01T00:00",
        )
        .unwrap_err();
        assert_eq!(err.field, "RRULE");
        assert!(err.reason.starts_with("line 1:"), "{err}");
    }
}
