//! Which clock a date-time is read on, and the calendar's `TZID`s.
//!
//! A `TZID` resolves, in order, to: an IANA zone; a Windows zone name
//! (Outlook, Exchange); the IANA name at the end of a prefixed id
//! (`/mozilla.org/20050126_1/Europe/Berlin`); the file's own `VTIMEZONE`
//! of that `TZID`, evaluated from its `STANDARD`/`DAYLIGHT` rules (RFC 5545
//! §3.6.5: the file defines the zone, whatever its name); that
//! `VTIMEZONE`'s `X-LIC-LOCATION` when it has no usable rules. A `TZID`
//! nothing defines is read on the calendar's `X-WR-TIMEZONE`, else on UTC,
//! with a warning (ADR 0014). A floating time (no `TZID`, no `Z`) is read on
//! `X-WR-TIMEZONE` too when the calendar names one, as Google Calendar and
//! the readers built for its feeds do (docs/ics.md), else on the window's
//! zone (RFC 5545 §3.3.5).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;

use crate::component::Component;
use crate::content_line::ContentLine;
use crate::expand::Budget;
use crate::report::Fault;
use crate::vtimezone_rules::{DefinedZone, MAX_ZONE_STEPS_PER_FILE};
use crate::windows_zones::iana_for_windows_name;

/// The clock a wall-clock date-time is read on.
#[derive(Debug, Clone, Copy)]
pub enum Clock<'z> {
    /// `...Z` values.
    Utc,
    /// No `Z`, no `TZID`, no `X-WR-TIMEZONE`: the window's zone (RFC 5545
    /// "floating").
    Floating,
    Iana(Tz),
    Fixed(FixedOffset),
    /// A zone the file defines in a `VTIMEZONE`.
    Defined(&'z DefinedZone),
}

impl PartialEq for Clock<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Clock::Utc, Clock::Utc) | (Clock::Floating, Clock::Floating) => true,
            (Clock::Iana(a), Clock::Iana(b)) => a == b,
            (Clock::Fixed(a), Clock::Fixed(b)) => a == b,
            (Clock::Defined(a), Clock::Defined(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }
}

impl Eq for Clock<'_> {}

impl Clock<'_> {
    /// The instant (epoch ms) of `wall` on this clock. A wall time in a DST
    /// gap is read with the offset before the gap and an ambiguous one as its
    /// first occurrence (RFC 5545 §3.3.5).
    pub fn to_instant(self, wall: NaiveDateTime, window_zone: Tz) -> i64 {
        match self {
            Clock::Utc => wall.and_utc().timestamp_millis(),
            Clock::Fixed(offset) => minus_offset(wall, offset.local_minus_utc()),
            Clock::Floating => zoned_instant(window_zone, wall),
            Clock::Iana(zone) => zoned_instant(zone, wall),
            Clock::Defined(zone) => zone.to_instant(wall),
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
            Clock::Defined(zone) => zone.to_wall(ms),
        }
    }
}

/// Epoch ms of `wall` read at `offset_seconds` east of UTC.
pub(crate) fn minus_offset(wall: NaiveDateTime, offset_seconds: i32) -> i64 {
    (wall - TimeDelta::seconds(offset_seconds.into()))
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
            minus_offset(wall, before.local_minus_utc())
        }
    }
}

/// The `TZID`s of one file that are not zone names, and what reads them.
#[derive(Debug, Default)]
pub struct ZoneTable {
    defined: HashMap<String, DefinedZone>,
    /// `X-LIC-LOCATION` of `VTIMEZONE`s without usable rules.
    located: HashMap<String, Tz>,
    /// The calendar's `X-WR-TIMEZONE` when it resolves: the clock of
    /// floating times (else the window's zone) and of `TZID`s nothing
    /// defines (else UTC).
    fallback: Option<String>,
}

impl ZoneTable {
    /// Reads the `VTIMEZONE`s of the `TZID`s the calendars use, evaluating
    /// their rules up to `horizon`; each `TZID` nothing defines is added
    /// to `warnings` once (at its first use).
    pub fn new(calendars: &[Component], horizon: NaiveDateTime, warnings: &mut Vec<Fault>) -> Self {
        let vtimezones: HashMap<&str, &Component> = calendars
            .iter()
            .flat_map(|c| c.children_named("VTIMEZONE"))
            .filter_map(|v| Some((v.property("TZID")?.value.trim(), v)))
            .collect();
        let mut table = ZoneTable::default();
        let wr_timezone = calendars
            .iter()
            .filter_map(|c| c.property("X-WR-TIMEZONE"))
            .map(|p| p.value.trim())
            .find(|name| !name.is_empty());
        let mut unknown: Vec<(&str, usize)> = Vec::new();
        let mut budget = Budget::new(MAX_ZONE_STEPS_PER_FILE);
        // `used_tzids` lists each TZID once; X-WR-TIMEZONE (line 0) is never reported.
        for (tzid, line) in used_tzids(calendars)
            .into_iter()
            .chain(wr_timezone.map(|n| (n, 0)))
        {
            if known(tzid).is_some() || table.defined.contains_key(tzid) || table.located.contains_key(tzid) {
                continue;
            }
            let vtimezone = vtimezones.get(tzid);
            if let Some(zone) = vtimezone.and_then(|v| DefinedZone::read(v, horizon, &mut budget)) {
                table.defined.insert(tzid.to_owned(), zone);
            } else if let Some(zone) = vtimezone.and_then(|v| location(v)) {
                table.located.insert(tzid.to_owned(), zone);
            } else if line > 0 {
                unknown.push((tzid, line));
            }
        }
        table.fallback = wr_timezone
            .filter(|name| table.resolve(name).is_some())
            .map(str::to_owned);
        for (tzid, line) in unknown {
            let read_as = match &table.fallback {
                Some(name) => format!("the calendar's X-WR-TIMEZONE {:?}", shown(name)),
                None => "UTC".to_owned(),
            };
            warnings.push(Fault::new(
                line,
                format!(
                    "TZID {:?} is neither a known zone name nor defined by a usable VTIMEZONE: \
                     read as {read_as}",
                    shown(tzid)
                ),
            ));
        }
        table
    }

