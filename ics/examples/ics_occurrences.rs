//! Prints the occurrences `import_ics` finds in a file for a window, as
//! event JSON plus the report: the Rust side of the differential test
//! against an independent reader (scripts/test-ics-differential.sh).
//!
//!     cargo run -p heat-ics --example ics_occurrences -- FILE FROM DAYS ZONE
//!
//! `FROM` is the window's first day (`YYYY-MM-DD`) in `ZONE`.

use std::process::ExitCode;

use heat_core::ZoneDatabase;
use heat_core::model::events_to_json;
use heat_core::window_of_days;
use heat_ics::{IcsIssue, import_ics};
use serde_json::json;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, from, days, zone] = args.as_slice() else {
        eprintln!("usage: ics_occurrences FILE FROM DAYS ZONE");
        return ExitCode::from(2);
    };
    let run = || -> Result<serde_json::Value, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let days = days.parse().map_err(|_| format!("not a day count: {days}"))?;
        let window = window_of_days(&ZoneDatabase::bundled(), from, days, zone).map_err(|e| e.to_string())?;
        let import = import_ics(&text, &window, None).map_err(|e| e.to_string())?;
        let issues = |list: &[IcsIssue]| {
            list.iter()
                .map(|i| json!({"line": i.line, "uid": i.uid, "reason": i.reason}))
                .collect::<Vec<_>>()
        };
        let mut out = events_to_json(&import.events);
        out["skipped"] = json!(issues(&import.skipped));
        out["warnings"] = json!(issues(&import.warnings));
        Ok(out)
    };
    match run() {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("ics_occurrences: {message}");
            ExitCode::FAILURE
        }
    }
}
