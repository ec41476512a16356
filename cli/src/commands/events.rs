//! `heat events`: the stored events overlapping a window. `--json` prints
//! the event JSON `heat sync --events` reads, so a store can be exported
//! and synced elsewhere.

use clap::Args;

use super::store_args::StoreArgs;
use crate::failure::Failure;
use crate::render::{event_list, json};

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    target: StoreArgs,
    /// Print the events as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: &EventsArgs) -> Result<String, Failure> {
    let window = args.target.window()?;
    let store = args.target.open_existing_store()?;
    let events = store.events(&args.target.scope, &window.window())?;
    Ok(if args.json {
        json::to_text(&heat_core::model::events_to_json(&events))
    } else {
        event_list::render(&events, &window)
    })
}
