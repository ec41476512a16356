//! One `VEVENT` read into what the engine needs: its times, its recurrence
//! properties, and the fields that decide its heat.
//!
//! A fault in what the engine reads (`DTSTART`, `DTEND`, `DURATION`, the
//! recurrence properties, `UID`) skips the event; recoverable ones are
//! repaired with a warning (ADR 0014): `DTEND` before `DTSTART` is swapped,
//! an unusable rule or rule part is dropped, an empty `RDATE`/`EXDATE` and
//! a malformed parameter on a property the engine never reads are ignored.

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use rrule::RRule;

use heat_core::limits::MAX_TEXT_BYTES;
use heat_core::model::{Availability, EventStatus, Participation};

use crate::component::Component;
use crate::content_line::{ContentLine, unescape_text};
use crate::frame::Frame;
use crate::report::Fault;
use crate::rule::read_rules;
use crate::values::{Length, PeriodEnd, Stamp, duration, parse_date_time, stamp, stamps};
use crate::zones::ZoneTable;

/// Longest event accepted (a century): longer ones are typos, and bounding
/// them keeps all date arithmetic far from overflow.
const MAX_EVENT_DAYS: i64 = 36_525;

/// Properties whose parameters decide the event's times or identity: a
/// malformed parameter on one of them skips the event.
pub const READ_FOR_TIMES: [&str; 8] = [
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "UID",
];

#[derive(Debug, Clone)]
pub struct Vevent<'a> {
    /// Line of its `BEGIN:VEVENT`.
    pub line: usize,
    pub uid: String,
    /// Whether `uid` is the file's `UID` (else derived from the event's lines).
    pub has_uid: bool,
    pub recurrence_id: Option<RecurrenceId<'a>>,
    pub start: Stamp<'a>,
    pub length: Length,
    pub rules: Vec<RRule>,
    /// `RDATE`s, with the length of those given as a PERIOD.
    pub rdates: Vec<(Stamp<'a>, Option<Length>)>,
    pub exdates: Vec<Stamp<'a>>,
    /// `SEQUENCE`: among copies of one event, the highest wins, then the
    /// latest `DTSTAMP`.
    pub sequence: i64,
    pub dtstamp: Option<NaiveDateTime>,
    pub details: Details,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecurrenceId<'a> {
    pub stamp: Stamp<'a>,
    /// `RANGE=THISANDFUTURE`: the change applies to later occurrences too.
    pub this_and_future: bool,
}

/// What an occurrence carries besides its time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub location: Option<String>,
    pub availability: Availability,
    pub status: EventStatus,
    pub participation: Participation,
}

impl<'a> Vevent<'a> {
    /// Reads `component` (a `VEVENT`); `me` is the user's address, if known.
    /// Repairs go to `warnings`; a fault that makes the event unreadable is
    /// the error.
    pub fn read(
        component: &'a Component,
        zones: &'a ZoneTable,
        window_zone: Tz,
        me: Option<&str>,
        warnings: &mut Vec<Fault>,
    ) -> Result<Self, Fault> {
        readable(component, warnings)?;
        let start_line = component
            .property("DTSTART")
            .ok_or_else(|| Fault::new(component.line, "DTSTART: missing in the VEVENT"))?;
        let start = stamp(start_line, zones)?;
        let (start, length) = times(component, start, zones, window_zone, warnings)?;
        let recurrence_id = recurrence_id(component, zones)?;
        let frame = Frame::of(start);
        let rdates = rdates(component, zones, window_zone, warnings)?;
        let mut exdates = Vec::new();
        for property in with_values(component, "EXDATE", warnings) {
            exdates.extend(stamps(property, zones)?.into_iter().map(|(at, _)| at));
        }
        let rules = read_rules(
            component.properties_named("RRULE"),
            frame.wall_of(start, window_zone),
            frame,
            window_zone,
            warnings,
        );
        let (uid, has_uid) = uid(component);
        Ok(Vevent {
            line: component.line,
            uid,
            has_uid,
            recurrence_id,
            start,
            length,
            rules,
            rdates,
            exdates,
            sequence: component
                .property("SEQUENCE")
                .and_then(|p| p.value.trim().parse().ok())
                .unwrap_or(0),
            dtstamp: component
                .property("DTSTAMP")
                .and_then(|p| parse_date_time(p.value.trim()))
                .map(|(at, _)| at),
            details: details(component, me),
        })
    }
}

