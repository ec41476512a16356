//! Reading the events `heat sync` reconciles: a file or stdin (`-`).
//!
//! Only the event JSON of SPEC "Command line" is read today. This is the one
//! place that turns an input file into `SourceEvent`s, so another format
//! (the `.ics` reader of issue 8) plugs in here without touching commands.

use std::io::Read;
use std::path::Path;

use heat_core::SourceEvent;

use crate::failure::Failure;

pub fn read_events(path: &Path) -> Result<Vec<SourceEvent>, Failure> {
    let text = read_text(path)?;
    Ok(heat_core::events_from_json(&text)?)
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