    /// The clock of a date-time property: its `TZID`, else UTC (`Z`), else
    /// (floating) the calendar's `X-WR-TIMEZONE` when it names a zone, else
    /// the window's zone.
    pub fn clock_of(&self, property: &ContentLine, utc: bool) -> Clock<'_> {
        match (property.param("TZID"), utc) {
            (_, true) => Clock::Utc,
            (None, false) => self
                .fallback
                .as_deref()
                .and_then(|name| self.resolve(name))
                .unwrap_or(Clock::Floating),
            (Some(tzid), false) => self
                .resolve(tzid)
                .or_else(|| self.resolve(self.fallback.as_deref()?))
                .unwrap_or(Clock::Utc),
        }
    }

    fn resolve(&self, tzid: &str) -> Option<Clock<'_>> {
        let tzid = tzid.trim();
        known(tzid)
            .map(Clock::Iana)
            .or_else(|| self.defined.get(tzid).map(Clock::Defined))
            .or_else(|| self.located.get(tzid).copied().map(Clock::Iana))
    }
}

/// A `TZID` as shown in a warning (not personal data, but bounded).
fn shown(tzid: &str) -> String {
    tzid.chars().take(80).collect()
}

/// Every `TZID` parameter outside `VTIMEZONE`s, with the line of its first use.
fn used_tzids(calendars: &[Component]) -> Vec<(&str, usize)> {
    let mut used: Vec<(&str, usize)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for component in calendars
        .iter()
        .flat_map(|c| c.children.iter())
        .filter(|c| c.name != "VTIMEZONE")
        .flat_map(Component::descendants)
    {
        for property in &component.properties {
            let Some(tzid) = property.param("TZID").map(str::trim) else {
                continue;
            };
            if seen.insert(tzid) {
                used.push((tzid, property.line));
            }
        }
    }
    used
}

/// A zone name: IANA, Windows, or an IANA name at the end of a prefixed id.
fn known(tzid: &str) -> Option<Tz> {
    iana(tzid).or_else(|| iana_suffix(tzid))
}

fn location(vtimezone: &Component) -> Option<Tz> {
    vtimezone
        .property("X-LIC-LOCATION")
        .and_then(|p| p.value.trim().parse::<Tz>().ok())
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

/// `+0100`, `-0530`, `+013045`.
pub(crate) fn parse_utc_offset(text: &str) -> Option<FixedOffset> {
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
    use crate::component::components;
    use crate::content_line::content_lines;
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

    fn table(text: &str) -> (ZoneTable, Vec<Fault>) {
        let calendars = components(content_lines(text)).unwrap().calendars;
        let mut warnings = Vec::new();
        let horizon = wall("2040-01-01T00:00");
        (ZoneTable::new(&calendars, horizon, &mut warnings), warnings)
    }

    fn dtstart(tzid: &str) -> ContentLine {
        let text = format!("DTSTART;TZID=\"{tzid}\":20260101T090000");
        content_lines(&text).remove(0).unwrap()
    }

    fn calendar(header: &str, zones: &str, tzids: &[&str]) -> String {
        let events: String = tzids
            .iter()
            .map(|t| format!("BEGIN:VEVENT\nDTSTART;TZID=\"{t}\":20260101T090000\nEND:VEVENT\n"))
            .collect();
        format!("BEGIN:VCALENDAR\n{header}{zones}{events}END:VCALENDAR\n")
    }

    #[test]
    fn resolves_iana_windows_prefixed_located_and_fixed_ids() {
        let zones = "BEGIN:VTIMEZONE\nTZID:Office\nX-LIC-LOCATION:Asia/Tokyo\nEND:VTIMEZONE\n\
             BEGIN:VTIMEZONE\nTZID:Plus5\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0500\n\
             TZOFFSETTO:+0500\nEND:STANDARD\nEND:VTIMEZONE\n";
        let (zones, warnings) = table(&calendar("", zones, &["Office", "Plus5"]));
        assert!(warnings.is_empty(), "{warnings:?}");
        let clock = |tzid: &str| zones.clock_of(&dtstart(tzid), false);
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
    fn undefined_ids_fall_back_to_x_wr_timezone_else_utc_with_one_warning_each() {
        let text = calendar(
            "X-WR-TIMEZONE:America/Chicago\n",
            "",
            &["Mars/Olympus", "Mars/Olympus"],
        );
        let (zones, warnings) = table(&text);
        assert_eq!(
            zones.clock_of(&dtstart("Mars/Olympus"), false),
            Clock::Iana(chrono_tz::America::Chicago)
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 4);
        assert!(
            warnings[0].reason.contains("\"Mars/Olympus\"") && warnings[0].reason.contains("America/Chicago"),
            "{warnings:?}"
        );
        let (zones, warnings) = table(&calendar("", "", &["Mars/Olympus"]));
        assert_eq!(zones.clock_of(&dtstart("Mars/Olympus"), false), Clock::Utc);
        assert!(warnings[0].reason.ends_with("read as UTC"), "{warnings:?}");
    }
}
