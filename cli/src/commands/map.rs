//! `heat map`: the heat map of a window, as a terminal grid, as JSON, and
//! optionally as an SVG picture.

use std::path::PathBuf;

use clap::Args;

use super::store_args::StoreArgs;
use crate::failure::Failure;
use crate::render::{json, svg, terminal_map};

#[derive(Debug, Args)]
pub struct MapArgs {
    #[command(flatten)]
    target: StoreArgs,
    /// Slot length in minutes; slots start at --from, the last may be shorter
    #[arg(long, value_name = "MINUTES", default_value_t = 60)]
    slot: u32,
    /// Print the map as JSON
    #[arg(long)]
    json: bool,
    /// Also write the map as an SVG picture to FILE
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
}

pub fn run(args: &MapArgs) -> Result<String, Failure> {
    let window = args.target.window()?;
    let store = args.target.open_existing_store()?;
    let map = store.heat_map(&args.target.scope, &window.window(), args.slot)?;
    if let Some(path) = &args.svg {
        std::fs::write(path, svg::render(&map, &window))
            .map_err(|e| Failure::Io(format!("--svg: cannot write {}: {e}", path.display())))?;
    }
    Ok(if args.json {
        json::to_text(&json::heat_map(&map, &window))
    } else {
        let mut text = terminal_map::render(&map, &window);
        if let Some(path) = &args.svg {
            text.push_str(&format!("SVG written to {}\n", path.display()));
        }
        text
    })
}
