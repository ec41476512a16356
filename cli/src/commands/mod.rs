//! The `heat` subcommands, one file each. A command checks its arguments,
//! talks to the store, and returns the text to print; `main` prints it and
//! turns failures into exit codes.

mod bench;
mod demo;
mod events;
mod free;
mod map;
mod store_args;
mod sync;

use clap::Subcommand;

use crate::failure::Failure;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Reconcile a bundled two-week sample calendar into a temporary store and show what happens
    Demo,
    /// Make the store's window equal the events of a JSON file
    Sync(sync::SyncArgs),
    /// Show the heat map of a window (terminal grid, --json, or an --svg picture)
    Map(map::MapArgs),
    /// List the free blocks of a window
    Free(free::FreeArgs),
    /// List the stored events of a window
    Events(events::EventsArgs),
    /// Measure the engine against naive designs and physical limits (see docs/performance.md)
    Bench(bench::BenchArgs),
}

impl Command {
    /// Runs the command; `Ok` holds what goes to stdout.
    pub fn run(&self) -> Result<String, Failure> {
        match self {
            Command::Demo => demo::run(),
            Command::Sync(args) => sync::run(args),
            Command::Map(args) => map::run(args),
            Command::Free(args) => free::run(args),
            Command::Events(args) => events::run(args),
            Command::Bench(args) => bench::run(args),
        }
    }
}
