//! Custom `VTIMEZONE`s with daylight saving (Outlook's "Customized Time
//! Zone", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"):
//! their observances are expanded and the zone is replaced by the first IANA
//! zone (common ones first) that shows the same offsets around every
//! transition from 2015 to 2035. No match means no guess: the caller reports
//! the `TZID`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{TZ_VARIANTS, Tz};

use super::component::Component;
use super::content_line::ContentLine;
use super::expand::{Budget, Recurrence, occurrence_walls};
use super::frame::Frame;
use super::values::parse_date_time;
use super::windows_zones::common_iana_names;
use super::zones::{Clock, parse_utc_offset};

const FIRST_YEAR: i32 = 2015;
const END_YEAR: i32 = 2036;
const HOUR_MS: i64 = 3_600_000;

/// The IANA zone that keeps the offsets of `vtimezone`, if one does.
pub fn equivalent_zone(vtimezone: &Component) -> Option<Tz> {
    let samples = samples(&transitions(vtimezone)?);
    if samples.is_empty() {
        return None;
    }
    let common = common_iana_names().filter_map(|name| name.parse::<Tz>().ok());
    common
        .chain(TZ_VARIANTS.iter().copied())
        .find(|zone| samples.iter().all(|&(ms, offset)| offset_at(*zone, ms) == offset))
}

/// `(instant, offset after it)` of each transition in the years checked.
fn transitions(vtimezone: &Component) -> Option<Vec<(i64, i32)>> {
    let year_start = |year| NaiveDate::from_ymd_opt(year, 1, 1).map(|d| d.and_time(chrono::NaiveTime::MIN));
    let (from, upto) = (year_start(FIRST_YEAR)?, year_start(END_YEAR)?);
    let mut transitions = Vec::new();
    for observance in vtimezone
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
    {
        let offset = |name: &str| observance.property(name).and_then(|p| parse_utc_offset(&p.value));
        let (before, after) = (offset("TZOFFSETFROM")?, offset("TZOFFSETTO")?);
        let (start, _) = parse_date_time(observance.property("DTSTART")?.value.trim())?;
        let rrules: Vec<&ContentLine> = observance.properties_named("RRULE").collect();
        let rdates = observance
            .properties_named("RDATE")
            .flat_map(|p| p.value.split(','))
            .filter_map(|v| parse_date_time(v.trim()).map(|(wall, _)| wall))
            .collect();
        let recurrence = Recurrence {
            uid: "VTIMEZONE",
            frame: Frame::Clock(Clock::Fixed(before)),
            start,
            rrules: &rrules,
            rdates,
            exdates: Vec::new(),
        };
        let walls = occurrence_walls(&recurrence, from, upto, chrono_tz::UTC, &mut Budget::default()).ok()?;
        let after_seconds = after.local_minus_utc();
        transitions.extend(walls.into_iter().map(|wall: NaiveDateTime| {
            (
                Clock::Fixed(before).to_instant(wall, chrono_tz::UTC),
                after_seconds,
            )
        }));
    }
    transitions.sort_unstable();
    Some(transitions)
}

/// Instants and the offset a matching zone must show there: an hour after
/// each transition, an hour before the next one.
fn samples(transitions: &[(i64, i32)]) -> Vec<(i64, i32)> {
    let mut samples = Vec::new();
    for (i, &(at, offset)) in transitions.iter().enumerate() {
        samples.push((at + HOUR_MS, offset));
        if let Some(&(next, _)) = transitions.get(i + 1) {
            samples.push((next - HOUR_MS, offset));
        }
    }
    samples
}

fn offset_at(zone: Tz, ms: i64) -> i32 {
    let utc = DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .naive_utc();
    zone.offset_from_utc_datetime(&utc).fix().local_minus_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::component::components;
    use crate::ics::content_line::content_lines;

    fn vtimezone(observances: &str) -> Component {
        let text = format!(
            "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Custom\n{observances}END:VTIMEZONE\nEND:VCALENDAR\n"
        );
        components(content_lines(&text).unwrap())
            .unwrap()
            .remove(0)
            .children
            .remove(0)
    }

    const CENTRAL_EUROPE: &str = "BEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\n\
        TZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n\
        BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\n";

    #[test]
    fn outlook_custom_central_european_rules_match_a_common_zone() {
        let zone = equivalent_zone(&vtimezone(CENTRAL_EUROPE)).unwrap();
        // Every candidate that matches keeps Berlin's offsets; the common list
        // puts Europe/Berlin (W. Europe Standard Time) first among them.
        assert_eq!(zone, chrono_tz::Europe::Berlin);
    }

    #[test]
    fn us_rules_with_an_until_and_a_later_rule_match_new_york() {
        let us = "BEGIN:STANDARD\nDTSTART:19671029T020000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z\n\
            TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD\nBEGIN:STANDARD\nDTSTART:20071104T020000\n\
            RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD\n\
            BEGIN:DAYLIGHT\nDTSTART:20070311T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\n\
            TZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nEND:DAYLIGHT\n";
        assert_eq!(
            equivalent_zone(&vtimezone(us)),
            Some(chrono_tz::America::New_York)
        );
    }

    #[test]
    fn rules_no_zone_follows_are_not_guessed() {
        let odd = CENTRAL_EUROPE.replace("BYMONTH=10", "BYMONTH=9");
        assert_eq!(equivalent_zone(&vtimezone(&odd)), None);
    }
}