/// The component's own faults (fatal), its repairs (warnings), and its
/// malformed parameters: fatal on a property read for times, else ignored.
fn readable(component: &Component, warnings: &mut Vec<Fault>) -> Result<(), Fault> {
    if let Some(fault) = component.faults.first() {
        return Err(fault.clone());
    }
    warnings.extend(component.warnings.iter().cloned());
    for property in &component.properties {
        if let Some(reason) = property.malformed {
            if READ_FOR_TIMES.contains(&property.name.as_str()) {
                return Err(property.fault(reason));
            }
            warnings.push(property.fault(format!("{reason}; the property is ignored")));
        }
    }
    Ok(())
}

fn recurrence_id<'a>(component: &Component, zones: &'a ZoneTable) -> Result<Option<RecurrenceId<'a>>, Fault> {
    component
        .property("RECURRENCE-ID")
        .map(|p| {
            Ok(RecurrenceId {
                stamp: stamp(p, zones)?,
                this_and_future: p
                    .param("RANGE")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("THISANDFUTURE")),
            })
        })
        .transpose()
}

/// The `RDATE`s, each with its own length when it is a PERIOD.
fn rdates<'a>(
    component: &Component,
    zones: &'a ZoneTable,
    window_zone: Tz,
    warnings: &mut Vec<Fault>,
) -> Result<Vec<(Stamp<'a>, Option<Length>)>, Fault> {
    let mut rdates = Vec::new();
    for property in with_values(component, "RDATE", warnings) {
        for (at, end) in stamps(property, zones)? {
            let length = match end {
                None => None,
                Some(PeriodEnd::After(length)) => Some(whole_days(at, bounded(length, property)?)),
                Some(PeriodEnd::At(end)) => Some(bounded(span(at, end, window_zone), property)?),
            };
            if length.is_some_and(|l| l.days < 0 || l.seconds < 0) {
                warnings.push(property.fault("a PERIOD ends before it starts; the event's length is used"));
                rdates.push((at, None));
            } else {
                rdates.push((at, length));
            }
        }
    }
    Ok(rdates)
}

/// The properties `name` (`RDATE`, `EXDATE`) that have a value; one with an
/// empty value (`EXDATE:`, as some exports write) lists nothing and is
/// ignored with a warning.
fn with_values<'c>(
    component: &'c Component,
    name: &'c str,
    warnings: &mut Vec<Fault>,
) -> Vec<&'c ContentLine> {
    let (empty, listed): (Vec<_>, Vec<_>) = component
        .properties_named(name)
        .partition(|p| p.value.trim().is_empty());
    warnings.extend(empty.iter().map(|p| p.fault("empty value; ignored")));
    listed
}

/// The `UID` (and true), or (RFC 5545 requires one, some feeds forget it) a
/// stable id derived from the event's own lines (and false).
fn uid(component: &Component) -> (String, bool) {
    if let Some(uid) = component
        .property("UID")
        .map(|p| p.value.trim())
        .filter(|v| !v.is_empty())
    {
        return (uid.to_owned(), true);
    }
    let mut hasher = blake3::Hasher::new();
    for name in [
        "DTSTART",
        "DTEND",
        "DURATION",
        "SUMMARY",
        "RRULE",
        "RECURRENCE-ID",
    ] {
        if let Some(p) = component.property(name) {
            hasher
                .update(name.as_bytes())
                .update(p.value.as_bytes())
                .update(b"\n");
        }
    }
    (format!("ics-{}", &hasher.finalize().to_hex()[..24]), false)
}

/// The start and length: `DTEND` (an exact length; before `DTSTART`, the
/// two are swapped with a warning) or `DURATION` (nominal days + exact
/// time); without either, an all-day event lasts one day and a timed one is
/// an instant.
fn times<'a>(
    component: &Component,
    start: Stamp<'a>,
    zones: &'a ZoneTable,
    window_zone: Tz,
    warnings: &mut Vec<Fault>,
) -> Result<(Stamp<'a>, Length), Fault> {
    if let Some(end_line) = component.property("DTEND") {
        let end = stamp(end_line, zones)?;
        let length = span(start, end, window_zone);
        if length.days < 0 || length.seconds < 0 {
            warnings.push(end_line.fault("DTEND is before DTSTART; the two are swapped"));
            let swapped = span(end, start, window_zone);
            return Ok((end, bounded(swapped, end_line)?));
        }
        return Ok((start, bounded(length, end_line)?));
    }
    if let Some(duration_line) = component.property("DURATION") {
        let length = duration(duration_line)?;
        if length.days < 0 || length.seconds < 0 {
            return Err(duration_line.fault("negative DURATION"));
        }
        return Ok((start, whole_days(start, bounded(length, duration_line)?)));
    }
    let length = Length {
        days: i64::from(matches!(start, Stamp::Date(_))),
        seconds: 0,
    };
    Ok((start, length))
}

