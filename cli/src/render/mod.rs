//! Everything the CLI prints or writes, one renderer per file; commands
//! fetch data from the store and hand it here.

pub mod day_table;
pub mod event_list;
pub mod free_list;
pub mod heat_level;
pub mod ics_report;
pub mod json;
pub mod outcome_text;
pub mod svg;
pub mod terminal_map;

/// `3:05` for 185 minutes (rounded to the minute).
pub fn hours_minutes(minutes: f64) -> String {
    let total = minutes.round() as i64;
    format!("{}:{:02}", total / 60, total % 60)
}

/// `Mon 19 Oct`, the row label of day-based renderings.
pub fn day_label(date: chrono::NaiveDate) -> String {
    date.format("%a %d %b").to_string()
}
