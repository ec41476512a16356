//! The heat map as an SVG picture (`heat map --svg FILE`): one row per
//! local day, the local clock across, one rectangle per slot coloured by
//! its heat level, with hour labels and a legend. Hand-written SVG text: the
//! picture is simple enough not to need a drawing library.
//!
//! Slots sit at their local clock time, so a row is a day as its owner
//! lived it: on the day clocks go forward the skipped hour stays empty, and
//! on the day they go back the repeated hour is split, first pass on top,
//! second below.

use std::fmt::Write;

use chrono::Timelike;
use heat_core::model::DayPart;
use heat_core::{HeatMap, HeatSlot};

use super::heat_level::HeatLevel;
use super::{day_label, hours_minutes};
use crate::local_window::{ClockPass, LocalWindow};

const MARGIN: f64 = 12.0;
const GRID_X: f64 = 96.0;
const HOUR_WIDTH: f64 = 28.0;
const GRID_WIDTH: f64 = 24.0 * HOUR_WIDTH;
const TOP: f64 = 52.0;
const ROW_HEIGHT: f64 = 22.0;
const CELL_HEIGHT: f64 = 20.0;
const MINUTES_PER_DAY: f64 = 1_440.0;
const MS_PER_MINUTE: f64 = 60_000.0;

fn fill(level: HeatLevel) -> &'static str {
    match level {
        HeatLevel::Free => "#eef0f3",
        HeatLevel::Light => "#fde0a8",
        HeatLevel::Partial => "#f9a55a",
        HeatLevel::Busy => "#e0512b",
        HeatLevel::Overbooked => "#8c1010",
    }
}

pub fn render(map: &HeatMap, window: &LocalWindow) -> String {
    let days = window.days();
    let legend_y = TOP + days.len() as f64 * ROW_HEIGHT + 24.0;
    let mut svg = String::new();
    open_picture(&mut svg, &title(map, window, &days), legend_y + 44.0);
    hour_labels(&mut svg);
    day_labels(&mut svg, &days);
    let slot_ms = i64::from(map.slot_minutes) * 60_000;
    for slot in &map.slots {
        slot_rect(&mut svg, window, &days, slot, slot_ms);
    }
    legend(&mut svg, legend_y);
    svg.push_str("</svg>\n");
    svg
}

fn title(map: &HeatMap, window: &LocalWindow, days: &[DayPart]) -> String {
    let (first, last) = (days.first().map(|d| d.date), days.last().map(|d| d.date));
    format!(
        "Heat map · {} · {} to {} · {}-minute slots · busy {} h",
        window.zone_name(),
        first.map(day_label).unwrap_or_default(),
        last.map(day_label).unwrap_or_default(),
        map.slot_minutes,
        hours_minutes(map.busy_minutes),
    )
}

/// The `<svg>` element, its title, a white background and the heading.
fn open_picture(svg: &mut String, title: &str, height: f64) {
    let width = GRID_X + GRID_WIDTH + 56.0;
    let _ = writeln!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="11" fill="#333">"##
    );
    let _ = writeln!(svg, "<title>{title}</title>");
    let _ = writeln!(svg, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        svg,
        r#"<text x="{MARGIN}" y="22" font-size="14" font-weight="bold">{title}</text>"#
    );
}

/// 00 to 23 above the grid.
fn hour_labels(svg: &mut String) {
    for hour in 0..24 {
        let x = GRID_X + (f64::from(hour) + 0.5) * HOUR_WIDTH;
        let _ = writeln!(
            svg,
            r#"<text x="{x}" y="{}" text-anchor="middle" font-size="10">{hour:02}</text>"#,
            TOP - 6.0
        );
    }
}

