//! RFC 5545 value types the importer reads: DATE, DATE-TIME, PERIOD and
//! DURATION. Faults name the property and line, never the value.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::content_line::ContentLine;
use crate::report::Fault;
use crate::zones::{Clock, ZoneTable};

/// A point in time as written: a floating date, or a wall-clock time on a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp<'z> {
    Date(NaiveDate),
    DateTime(NaiveDateTime, Clock<'z>),
}

/// A DURATION: whole days (nominal: the same wall time N days later) plus
/// exact seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Length {
    pub days: i64,
    pub seconds: i64,
}

/// The end of a PERIOD (`start/end` or `start/duration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodEnd<'z> {
    At(Stamp<'z>),
    After(Length),
}

/// The single DATE or DATE-TIME of `DTSTART`, `DTEND`, `RECURRENCE-ID`.
pub fn stamp<'z>(property: &ContentLine, zones: &'z ZoneTable) -> Result<Stamp<'z>, Fault> {
    match stamps(property, zones)?.as_slice() {
        [(one, None)] => Ok(*one),
        _ => Err(property.fault("expected exactly one DATE or DATE-TIME value")),
    }
}

/// The comma-separated values of `RDATE` / `EXDATE`, each a DATE or a
/// DATE-TIME (whatever `VALUE` says: producers mix them), or a PERIOD.
pub fn stamps<'z>(
    property: &ContentLine,
    zones: &'z ZoneTable,
) -> Result<Vec<(Stamp<'z>, Option<PeriodEnd<'z>>)>, Fault> {
    property
        .value
        .split(',')
        .map(|item| {
            let item = item.trim();
            match item.split_once('/') {
                Some((start, end)) => {
                    let start = one_stamp(property, start.trim(), zones)?;
                    let end = end.trim();
                    let end = match parse_duration(end) {
                        Some(length) => PeriodEnd::After(length),
                        None => PeriodEnd::At(one_stamp(property, end, zones)?),
                    };
                    Ok((start, Some(end)))
                }
                None => Ok((one_stamp(property, item, zones)?, None)),
            }
        })
        .collect()
}

fn one_stamp<'z>(property: &ContentLine, item: &str, zones: &'z ZoneTable) -> Result<Stamp<'z>, Fault> {
    if item.len() == 8 {
        return parse_date(item)
            .map(Stamp::Date)
            .ok_or_else(|| property.fault("not a DATE (YYYYMMDD)"));
    }
    let (wall, utc) =
        parse_date_time(item).ok_or_else(|| property.fault("not a DATE-TIME (YYYYMMDDTHHMMSS[Z])"))?;
    Ok(Stamp::DateTime(wall, zones.clock_of(property, utc)))
}

/// `YYYYMMDD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let digits = |range: std::ops::Range<usize>| {
        text.get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<u32>().ok())
    };
    if text.len() != 8 {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(4..6)?, digits(6..8)?)
}

