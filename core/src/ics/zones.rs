//! Which clock a date-time is read on, and the calendar's `TZID`s.
//!
//! A `TZID` resolves, in order, to: an IANA zone; a Windows zone name
//! (Outlook, Exchange); the IANA name at the end of a prefixed id
//! (`/mozilla.org/20050126_1/Europe/Berlin`); the `X-LIC-LOCATION` of its
//! `VTIMEZONE`; a fixed offset when its `VTIMEZONE` has no daylight saving;
//! or the IANA zone its `VTIMEZONE`'s DST rules match (`vtimezone_rules`).
//! Anything else is an error naming the `TZID`: guessing a zone would put
//! events at the wrong hour.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;

use crate::error::InvalidInput;

use super::component::Component;
use super::content_line::ContentLine;
use super::vtimezone_rules::equivalent_zone;
use super::windows_zones::iana_for_windows_name;

/// The clock a wall-clock date-time is read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// `...Z` values.
    Utc,
    /// No `Z`, no `TZID`: the window's zone (RFC 5545 "floating").
    Floating,
    Iana(Tz),
    Fixed(FixedOffset),
}

impl Clock {
    /// The instant (epoch ms) of `wall` on this clock. A wall time in a DST
    /// gap is read with the offset before the gap and an ambiguous one as its
    /// first occurrence (RFC 5545 §3.3.5).
    pub fn to_instant(self, wall: NaiveDateTime, window_zone: Tz) -> i64 {
        match self {
            Clock::Utc => wall.and_utc().timestamp_millis(),
            Clock::Fixed(offset) => minus_offset(wall, offset),
            Clock::Floating => zoned_instant(window_zone, wall),
            Clock::Iana(zone) => zoned_instant(zone, wall),
        }
    }

    /// The wall-clock time this clock shows at instant `ms`.
    pub fn to_wall(self, ms: i64, window_zone: Tz) -> NaiveDateTime {
        let utc = DateTime::from_timestamp_millis(ms).unwrap_or_default();
        match self {
            Clock::Utc => utc.naive_utc(),
            Clock::Fixed(offset) => utc.with_timezone(&offset).naive_local(),
            Clock::Floating => utc.with_timezone(&window_zone).naive_local(),
            Clock::Iana(zone) => utc.with_timezone(&zone).naive_local(),
        }
    }
}

fn minus_offset(wall: NaiveDateTime, offset: FixedOffset) -> i64 {
    (wall - TimeDelta::seconds(offset.local_minus_utc().into()))
        .and_utc()
        .timestamp_millis()
}

fn zoned_instant(zone: Tz, wall: NaiveDateTime) -> i64 {
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.timestamp_millis(),
        LocalResult::Ambiguous(first, _) => first.timestamp_millis(),
        LocalResult::None => {
            // A gap: the offset in force a day earlier is the one before it.
            let before = zone.offset_from_utc_datetime(&(wall - TimeDelta::days(1))).fix();
            minus_offset(wall, before)
        }
    }
}

/// What a `VTIMEZONE` block says, for `TZID`s that are not IANA names.
#[derive(Debug, Clone)]
struct Definition {
    line: usize,
    location: Option<Tz>,
    /// The offset when every observance has the same `TZOFFSETTO`.
    fixed: Option<FixedOffset>,
    /// The IANA zone with the same DST rules, for the other custom zones.
    equivalent: Option<Tz>,
}

/// The `TZID`s of one file and the `VTIMEZONE`s that define them.
#[derive(Debug, Default)]
pub struct ZoneTable {
    definitions: HashMap<String, Definition>,
}

impl ZoneTable {
    pub fn new(calendars: &[Component]) -> Self {
        let definitions = calendars
            .iter()
            .flat_map(|c| c.children_named("VTIMEZONE"))
            .filter_map(|vtimezone| {
                let tzid = vtimezone.property("TZID")?.value.trim();
                // A known name needs no definition (and no rule matching).
                if iana(tzid).is_some() || iana_suffix(tzid).is_some() {
                    return None;
                }
                Some((tzid.to_owned(), definition(vtimezone)))
            })
            .collect();
        ZoneTable { definitions }
    }

    /// The clock of a date-time property: its `TZID`, else UTC (`Z`) or floating.
    pub fn clock_of(&self, property: &ContentLine, utc: bool) -> Result<Clock, InvalidInput> {
        match (property.param("TZID"), utc) {
            (_, true) => Ok(Clock::Utc),
            (None, false) => Ok(Clock::Floating),
            (Some(tzid), false) => self.resolve(tzid).ok_or_else(|| self.unknown(property, tzid)),
        }
    }

    fn resolve(&self, tzid: &str) -> Option<Clock> {
        let tzid = tzid.trim();
        if let Some(zone) = iana(tzid) {
            return Some(Clock::Iana(zone));
        }
        if let Some(zone) = iana_suffix(tzid) {
            return Some(Clock::Iana(zone));
        }
        let definition = self.definitions.get(tzid)?;
        definition
            .location
            .or(definition.equivalent)
            .map(Clock::Iana)
            .or(definition.fixed.map(Clock::Fixed))
    }

    fn unknown(&self, property: &ContentLine, tzid: &str) -> InvalidInput {
        let shown: String = tzid.chars().take(80).collect();
        let why = match self.definitions.get(tzid.trim()) {
            Some(d) => format!(
                "its VTIMEZONE at line {} has daylight-saving rules that no IANA zone follows from 2015 to 2035",
                d.line
            ),
            None => "and no VTIMEZONE defines it".to_owned(),
        };
        property.error(format!(
            "unknown time zone TZID {shown:?}: not an IANA zone nor a known Windows zone name, {why}"
        ))
    }
}