/// Each row's date on the left and, for a DST day, its length on the right.
fn day_labels(svg: &mut String, days: &[DayPart]) {
    for (row, day) in days.iter().enumerate() {
        let y = TOP + row as f64 * ROW_HEIGHT + CELL_HEIGHT / 2.0 + 4.0;
        let _ = writeln!(
            svg,
            r#"<text x="{MARGIN}" y="{y}">{}</text>"#,
            day_label(day.date)
        );
        let day_hours = (day.day_end_ms - day.day_start_ms) / 3_600_000;
        if day_hours != 24 {
            let x = GRID_X + GRID_WIDTH + 8.0;
            let _ = writeln!(svg, r#"<text x="{x}" y="{y}">{day_hours} h</text>"#);
        }
    }
}

/// One slot's rectangle in its day's row at its local clock time; the
/// repeated hour of a day when clocks go back gets half the row height.
fn slot_rect(svg: &mut String, window: &LocalWindow, days: &[DayPart], slot: &HeatSlot, slot_ms: i64) {
    let local = window.local(slot.start_ms);
    let Ok(row) = days.binary_search_by_key(&local.date(), |day| day.date) else {
        return;
    };
    let end_ms = (slot.start_ms + slot_ms).min(window.end_ms());
    let minute_of_day = f64::from(local.num_seconds_from_midnight()) / 60.0;
    let minutes = ((end_ms - slot.start_ms) as f64 / MS_PER_MINUTE).min(MINUTES_PER_DAY - minute_of_day);
    let x = GRID_X + minute_of_day * HOUR_WIDTH / 60.0;
    let w = (minutes * HOUR_WIDTH / 60.0 - 1.0).max(0.5);
    let row_y = TOP + row as f64 * ROW_HEIGHT;
    let half = CELL_HEIGHT / 2.0;
    let (y, h) = match window.clock_pass(slot.start_ms) {
        ClockPass::Once => (row_y, CELL_HEIGHT),
        ClockPass::First => (row_y, half - 0.5),
        ClockPass::Second => (row_y + half + 0.5, half - 0.5),
    };
    let _ = writeln!(
        svg,
        r#"<rect class="slot" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{}"><title>{} heat {}</title></rect>"#,
        fill(HeatLevel::of(slot.heat)),
        window.rfc3339(slot.start_ms),
        slot.heat,
    );
}

/// The colour of each heat level, and a line on how to read the picture.
fn legend(svg: &mut String, legend_y: f64) {
    for (i, level) in HeatLevel::ALL.iter().enumerate() {
        let x = GRID_X + i as f64 * 140.0;
        let _ = writeln!(
            svg,
            r#"<rect class="legend" x="{x}" y="{}" width="14" height="14" fill="{}"/><text x="{}" y="{legend_y}">{}</text>"#,
            legend_y - 11.0,
            fill(*level),
            x + 20.0,
            level.label(),
        );
    }
    let _ = writeln!(
        svg,
        r#"<text x="{GRID_X}" y="{}" font-size="10">One rectangle per slot at its local clock time; a split hour is the hour that repeats when clocks go back.</text>"#,
        legend_y + 22.0,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rect_per_slot_and_a_split_repeated_hour() {
        let window = LocalWindow::new(
            &heat_core::window_of_days(
                &heat_core::ZoneDatabase::bundled(),
                "2026-10-25",
                1,
                "Europe/Berlin",
            )
            .unwrap(),
        )
        .unwrap();
        let slots: Vec<_> = (0..25)
            .map(|i| HeatSlot {
                start_ms: window.window().start_ms + i * 3_600_000,
                heat: 1.0,
            })
            .collect();
        let svg = render(
            &HeatMap {
                slot_minutes: 60,
                busy_minutes: 1_500.0,
                slots,
            },
            &window,
        );
        assert!(svg.starts_with("<svg"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches(r#"<rect class="slot""#).count(), 25);
        // The two passes through 02:00 share an x position, one above the other.
        let x_of_two = format!(r#"x="{:.1}""#, GRID_X + 2.0 * HOUR_WIDTH);
        assert_eq!(svg.matches(&x_of_two).count(), 2);
        assert!(svg.contains(">25 h<"));
    }
}
