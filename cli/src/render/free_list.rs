//! Free blocks, for people: when, and for how long.

use std::fmt::Write;

use heat_core::TimeRange;

use super::hours_minutes;
use crate::local_window::LocalWindow;

pub fn render(blocks: &[TimeRange], min_minutes: u32, window: &LocalWindow) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} free blocks of at least {min_minutes} min ({})",
        blocks.len(),
        window.zone_name()
    );
    for block in blocks {
        let _ = writeln!(
            out,
            "{} → {}  {:>7} h",
            window.short(block.start_ms),
            window.short(block.end_ms),
            hours_minutes(block.minutes())
        );
    }
    out
}
