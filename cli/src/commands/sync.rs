//! `heat sync`: reconcile a window of the store with an events file.
//! Arguments and the file are checked before the store is opened, and the
//! engine writes nothing when it rejects the input.

use std::path::PathBuf;

use clap::Args;
use heat_core::ReconcileOptions;

use super::store_args::StoreArgs;
use crate::failure::Failure;
use crate::input::read_events;
use crate::render::{ics_report, json, outcome_text};

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    target: StoreArgs,
    /// Events as JSON {"events": [...]} or an iCalendar .ics file (recurrences expanded), or - for stdin
    #[arg(long, value_name = "FILE")]
    events: PathBuf,
    /// Your address, to take your own attendee response (PARTSTAT) from an .ics file
    #[arg(long, value_name = "ADDRESS")]
    me: Option<String>,
    /// Let an empty source clear the window: only when the calendar is readable and really empty
    #[arg(long)]
    allow_empty: bool,
    /// Print the outcome as JSON (for an .ics file, with what its import skipped and repaired)
    #[arg(long)]
    json: bool,
}

pub fn run(args: &SyncArgs) -> Result<String, Failure> {
    let window = args.target.window()?;
    let input = read_events(&args.events, &window.window(), args.me.as_deref())?;
    let store = args.target.open_store()?;
    let options = ReconcileOptions {
        allow_empty: args.allow_empty,
    };
    let outcome = store.reconcile_heat(&args.target.scope, &window.window(), &input.events, options)?;
    let imported = input.events.len();
    Ok(match (args.json, &input.ics) {
        (true, None) => json::to_text(&json::sync_outcome(&outcome, &window)),
        (true, Some(report)) => {
            let mut value = json::sync_outcome(&outcome, &window);
            value["ics"] = ics_report::json(imported, report);
            json::to_text(&value)
        }
        (false, None) => outcome_text::render(&outcome, &window),
        (false, Some(report)) => {
            ics_report::text(imported, report) + &outcome_text::render(&outcome, &window)
        }
    })
}
