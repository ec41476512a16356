//! What a reconcile did, for people: whether anything was written, the
//! counts, and which days were replaced.

use std::fmt::Write;

use heat_core::ReconcileOutcome;

use crate::local_window::LocalWindow;

/// Enough of the digest to tell two apart at a glance.
const DIGEST_PREFIX: usize = 16;

pub fn render(outcome: &ReconcileOutcome, window: &LocalWindow) -> String {
    let mut out = String::new();
    if outcome.changed {
        let _ = writeln!(
            out,
            "changed: true, inserted {}, deleted {}, unchanged {}, ignored outside window {}",
            outcome.events_inserted,
            outcome.events_deleted,
            outcome.events_unchanged,
            outcome.ignored_outside_window
        );
        let ranges: Vec<String> = outcome
            .replaced_ranges
            .iter()
            .map(|r| format!("{} → {}", window.short(r.start_ms), window.short(r.end_ms)))
            .collect();
        let _ = writeln!(
            out,
            "days replaced: {} ({})",
            outcome.days_replaced,
            ranges.join(", ")
        );
    } else {
        let _ = writeln!(
            out,
            "changed: false, 0 rows written: the store already equals the source\n\
             unchanged {}, ignored outside window {}",
            outcome.events_unchanged, outcome.ignored_outside_window
        );
    }
    let digest: String = outcome.window_digest.chars().take(DIGEST_PREFIX).collect();
    let _ = writeln!(
        out,
        "window digest {digest}…, took {:.2} ms",
        outcome.duration_micros as f64 / 1_000.0
    );
    out
}
