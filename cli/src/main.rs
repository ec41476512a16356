//! `heat`: the Heat Engine on a machine without a phone, over the same store
//! file format the apps use. See `docs/cli.md`.

mod bench;
mod commands;
mod demo;
mod failure;
mod input;
mod local_window;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "heat",
    version,
    about = "Reconcile a calendar window into a local store and read its heat"
)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    // Usage errors exit with status 2 (clap's own), help and --version with 0.
    let cli = Cli::parse();
    match cli.command.run() {
        Ok(output) => print(&output),
        Err(failure) => {
            eprintln!("heat: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}

/// A closed pipe (`heat events | head`) is the reader's choice, not a failure.
fn print(output: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(output.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("heat: cannot write the output: {e}");
            ExitCode::from(failure::EXIT_OTHER)
        }
    }
}
