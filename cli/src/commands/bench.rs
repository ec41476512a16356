//! `heat bench [--quick] [--json]`: runs the benchmark workloads (see
//! `crate::bench`) in a temporary directory and prints their figures.

use clap::Args;

use crate::bench::{Plan, Report, peak_rss_of_cold_fill, peak_rss_of_sync_at_event_limit, run_all};
use crate::failure::Failure;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// A smoke run (under a minute): fewer repetitions, a shorter scaling curve
    #[arg(long)]
    quick: bool,
    /// Print one JSON object instead of tables
    #[arg(long)]
    json: bool,
    /// Internal: run one workload alone and print this process's peak RSS in bytes
    #[arg(long, hide = true, value_enum)]
    probe_rss: Option<RssProbe>,
}

/// The workloads whose memory is measured in a process of their own.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RssProbe {
    /// `cold_fill_quarter`: 10,000 events into an empty store.
    ColdFill,
    /// A sync run reading one window at the event limit (200,000 events).
    EventLimit,
}

pub fn run(args: &BenchArgs) -> Result<String, Failure> {
    let dir =
        tempfile::tempdir().map_err(|e| Failure::Io(format!("cannot create a temporary directory: {e}")))?;
    if let Some(probe) = args.probe_rss {
        let bytes = match probe {
            RssProbe::ColdFill => peak_rss_of_cold_fill(dir.path()),
            RssProbe::EventLimit => peak_rss_of_sync_at_event_limit(dir.path()),
        };
        let bytes = bytes.ok_or_else(|| Failure::Io("no /proc/self/status".into()))?;
        return Ok(format!("{bytes}\n"));
    }
    let mut report: Report = run_all(Plan { quick: args.quick }, dir.path());
    report.peak_rss_bytes = probe_peak_rss("cold-fill");
    report.peak_rss_event_limit_bytes = probe_peak_rss("event-limit");
    Ok(if args.json {
        format!("{:#}\n", report.to_json())
    } else {
        report.to_text()
    })
}

/// Peak RSS of a fresh process doing only one workload: the figure a
/// background task's memory limit is about.
fn probe_peak_rss(probe: &str) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let output = std::process::Command::new(exe)
        .args(["bench", "--probe-rss", probe])
        .output()
        .ok()?;
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}
