//! `heat free`: the free blocks of a window, at least `--min` minutes long.

use clap::Args;

use super::store_args::StoreArgs;
use crate::failure::Failure;
use crate::render::{free_list, json};

#[derive(Debug, Args)]
pub struct FreeArgs {
    #[command(flatten)]
    target: StoreArgs,
    /// Shortest block worth listing, in minutes
    #[arg(long, value_name = "MINUTES")]
    min: u32,
    /// Print the blocks as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: &FreeArgs) -> Result<String, Failure> {
    let window = args.target.window()?;
    let store = args.target.open_existing_store()?;
    let blocks = store.free_blocks(&args.target.scope, &window.window(), args.min)?;
    Ok(if args.json {
        json::to_text(&json::free_blocks(&blocks, &window))
    } else {
        free_list::render(&blocks, args.min, &window)
    })
}
