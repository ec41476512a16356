//! iCalendar (RFC 5545) import: subscribed calendars and `.ics` exports
//! turned into the occurrences of a window, as the platform calendars would
//! report them (one [`SourceEvent`] per occurrence).
//!
//! - `content_line`: unfolding and `NAME;PARAM=...:value` lines;
//! - `component`: the `BEGIN`/`END` tree;
//! - `values`: DATE, DATE-TIME, DURATION;
//! - `zones`, `windows_zones`, `vtimezone_rules`: which clock a `TZID` means;
//! - `vevent`: one `VEVENT`'s times and heat-relevant fields;
//! - `frame`: all-day dates vs wall clocks, and occurrence ids;
//! - `expand`: `RRULE`/`RDATE`/`EXDATE` with the `rrule` crate, bounded;
//! - `series`: masters, `RECURRENCE-ID` overrides, the window.
//!
//! Why these choices: `docs/adr/0005-ics-parser-and-rrule-crates.md`.

mod component;
mod content_line;
mod expand;
mod frame;
mod series;
mod values;
mod vevent;
mod vtimezone_rules;
mod windows_zones;
mod zones;

use crate::error::{InvalidInput, Result};
use crate::model::{SourceEvent, TimeWindow};

pub use expand::{MAX_STEPS_PER_FILE, MAX_STEPS_PER_SERIES};
pub use series::ICS_CALENDAR_ID;

/// Largest file accepted (big exports are a few MB; feeds far less).
pub const MAX_ICS_BYTES: usize = 64 * 1024 * 1024;

/// The occurrences of the `VEVENT`s of `data` that overlap `window`.
///
/// Recurring events are expanded; `me` (an address, with or without
/// `mailto:`) picks the user's own `ATTENDEE` for `participation`. Any
/// malformed or unsupported input is an `InvalidInput` naming the property
/// and line (and the UID when known), never a title or location.
pub fn events_from_ics(data: &str, window: &TimeWindow, me: Option<&str>) -> Result<Vec<SourceEvent>> {
    let checked = window.check()?;
    let window_zone: chrono_tz::Tz = checked
        .zone
        .name()
        .parse()
        .map_err(|_| InvalidInput::new("window.timeZone", "unknown IANA time zone"))?;
    if data.len() > MAX_ICS_BYTES {
        return Err(InvalidInput::new("ics", format!("larger than {MAX_ICS_BYTES} bytes")).into());
    }
    let calendars = component::components(content_line::content_lines(data)?)?;
    let zones = zones::ZoneTable::new(&calendars);
    let vevents = calendars
        .iter()
        .filter(|c| c.name == "VCALENDAR")
        .flat_map(|c| c.children_named("VEVENT"))
        .map(|vevent| vevent::Vevent::read(vevent, &zones, window_zone, me))
        .collect::<Result<Vec<_>, InvalidInput>>()?;
    Ok(series::occurrences(vevents, &checked, window_zone)?)
}
