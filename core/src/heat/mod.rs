//! Heat: how occupied time is, computed from resolved event intervals
//! (`docs/contract.md` "Heat semantics"). Pure functions, no storage.
//!
//! Weights are kept in integer halves (0, 1, 2) and overlaps in integer
//! milliseconds so that every figure is exact and independent of event
//! order: Rust, Kotlin and Swift must agree to the bit.

mod day_summary;
mod free;
mod map;
mod weight;

pub use day_summary::{DaySummary, day_summaries};
pub use free::{busy_ms, free_blocks};
pub use map::{HeatMap, HeatSlot, heat_map};
pub use weight::{weight, weight_halves};

/// An event's resolved interval and weight, the only inputs heat needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupancy {
    pub start_ms: i64,
    pub end_ms: i64,
    /// Weight in halves: 0 (free), 1 (tentative, 0.5), 2 (busy, 1).
    pub weight_halves: u8,
}

impl Occupancy {
    fn clipped(&self, from_ms: i64, to_ms: i64) -> Option<(i64, i64)> {
        let start = self.start_ms.max(from_ms);
        let end = self.end_ms.min(to_ms);
        (self.weight_halves > 0 && start < end).then_some((start, end))
    }
}

const MS_PER_MINUTE: f64 = 60_000.0;