/// From `start` to `end` on `start`'s frame (negative when `end` is earlier).
fn span(start: Stamp<'_>, end: Stamp<'_>, window_zone: Tz) -> Length {
    let frame = Frame::of(start);
    let (start_wall, end_wall) = (frame.wall_of(start, window_zone), frame.wall_of(end, window_zone));
    match (frame, start, end) {
        (Frame::Date, _, _) => Length {
            days: (end_wall - start_wall).num_days(),
            seconds: 0,
        },
        (Frame::Clock(_), Stamp::DateTime(s, sc), Stamp::DateTime(e, ec)) => Length {
            days: 0,
            seconds: (ec.to_instant(e, window_zone) - sc.to_instant(s, window_zone)) / 1_000,
        },
        (Frame::Clock(_), _, _) => Length {
            days: 0,
            seconds: (end_wall - start_wall).num_seconds(),
        },
    }
}

/// An all-day event lasts whole days; a part day counts as one.
fn whole_days(start: Stamp<'_>, length: Length) -> Length {
    match start {
        Stamp::Date(_) => Length {
            days: length.days + i64::from(length.seconds > 0),
            seconds: 0,
        },
        Stamp::DateTime(..) => length,
    }
}

fn bounded(length: Length, line: &ContentLine) -> Result<Length, Fault> {
    let longest = length.days.abs().max(length.seconds.abs() / 86_400);
    if longest > MAX_EVENT_DAYS {
        return Err(line.fault(format!("the event lasts more than {MAX_EVENT_DAYS} days")));
    }
    Ok(length)
}

fn details(component: &Component, me: Option<&str>) -> Details {
    let text = |name: &str| component.property(name).map(|p| capped(unescape_text(&p.value)));
    let upper = |name: &str| {
        component
            .property(name)
            .map(|p| p.value.trim().to_ascii_uppercase())
    };
    let transparent = upper("TRANSP").as_deref() == Some("TRANSPARENT");
    let availability = match (transparent, upper("X-MICROSOFT-CDO-BUSYSTATUS").as_deref()) {
        (true, _) | (false, Some("FREE")) => Availability::Free,
        (false, Some("TENTATIVE")) => Availability::Tentative,
        (false, Some("OOF")) => Availability::Unavailable,
        _ => Availability::Busy,
    };
    let status = match upper("STATUS").as_deref() {
        Some("TENTATIVE") => EventStatus::Tentative,
        Some("CANCELLED") => EventStatus::Cancelled,
        _ => EventStatus::Confirmed,
    };
    Details {
        title: text("SUMMARY").unwrap_or_default(),
        location: text("LOCATION"),
        availability,
        status,
        participation: me.map_or(Participation::None, |me| participation(component, me)),
    }
}

/// The `PARTSTAT` of the `ATTENDEE` whose address is `me`.
fn participation(component: &Component, me: &str) -> Participation {
    let me = address(me);
    let Some(attendee) = component
        .properties_named("ATTENDEE")
        .find(|a| !me.is_empty() && address(&a.value).eq_ignore_ascii_case(me))
    else {
        return Participation::None;
    };
    match attendee.param("PARTSTAT").map(str::to_ascii_uppercase).as_deref() {
        None | Some("NEEDS-ACTION") => Participation::NeedsAction,
        Some("ACCEPTED") => Participation::Accepted,
        Some("TENTATIVE") => Participation::Tentative,
        // Delegated: someone else goes in the user's place.
        Some("DECLINED" | "DELEGATED") => Participation::Declined,
        Some(_) => Participation::None,
    }
}

/// `mailto:Me@Example.org` → `Me@Example.org`.
fn address(value: &str) -> &str {
    let value = value.trim();
    match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => value[7..].trim(),
        _ => value,
    }
}

/// Longer texts than the store accepts are cut at a character boundary.
fn capped(mut text: String) -> String {
    if text.len() > MAX_TEXT_BYTES {
        let mut end = MAX_TEXT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}
