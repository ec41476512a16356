//! Reading the events `heat sync` reconciles: a file or stdin (`-`).
//!
//! The one place that turns an input file into `SourceEvent`s: the event
//! JSON of `docs/contract.md` "Event JSON", or an iCalendar file ("iCalendar
//! import"), recognised by its `.ics` extension or by content starting with
//! `BEGIN:VCALENDAR`, whose recurring events are expanded over the window
//! (with a report of what was skipped or repaired: `docs/ics.md`).

use std::io::Read;
use std::path::Path;

use heat_core::{SourceEvent, TimeWindow};
use heat_ics::IcsIssue;

use crate::failure::Failure;

/// The events of an input file.
pub struct Input {
    pub events: Vec<SourceEvent>,
    /// For an iCalendar file: what its import skipped and repaired.
    pub ics: Option<IcsReport>,
}

pub struct IcsReport {
    pub skipped: Vec<IcsIssue>,
    pub warnings: Vec<IcsIssue>,
}

/// `me` (the user's address) only matters for iCalendar files, where it
/// picks the user's own attendee response.
pub fn read_events(path: &Path, window: &TimeWindow, me: Option<&str>) -> Result<Input, Failure> {
    let text = read_text(path)?;
    if is_icalendar(path, &text) {
        let import = heat_ics::import_ics(&text, window, me)?;
        return Ok(Input {
            events: import.events,
            ics: Some(IcsReport {
                skipped: import.skipped,
                warnings: import.warnings,
            }),
        });
    }
    Ok(Input {
        events: heat_core::events_from_json(&text)?,
        ics: None,
    })
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
