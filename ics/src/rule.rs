//! `RRULE` values read leniently into `rrule` rules (ADR 0014): an empty
//! rule is no rule, a part `rrule` cannot take (`COUNT=-1`) is dropped and
//! the rest kept, a rule without a usable `FREQ` is dropped; each repair is
//! a warning naming the line and the rule part (rule text is never personal
//! data).
//!
//! `UNTIL` is cut out and re-added as a date-time on the series' frame, so
//! `rrule` never reads a floating `UNTIL` on the machine's own zone.

use chrono::{NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rrule::{RRule, RRuleError, Unvalidated};

use crate::content_line::ContentLine;
use crate::frame::Frame;
use crate::report::Fault;
use crate::values::{Stamp, parse_date, parse_date_time};
use crate::zones::Clock;

/// The usable rules of `lines` for a series starting at wall time `start`.
pub fn read_rules<'a>(
    lines: impl Iterator<Item = &'a ContentLine>,
    start: NaiveDateTime,
    frame: Frame<'_>,
    window_zone: Tz,
    warnings: &mut Vec<Fault>,
) -> Vec<RRule> {
    lines
        .filter_map(|line| read_rule(line, start, frame, window_zone, warnings))
        .collect()
}

fn read_rule(
    line: &ContentLine,
    start: NaiveDateTime,
    frame: Frame<'_>,
    window_zone: Tz,
    warnings: &mut Vec<Fault>,
) -> Option<RRule> {
    let dt_start = rrule::Tz::UTC.from_utc_datetime(&start);
    let mut until = None;
    let mut freq = None;
    let mut parts: Vec<&str> = Vec::new();
    for part in line.value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        // RFC 5545's rule grammar is ASCII; the rrule crate slices parts
        // byte-wise and panics inside a multi-byte character (found by the
        // fuzz target), so a part that is not ASCII never reaches it.
        if !part.is_ascii() {
            warnings.push(line.fault("a rule part is not ASCII; the part is ignored"));
            continue;
        }
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let key = key.trim().to_ascii_uppercase();
        match key.as_str() {
            "UNTIL" => match until_wall(value.trim(), frame, window_zone) {
                Some(wall) => until = Some(wall),
                None => warnings.push(line.fault("UNTIL is not a DATE or DATE-TIME; the part is ignored")),
            },
            "FREQ" => freq = Some(part),
            // Extension parts, and the only calendar scale we expand in.
            _ if key.starts_with("X-") => {}
            "RSCALE" if value.trim().eq_ignore_ascii_case("GREGORIAN") => {}
            _ => parts.push(part),
        }
    }
    if line.value.trim().is_empty() {
        warnings.push(line.fault("empty rule; the event does not repeat"));
        return None;
    }
    let Some(freq) = freq.filter(|f| parse(&[f], None, dt_start).is_ok()) else {
        warnings.push(line.fault("no usable FREQ; the rule is ignored and the event does not repeat"));
        return None;
    };
    if until.is_some_and(|until| until < start) {
        warnings.push(line.fault("UNTIL is before DTSTART; only DTSTART occurs"));
        return None;
    }
    let until = until.map(|u| rrule::Tz::UTC.from_utc_datetime(&u));
    let mut kept = vec![freq];
    for part in parts {
        kept.push(part);
        if let Err(e) = parse(&kept, until, dt_start) {
            kept.pop();
            let key = part.split('=').next().unwrap_or(part).trim();
            let key: String = key.chars().take(24).collect();
            warnings.push(line.fault(format!("rule part {key} ignored: {}", short(&e))));
        }
    }
    parse(&kept, until, dt_start).ok()
}

fn parse(
    parts: &[&str],
    until: Option<chrono::DateTime<rrule::Tz>>,
    dt_start: chrono::DateTime<rrule::Tz>,
) -> Result<RRule, RRuleError> {
    let mut rule: RRule<Unvalidated> = parts.join(";").parse()?;
    if let Some(until) = until {
        rule = rule.until(until);
    }
    rule.validate(dt_start)
}

/// `UNTIL` is inclusive: a date covers its whole day on a wall clock.
fn until_wall(value: &str, frame: Frame<'_>, window_zone: Tz) -> Option<NaiveDateTime> {
    if let Some(date) = parse_date(value) {
        let time = match frame {
            Frame::Date => NaiveTime::MIN,
            Frame::Clock(_) => NaiveTime::from_hms_opt(23, 59, 59)?,
        };
        return Some(date.and_time(time));
    }
    let (wall, utc) = parse_date_time(value)?;
    Some(if utc {
        frame.wall_of(Stamp::DateTime(wall, Clock::Utc), window_zone)
    } else {
        // A floating UNTIL is read on the series' own clock.
        wall
    })
}

/// `rrule`'s messages quote the rule (never personal data); keep them short.
fn short(error: &RRuleError) -> String {
    error.to_string().chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_line::content_lines;

    fn rules(text: &str) -> (Vec<RRule>, Vec<Fault>) {
        let lines: Vec<ContentLine> = content_lines(text).into_iter().map(Result::unwrap).collect();
        let start = NaiveDateTime::parse_from_str("2026-01-01T09:00", "%Y-%m-%dT%H:%M").unwrap();
        let mut warnings = Vec::new();
        let frame = Frame::Clock(Clock::Iana(chrono_tz::Europe::Berlin));
        let rules = read_rules(lines.iter(), start, frame, chrono_tz::UTC, &mut warnings);
        (rules, warnings)
    }

    #[test]
    fn empty_and_frequency_less_rules_are_dropped_with_a_warning() {
        for text in ["RRULE:", "RRULE:FREQ=FORTNIGHTLY", "RRULE:COUNT=3"] {
            let (kept, warnings) = rules(text);
            assert!(kept.is_empty(), "{text}");
            assert_eq!(warnings.len(), 1, "{text}");
            assert!(warnings[0].reason.starts_with("RRULE: "), "{warnings:?}");
        }
    }

    #[test]
    fn an_invalid_part_is_dropped_and_the_rest_kept() {
        let (kept, warnings) = rules("RRULE:FREQ=WEEKLY;COUNT=-1;BYDAY=MO,TU");
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].get_count(), None);
        assert_eq!(kept[0].get_by_weekday().len(), 2);
        assert!(warnings[0].reason.contains("COUNT ignored"), "{warnings:?}");
    }

    #[test]
    fn extension_parts_are_ignored_silently() {
        let (kept, warnings) = rules("RRULE:RSCALE=GREGORIAN;FREQ=DAILY;X-VENDOR=1;COUNT=3");
        assert_eq!(kept[0].get_count(), Some(3));
        assert!(warnings.is_empty());
    }
}
