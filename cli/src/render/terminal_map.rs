//! The heat map for a terminal: one row per local day, one cell per local
//! clock hour, shaded with block characters; fits in 80 columns.
//!
//! A cell shows the heat of its hour: the time-weighted mean of the slots
//! over the part of the hour inside the window, which for hour-aligned
//! 60-minute slots is exactly the slot's heat and for finer slots is the
//! heat of the whole hour (`docs/contract.md` "Heat semantics"). The hour that repeats when clocks go back
//! folds into one cell (the mean of both passes); an hour skipped when
//! clocks go forward, or outside the window, is left blank.

use std::fmt::Write;

use chrono::Timelike;
use heat_core::HeatMap;
use heat_core::model::DayPart;

use super::heat_level::HeatLevel;
use super::{day_label, hours_minutes};
use crate::local_window::LocalWindow;

const MS_PER_HOUR: i64 = 3_600_000;
const LABEL_WIDTH: usize = 11;

#[derive(Debug, Clone, Copy, Default)]
struct HourCell {
    /// Σ heat · covered milliseconds.
    heat_ms: f64,
    covered_ms: i64,
}

impl HourCell {
    /// Two columns per hour keep the cells roughly square.
    fn glyph(self) -> String {
        if self.covered_ms == 0 {
            return "  ".into();
        }
        match HeatLevel::of(self.heat_ms / self.covered_ms as f64) {
            HeatLevel::Free => format!("{} ", shade(HeatLevel::Free)),
            level => shade(level).to_string().repeat(2),
        }
    }
}

fn shade(level: HeatLevel) -> char {
    match level {
        HeatLevel::Free => '·',
        HeatLevel::Light => '░',
        HeatLevel::Partial => '▒',
        HeatLevel::Busy => '▓',
        HeatLevel::Overbooked => '█',
    }
}

struct DayRow {
    day: DayPart,
    hours: [HourCell; 24],
}

pub fn render(map: &HeatMap, window: &LocalWindow) -> String {
    let rows = hour_rows(map, window);
    let mut out = String::new();
    let header: String = (0..24)
        .map(|h| {
            if h % 3 == 0 {
                format!("{h:02}")
            } else {
                "  ".into()
            }
        })
        .collect();
    let _ = writeln!(out, "{:LABEL_WIDTH$}{}", "", header.trim_end());
    for row in &rows {
        let cells: String = row.hours.iter().map(|c| c.glyph()).collect();
        let day_hours = (row.day.day_end_ms - row.day.day_start_ms) / MS_PER_HOUR;
        let note = if day_hours == 24 {
            String::new()
        } else {
            format!("  {day_hours} h day")
        };
        let line = format!("{:LABEL_WIDTH$}{cells}{note}", day_label(row.day.date));
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let legend: Vec<String> = HeatLevel::ALL
        .iter()
        .map(|&level| format!("{} {}", shade(level), level.label()))
        .collect();
    let _ = writeln!(out, "\n{}", legend.join("  "));
    let _ = writeln!(
        out,
        "one cell per local hour ({}), busy {} h in all\nblank: outside the window, or an hour skipped by a clock change",
        window.zone_name(),
        hours_minutes(map.busy_minutes)
    );
    out
}

fn hour_rows(map: &HeatMap, window: &LocalWindow) -> Vec<DayRow> {
    let mut rows: Vec<DayRow> = window
        .days()
        .into_iter()
        .map(|day| DayRow {
            day,
            hours: [HourCell::default(); 24],
        })
        .collect();
    let slot_ms = i64::from(map.slot_minutes) * 60_000;
    for slot in &map.slots {
        let end = (slot.start_ms + slot_ms).min(window.end_ms());
        let mut at = slot.start_ms;
        // Walk the slot hour by local hour: local hours need not align with
        // UTC hours (offsets such as +05:30) nor last an hour (DST changes).
        while at < end {
            let local = window.local(at);
            let into_hour = i64::from(local.minute()) * 60_000
                + i64::from(local.second()) * 1_000
                + i64::from(local.nanosecond() / 1_000_000);
            let next = (at + MS_PER_HOUR - into_hour).min(end);
            if let Ok(index) = rows.binary_search_by_key(&local.date(), |row| row.day.date) {
                let cell = &mut rows[index].hours[local.hour() as usize];
                cell.heat_ms += slot.heat * (next - at) as f64;
                cell.covered_ms += next - at;
            }
            at = next;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use heat_core::HeatSlot;

    use super::*;

    fn window(start: &str, days: u32, zone: &str) -> LocalWindow {
        LocalWindow::new(
            &heat_core::window_of_days(&heat_core::ZoneDatabase::bundled(), start, days, zone).unwrap(),
        )
        .unwrap()
    }

    fn map_of(window: &LocalWindow, slot_minutes: u32, heat: impl Fn(usize) -> f64) -> HeatMap {
        let slot_ms = i64::from(slot_minutes) * 60_000;
        let count = (window.end_ms() - window.window().start_ms + slot_ms - 1) / slot_ms;
        let slots = (0..count as usize)
            .map(|i| HeatSlot {
                start_ms: window.window().start_ms + i as i64 * slot_ms,
                heat: heat(i),
            })
            .collect();
        HeatMap {
            slot_minutes,
            busy_minutes: 0.0,
            slots,
        }
    }

    #[test]
    fn quarter_hour_slots_average_into_their_hour() {
        let w = window("2026-11-30", 1, "UTC");
        // Hour 9: 2, 2, 0, 0 → mean 1 (busy); hour 10: 1, 0, 0, 0 → 0.25.
        let map = map_of(&w, 15, |i| match i {
            36 | 37 => 2.0,
            40 => 1.0,
            _ => 0.0,
        });
        let rows = hour_rows(&map, &w);
        let glyphs: Vec<_> = rows[0].hours.iter().map(|c| c.glyph()).collect();
        assert_eq!(&glyphs[8..12], ["· ", "▓▓", "░░", "· "]);
    }

    #[test]
    fn the_repeated_hour_folds_and_the_skipped_hour_is_blank() {
        let fall = window("2026-10-25", 1, "Europe/Berlin");
        // 25 slots: 00, 01, 02 (CEST), 02 (CET), 03 … 23; heat 2 only in the second 02.
        let rows = hour_rows(&map_of(&fall, 60, |i| if i == 3 { 2.0 } else { 0.0 }), &fall);
        assert_eq!(rows[0].hours[2].covered_ms, 2 * MS_PER_HOUR);
        assert_eq!(rows[0].hours[2].glyph(), "▓▓");
        assert!(render(&map_of(&fall, 60, |_| 0.0), &fall).contains("25 h day"));

        let spring = window("2026-03-29", 1, "Europe/Berlin");
        let rows = hour_rows(&map_of(&spring, 60, |_| 1.0), &spring);
        assert_eq!(rows[0].hours[2].glyph(), "  ");
        assert_eq!(rows[0].hours.iter().filter(|c| c.glyph() == "▓▓").count(), 23);
    }

    #[test]
    fn rows_fit_in_80_columns() {
        let w = window("2026-10-19", 14, "Europe/Berlin");
        let text = render(&map_of(&w, 60, |i| (i % 5) as f64 / 2.0), &w);
        assert!(text.lines().all(|line| line.chars().count() <= 80), "{text}");
        assert_eq!(text.lines().filter(|l| l.starts_with("Sun 25 Oct")).count(), 1);
    }
}
