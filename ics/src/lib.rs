//! iCalendar (RFC 5545) import: subscribed calendars and `.ics` exports
//! turned into the occurrences of a window, as the platform calendars would
//! report them (one [`SourceEvent`] per occurrence), with a report of what
//! was skipped or repaired.
//!
//! Its own crate beside `heat-core` (which knows nothing of it), so that an
//! app that never imports a file does not ship the parser and the `rrule`
//! crate (ADR 0014).
//!
//! - `content_line`: unfolding and `NAME;PARAM=...:value` lines;
//! - `broken_line`: whether a line that is not a content line costs its event;
//! - `component`: the `BEGIN`/`END` tree, built leniently;
//! - `values`: DATE, DATE-TIME, PERIOD, DURATION;
//! - `zones`, `windows_zones`, `vtimezone_rules`: which clock a `TZID` means;
//! - `rule`: `RRULE` values, repaired where possible;
//! - `vevent`: one `VEVENT`'s times and heat-relevant fields;
//! - `frame`: all-day dates vs wall clocks, and occurrence ids;
//! - `expand`: `RRULE`/`RDATE`/`EXDATE` with the `rrule` crate, bounded;
//! - `series`: masters, `RECURRENCE-ID` overrides, the window;
//! - `report`: skipped components and warnings.
//!
//! Why these choices: `docs/adr/0005-ics-parser-and-rrule-crates.md`,
//! `docs/adr/0014-ics-crate-and-lenient-import.md`,
//! `docs/adr/0020-ics-stale-overrides-broken-lines-and-x-wr-timezone.md`;
//! behaviour: `docs/ics.md`.

mod broken_line;
mod component;
mod content_line;
mod expand;
mod frame;
mod report;
mod rule;
mod series;
mod values;
mod vevent;
mod vtimezone_rules;
mod windows_zones;
mod zones;

use chrono::TimeDelta;
use heat_core::ZoneDatabase;
use heat_core::error::{InvalidInput, Result};
use heat_core::model::{SourceEvent, TimeWindow};

pub use expand::{MAX_STEPS_PER_FILE, MAX_STEPS_PER_SERIES};
pub use report::IcsIssue;
pub use series::ICS_CALENDAR_ID;

use report::Report;
use zones::{Clock, ZoneTable};

/// Largest file accepted (big exports are a few MB; feeds far less).
pub const MAX_ICS_BYTES: usize = 64 * 1024 * 1024;

/// How far past the window the rules of a file's own `VTIMEZONE`s are
/// evaluated (later dates keep the last offset).
const ZONE_HORIZON: TimeDelta = TimeDelta::days(2 * 366);

/// The result of an import: the occurrences, and what could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsImport {
    pub events: Vec<SourceEvent>,
    /// Components skipped because they cannot be understood.
    pub skipped: Vec<IcsIssue>,
    /// Faults repaired or ignored; the components they are in were imported.
    pub warnings: Vec<IcsIssue>,
}

/// The occurrences of the `VEVENT`s of `data` that overlap `window`, and a
/// report of what was skipped or repaired.
///
/// Recurring events are expanded; `me` (an address, with or without
/// `mailto:`) picks the user's own `ATTENDEE` for `participation`. Refused
/// with an `InvalidInput` only when the window is invalid, the file is over
/// [`MAX_ICS_BYTES`], nothing in it is iCalendar, or it has more
/// occurrences in the window than a reconcile accepts. Reports name lines,
/// properties and `UID`s, never a title, location or description.
pub fn import_ics(data: &str, window: &TimeWindow, me: Option<&str>) -> Result<IcsImport> {
    // The importer resolves zones with the IANA database it carries anyway
    // (its TZIDs are read by chrono-tz), whatever rules the store uses.
    let checked = window.check(&ZoneDatabase::bundled())?;
    let window_zone: chrono_tz::Tz = checked
        .zone
        .name()
        .parse()
        .map_err(|_| InvalidInput::new("window.timeZone", "unknown IANA time zone"))?;
    if data.len() > MAX_ICS_BYTES {
        return Err(InvalidInput::new("ics", format!("larger than {MAX_ICS_BYTES} bytes")).into());
    }
    let tree = component::components(content_line::content_lines(data))?;
    let mut file_warnings = tree.warnings;
    let horizon = Clock::Utc.to_wall(checked.end_ms, window_zone) + ZONE_HORIZON;
    let zones = ZoneTable::new(&tree.calendars, horizon, &mut file_warnings);
    let mut report = Report::default();
    for fault in file_warnings {
        report.warn(fault, None);
    }
    let mut vevents = Vec::new();
    for vevent in tree.calendars.iter().flat_map(|c| c.children_named("VEVENT")) {
        let mut warnings = Vec::new();
        let read = vevent::Vevent::read(vevent, &zones, window_zone, me, &mut warnings);
        let uid = vevent
            .property("UID")
            .map(|p| p.value.trim())
            .filter(|u| !u.is_empty());
        for fault in warnings {
            report.warn(fault, uid);
        }
        match read {
            Ok(read) => vevents.push(read),
            Err(fault) => report.skip(fault, uid),
        }
    }
    let events = series::occurrences(vevents, &checked, window_zone, &mut report)?;
    let report = report.sorted();
    Ok(IcsImport {
        events,
        skipped: report.skipped,
        warnings: report.warnings,
    })
}

/// The events of [`import_ics`], without its report (kept for callers
/// written before the report existed; new code should use `import_ics`).
pub fn events_from_ics(data: &str, window: &TimeWindow, me: Option<&str>) -> Result<Vec<SourceEvent>> {
    import_ics(data, window, me).map(|import| import.events)
}