fn iana(name: &str) -> Option<Tz> {
    name.parse::<Tz>()
        .ok()
        .or_else(|| iana_for_windows_name(name).and_then(|n| n.parse().ok()))
}

/// `/mozilla.org/20050126_1/America/Argentina/Buenos_Aires` → the longest
/// trailing `/`-separated part that is an IANA name.
fn iana_suffix(tzid: &str) -> Option<Tz> {
    tzid.match_indices('/')
        .map(|(i, _)| &tzid[i + 1..])
        .find_map(|suffix| suffix.parse::<Tz>().ok())
}

fn definition(vtimezone: &Component) -> Definition {
    let location = vtimezone
        .property("X-LIC-LOCATION")
        .and_then(|p| p.value.trim().parse::<Tz>().ok());
    let mut offsets = vtimezone
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
        .map(|observance| {
            observance
                .property("TZOFFSETTO")
                .and_then(|p| parse_utc_offset(&p.value))
        });
    let first = offsets.next().flatten();
    let fixed = first.filter(|_| offsets.all(|o| o == first));
    let equivalent = if location.is_none() && fixed.is_none() {
        equivalent_zone(vtimezone)
    } else {
        None
    };
    Definition {
        line: vtimezone.line,
        location,
        fixed,
        equivalent,
    }
}

/// `+0100`, `-0530`, `+013045`.
pub(super) fn parse_utc_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let field = |range: std::ops::Range<usize>| digits.get(range).and_then(|s| s.parse::<i32>().ok());
    let seconds = field(0..2)? * 3600 + field(2..4)? * 60 + field(4..6).unwrap_or(0);
    FixedOffset::east_opt(sign * seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::component::components;
    use crate::ics::content_line::content_lines;
    use chrono::NaiveDate;

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn gap_times_use_the_offset_before_and_repeated_times_the_first() {
        let berlin = Clock::Iana(chrono_tz::Europe::Berlin);
        let utc = chrono_tz::UTC;
        // 02:30 does not exist on 2026-03-29: read at +01:00, it is 03:30 CEST.
        let gap = berlin.to_instant(wall("2026-03-29T02:30"), utc);
        assert_eq!(gap, Clock::Utc.to_instant(wall("2026-03-29T01:30"), utc));
        // 02:30 happens twice on 2026-10-25: the first is at +02:00.
        let repeated = berlin.to_instant(wall("2026-10-25T02:30"), utc);
        assert_eq!(repeated, Clock::Utc.to_instant(wall("2026-10-25T00:30"), utc));
    }

    #[test]
    fn floating_times_are_read_in_the_window_zone() {
        let tokyo = chrono_tz::Asia::Tokyo;
        let ms = Clock::Floating.to_instant(wall("2026-11-30T09:00"), tokyo);
        assert_eq!(ms, Clock::Utc.to_instant(wall("2026-11-30T00:00"), tokyo));
        assert_eq!(Clock::Floating.to_wall(ms, tokyo), wall("2026-11-30T09:00"));
    }

    fn table(text: &str) -> ZoneTable {
        ZoneTable::new(&components(content_lines(text).unwrap()).unwrap())
    }

    fn dtstart(tzid: &str) -> ContentLine {
        content_lines(&format!("DTSTART;TZID=\"{tzid}\":20260101T090000")).unwrap()[0].clone()
    }

    #[test]
    fn resolves_iana_windows_prefixed_and_located_ids() {
        let zones = table(
            "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Office\nX-LIC-LOCATION:Asia/Tokyo\nEND:VTIMEZONE\n\
             BEGIN:VTIMEZONE\nTZID:Plus5\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0500\n\
             TZOFFSETTO:+0500\nEND:STANDARD\nEND:VTIMEZONE\nEND:VCALENDAR\n",
        );
        let clock = |tzid: &str| zones.clock_of(&dtstart(tzid), false).unwrap();
        assert_eq!(clock("Europe/Berlin"), Clock::Iana(chrono_tz::Europe::Berlin));
        assert_eq!(
            clock("W. Europe Standard Time"),
            Clock::Iana(chrono_tz::Europe::Berlin)
        );
        assert_eq!(
            clock("Eastern Standard Time"),
            Clock::Iana(chrono_tz::America::New_York)
        );
        assert_eq!(
            clock("/mozilla.org/20050126_1/America/Argentina/Buenos_Aires"),
            Clock::Iana(chrono_tz::America::Argentina::Buenos_Aires)
        );
        assert_eq!(clock("Office"), Clock::Iana(chrono_tz::Asia::Tokyo));
        assert_eq!(
            clock("Plus5"),
            Clock::Fixed(FixedOffset::east_opt(5 * 3600).unwrap())
        );
        let noon = NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(
            clock("Plus5").to_instant(noon, chrono_tz::UTC),
            Clock::Utc.to_instant(noon - TimeDelta::hours(5), chrono_tz::UTC)
        );
    }

    #[test]
    fn custom_dst_zones_and_undefined_ids_are_reported_by_name() {
        let zones = table(
            "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\n\
             DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nBEGIN:DAYLIGHT\n\
             DTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\nEND:VTIMEZONE\n\
             END:VCALENDAR\n",
        );
        let err = zones
            .clock_of(&dtstart("Customized Time Zone"), false)
            .unwrap_err();
        assert_eq!(err.field, "DTSTART");
        assert!(
            err.reason.contains("\"Customized Time Zone\"") && err.reason.contains("line 2"),
            "{err}"
        );
        let err = zones.clock_of(&dtstart("Mars/Olympus"), false).unwrap_err();
        assert!(
            err.reason.contains("Mars/Olympus") && err.reason.contains("no VTIMEZONE"),
            "{err}"
        );
    }
}
