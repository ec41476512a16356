//! One `VEVENT` read into what the engine needs: its times, its recurrence
//! properties, and the fields that decide its heat.

use chrono_tz::Tz;

use crate::error::InvalidInput;
use crate::limits::MAX_TEXT_BYTES;
use crate::model::{Availability, EventStatus, Participation};

use super::component::Component;
use super::content_line::{ContentLine, unescape_text};
use super::frame::Frame;
use super::values::{Length, Stamp, duration, stamp, stamps};
use super::zones::ZoneTable;

/// Longest event accepted (a century): longer ones are typos, and bounding
/// them keeps all date arithmetic far from overflow.
const MAX_EVENT_DAYS: i64 = 36_525;

#[derive(Debug, Clone)]
pub struct Vevent<'a> {
    pub uid: String,
    pub recurrence_id: Option<RecurrenceId>,
    pub start: Stamp,
    pub length: Length,
    pub rrules: Vec<&'a ContentLine>,
    pub rdates: Vec<Stamp>,
    pub exdates: Vec<Stamp>,
    /// `SEQUENCE`: among duplicates of one event, the highest wins.
    pub sequence: i64,
    pub details: Details,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecurrenceId {
    pub stamp: Stamp,
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
    pub fn read(
        component: &'a Component,
        zones: &ZoneTable,
        window_zone: Tz,
        me: Option<&str>,
    ) -> Result<Self, InvalidInput> {
        let uid = uid(component);
        let in_event = |e: InvalidInput| e.of_event(&uid);
        let start_line = component.property("DTSTART").ok_or_else(|| {
            in_event(InvalidInput::new(
                "DTSTART",
                format!("missing in the VEVENT at line {}", component.line),
            ))
        })?;
        let start = stamp(start_line, zones).map_err(in_event)?;
        let length = length(component, start, zones, window_zone).map_err(in_event)?;
        let recurrence_id = component
            .property("RECURRENCE-ID")
            .map(|p| {
                Ok::<_, InvalidInput>(RecurrenceId {
                    stamp: stamp(p, zones)?,
                    this_and_future: p
                        .param("RANGE")
                        .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE")),
                })
            })
            .transpose()
            .map_err(in_event)?;
        let list = |name: &str| -> Result<Vec<Stamp>, InvalidInput> {
            let mut all = Vec::new();
            for property in component.properties_named(name) {
                all.extend(stamps(property, zones).map_err(in_event)?);
            }
            Ok(all)
        };
        Ok(Vevent {
            recurrence_id,
            start,
            length,
            rrules: component.properties_named("RRULE").collect(),
            rdates: list("RDATE")?,
            exdates: list("EXDATE")?,
            sequence: component
                .property("SEQUENCE")
                .and_then(|p| p.value.trim().parse().ok())
                .unwrap_or(0),
            details: details(component, me),
            uid,
        })
    }
}

/// The `UID`, or (RFC 5545 requires one, some feeds forget it) a stable id
/// derived from the event's own lines.
fn uid(component: &Component) -> String {
    if let Some(uid) = component
        .property("UID")
        .map(|p| p.value.trim())
        .filter(|v| !v.is_empty())
    {
        return uid.to_owned();
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
    format!("ics-{}", &hasher.finalize().to_hex()[..24])
}

/// `DTEND` (an exact length) or `DURATION` (nominal days + exact time);
/// without either, an all-day event lasts one day and a timed one is an instant.
fn length(
    component: &Component,
    start: Stamp,
    zones: &ZoneTable,
    window_zone: Tz,
) -> Result<Length, InvalidInput> {
    if let Some(end_line) = component.property("DTEND") {
        let end = stamp(end_line, zones)?;
        let frame = Frame::of(start);
        let (start_wall, end_wall) = (frame.wall_of(start, window_zone), frame.wall_of(end, window_zone));
        let length = match (frame, start, end) {
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
        };
        if length.days < 0 || length.seconds < 0 {
            return Err(end_line.error("DTEND is before DTSTART"));
        }
        return bounded(length, end_line);
    }
    if let Some(duration_line) = component.property("DURATION") {
        let length = duration(duration_line)?;
        if length.days < 0 || length.seconds < 0 {
            return Err(duration_line.error("negative DURATION"));
        }
        let length = bounded(length, duration_line)?;
        return Ok(match start {
            // An all-day event lasts whole days; a part day counts as one.
            Stamp::Date(_) => Length {
                days: length.days + i64::from(length.seconds > 0),
                seconds: 0,
            },
            Stamp::DateTime(..) => length,
        });
    }
    Ok(Length {
        days: i64::from(matches!(start, Stamp::Date(_))),
        seconds: 0,
    })
}

fn bounded(length: Length, line: &ContentLine) -> Result<Length, InvalidInput> {
    if length.days > MAX_EVENT_DAYS || length.seconds / 86_400 > MAX_EVENT_DAYS {
        return Err(line.error(format!("the event lasts more than {MAX_EVENT_DAYS} days")));
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
