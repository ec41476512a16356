//! Repeating a workload and summarising its timings.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub median_micros: f64,
    pub min_micros: f64,
    pub max_micros: f64,
    /// Rows the measured operation wrote, per run.
    pub rows_written: u64,
    pub events: usize,
}

/// One measured run: how long the measured part took and what it wrote.
pub struct Sample {
    pub elapsed: Duration,
    pub rows_written: u64,
}

/// Times only what `run` measures itself (set-up stays outside the clock).
pub fn repeat(runs: usize, events: usize, mut run: impl FnMut() -> Sample) -> Stats {
    let mut micros = Vec::with_capacity(runs);
    let mut rows_written = 0;
    for _ in 0..runs.max(1) {
        let sample = run();
        micros.push(sample.elapsed.as_secs_f64() * 1e6);
        rows_written = sample.rows_written;
    }
    micros.sort_by(f64::total_cmp);
    Stats {
        median_micros: micros[micros.len() / 2],
        min_micros: micros[0],
        max_micros: micros[micros.len() - 1],
        rows_written,
        events,
    }
}

/// Times one call.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let started = Instant::now();
    let value = f();
    (started.elapsed(), value)
}

/// Peak resident set size of this process so far, in bytes (Linux).
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
