//! `heat bench [--quick] [--json]`: runs the benchmark workloads (see
//! `crate::bench`) in a temporary directory and prints their figures.

use clap::Args;

use crate::bench::{Plan, Report, peak_rss_of_cold_fill, run_all};
use crate::failure::Failure;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// A smoke run (under a minute): fewer repetitions, a shorter scaling curve
    #[arg(long)]
    quick: bool,
    /// Print one JSON object instead of tables
    #[arg(long)]
    json: bool,
    /// Internal: run cold_fill_quarter alone and print this process's peak RSS in bytes
    #[arg(long, hide = true)]
    probe_rss: bool,
}

pub fn run(args: &BenchArgs) -> Result<String, Failure> {
    let dir =
        tempfile::tempdir().map_err(|e| Failure::Io(format!("cannot create a temporary directory: {e}")))?;
    if args.probe_rss {
        let bytes =
            peak_rss_of_cold_fill(dir.path()).ok_or_else(|| Failure::Io("no /proc/self/status".into()))?;
        return Ok(format!("{bytes}\n"));
    }
    let mut report: Report = run_all(Plan { quick: args.quick }, dir.path());
    report.peak_rss_bytes = probe_peak_rss();
    Ok(if args.json {
        format!("{:#}\n", report.to_json())
    } else {
        report.to_text()
    })
}

/// Peak RSS of a fresh process doing only cold_fill_quarter: the figure a
/// background task's memory limit is about.
fn probe_peak_rss() -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let output = std::process::Command::new(exe)
        .args(["bench", "--probe-rss"])
        .output()
        .ok()?;
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}