/// `YYYYMMDDTHHMMSS` with an optional `Z` (true when present).
pub fn parse_date_time(text: &str) -> Option<(NaiveDateTime, bool)> {
    let (text, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (date, time) = text.split_once(['T', 't'])?;
    if time.len() != 6 || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |range: std::ops::Range<usize>| time[range].parse::<u32>().ok();
    let time = NaiveTime::from_hms_opt(part(0..2)?, part(2..4)?, part(4..6)?)?;
    Some((parse_date(date)?.and_time(time), utc))
}

/// A DATE-TIME as written, or a DATE as its midnight: the onsets of a
/// `VTIMEZONE` observance (some producers write `DTSTART:19700329`).
pub fn parse_wall(text: &str) -> Option<NaiveDateTime> {
    parse_date_time(text)
        .map(|(wall, _)| wall)
        .or_else(|| parse_date(text).map(|date| date.and_time(NaiveTime::MIN)))
}

/// `[+-]P[nW][nD][T[nH][nM][nS]]`.
pub fn duration(property: &ContentLine) -> Result<Length, Fault> {
    parse_duration(property.value.trim()).ok_or_else(|| property.fault("not a DURATION (e.g. PT1H30M, P1D)"))
}

fn parse_duration(text: &str) -> Option<Length> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let (mut days, mut seconds, mut in_time, mut number, mut any) = (0i64, 0i64, false, None::<i64>, false);
    for c in rest.chars() {
        if let Some(digit) = c.to_digit(10) {
            number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit.into())?);
            continue;
        }
        let unit = c.to_ascii_uppercase();
        if unit == 'T' && !in_time && number.is_none() {
            in_time = true;
            continue;
        }
        let n = number.take()?;
        match (unit, in_time) {
            ('W', false) => days = days.checked_add(n.checked_mul(7)?)?,
            ('D', false) => days = days.checked_add(n)?,
            ('H', true) => seconds = seconds.checked_add(n.checked_mul(3600)?)?,
            ('M', true) => seconds = seconds.checked_add(n.checked_mul(60)?)?,
            ('S', true) => seconds = seconds.checked_add(n)?,
            _ => return None,
        }
        any = true;
    }
    (any && number.is_none()).then_some(Length {
        days: sign * days,
        seconds: sign * seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_line::content_lines;

    fn line(text: &str) -> ContentLine {
        content_lines(text).remove(0).unwrap()
    }

    #[test]
    fn reads_dates_date_times_and_lists() {
        let zones = ZoneTable::default();
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            stamp(&line("DTSTART;VALUE=DATE:20261130"), &zones).unwrap(),
            Stamp::Date(d)
        );
        let nine = d.and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            stamp(&line("DTSTART:20261130T090000Z"), &zones).unwrap(),
            Stamp::DateTime(nine, Clock::Utc)
        );
        assert_eq!(
            stamp(&line("DTSTART:20261130T090000"), &zones).unwrap(),
            Stamp::DateTime(nine, Clock::Floating)
        );
        let list = stamps(
            &line("EXDATE;TZID=Europe/Berlin:20261130T090000,20261207T090000"),
            &zones,
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            list[0],
            (
                Stamp::DateTime(nine, Clock::Iana(chrono_tz::Europe::Berlin)),
                None
            )
        );
        let periods = stamps(
            &line("RDATE;VALUE=PERIOD:20261130T090000Z/PT1H,20261130T090000Z/20261130T100000Z"),
            &zones,
        )
        .unwrap();
        let hour = Length {
            days: 0,
            seconds: 3600,
        };
        let ten = Stamp::DateTime(d.and_hms_opt(10, 0, 0).unwrap(), Clock::Utc);
        assert_eq!(
            periods,
            [
                (Stamp::DateTime(nine, Clock::Utc), Some(PeriodEnd::After(hour))),
                (Stamp::DateTime(nine, Clock::Utc), Some(PeriodEnd::At(ten)))
            ]
        );
        let mixed = stamps(&line("EXDATE:20261130,20261130T090000Z"), &zones).unwrap();
        assert_eq!(mixed[0].0, Stamp::Date(d));
        assert_eq!(mixed[1].0, Stamp::DateTime(nine, Clock::Utc));
    }

    #[test]
    fn malformed_values_name_property_and_line() {
        let zones = ZoneTable::default();
        for text in [
            "DTSTART:20261131T090000",
            "DTSTART:2026-11-30",
            "DTSTART:20261130T0900",
            "DTSTART:",
        ] {
            let fault = stamp(&line(text), &zones).unwrap_err();
            assert_eq!(fault.line, 1, "{text}");
            assert!(fault.reason.starts_with("DTSTART: "), "{fault:?}");
        }
    }

    #[test]
    fn durations() {
        let d = |t: &str| parse_duration(t);
        assert_eq!(
            d("PT1H30M"),
            Some(Length {
                days: 0,
                seconds: 5400
            })
        );
        assert_eq!(d("P1W"), Some(Length { days: 7, seconds: 0 }));
        assert_eq!(
            d("P1DT12H"),
            Some(Length {
                days: 1,
                seconds: 43_200
            })
        );
        assert_eq!(
            d("-PT15M"),
            Some(Length {
                days: 0,
                seconds: -900
            })
        );
        for bad in ["P", "PT", "1H", "PT1D", "P1H", "PT1H2", "P99999999999999999999D"] {
            assert_eq!(d(bad), None, "{bad}");
        }
    }
}
