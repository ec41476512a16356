//! Per-day summaries as a table: what a calendar screen's day list shows.

use std::fmt::Write;

use heat_core::DaySummary;

use super::{day_label, hours_minutes};

pub fn render(days: &[DaySummary]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<12}{:>6}{:>8}{:>6}{:>15}",
        "day", "busy", "events", "peak", "longest free"
    );
    for day in days {
        let label = chrono::NaiveDate::parse_from_str(&day.date, "%Y-%m-%d")
            .map(day_label)
            .unwrap_or_else(|_| day.date.clone());
        let _ = writeln!(
            out,
            "{label:<12}{:>6}{:>8}{:>6}{:>15}",
            hours_minutes(day.busy_minutes),
            day.event_count,
            day.peak_heat,
            hours_minutes(day.longest_free_minutes),
        );
    }
    out
}
