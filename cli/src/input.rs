//! Reading the events `heat sync` reconciles: a file or stdin (`-`).
//!
//! The one place that turns an input file into `SourceEvent`s: the event
//! JSON of `docs/contract.md` "Event JSON", or an iCalendar file ("iCalendar
//! import"), recognised by its `.ics` extension or by content starting with
//! `BEGIN:VCALENDAR`, whose recurring events are expanded over the window.

use std::io::Read;
use std::path::Path;

use heat_core::{SourceEvent, TimeWindow};

use crate::failure::Failure;

/// `me` (the user's address) only matters for iCalendar files, where it
/// picks the user's own attendee response.
pub fn read_events(path: &Path, window: &TimeWindow, me: Option<&str>) -> Result<Vec<SourceEvent>, Failure> {
    let text = read_text(path)?;
    if is_icalendar(path, &text) {
        return Ok(heat_core::events_from_ics(&text, window, me)?);
    }
    Ok(heat_core::events_from_json(&text)?)
}

fn is_icalendar(path: &Path, text: &str) -> bool {
    let by_extension = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("ics"));
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let by_content = start
        .get(.."BEGIN:VCALENDAR".len())
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"));
    by_extension || by_content
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut file| file.read_to_string(&mut text).map(|_| ()))
    };
    read.map(|()| text)
        .map_err(|e| Failure::BadArgument(format!("--events: cannot read {}: {e}", path.display())))
}
