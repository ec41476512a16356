//! Stored events, for people: when (local time), their weight and why,
//! calendar, id and title. Titles are the user's own data shown to the
//! user; they still never reach an error message.

use std::fmt::Write;

use heat_core::model::parse_date;
use heat_core::{Availability, EventStatus, EventTime, Participation, SourceEvent};

use super::day_label;
use crate::local_window::LocalWindow;

pub fn render(events: &[SourceEvent], window: &LocalWindow) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} events in the window ({})",
        events.len(),
        window.zone_name()
    );
    let id_width = events.iter().map(|e| e.id.chars().count()).max().unwrap_or(0);
    for event in events {
        let weight = match why(event) {
            reasons if reasons.is_empty() => heat_core::heat::weight(event).to_string(),
            reasons => format!("{} ({reasons})", heat_core::heat::weight(event)),
        };
        let _ = writeln!(
            out,
            "{:<35} {weight:<18} {:<10} {:<id_width$}  {}",
            when(&event.time, window),
            event.calendar_id,
            event.id,
            event.title
        );
    }
    out
}

fn when(time: &EventTime, window: &LocalWindow) -> String {
    match time {
        EventTime::Timed { start_ms, end_ms } => {
            let (start, end) = (window.local(*start_ms), window.local(*end_ms));
            if start.date() == end.date() {
                format!("{} → {}", window.short(*start_ms), end.format("%H:%M"))
            } else {
                format!("{} → {}", window.short(*start_ms), window.short(*end_ms))
            }
        }
        EventTime::AllDay { start_date, end_date } => {
            let first = parse_date(start_date, "startDate").ok();
            let last = parse_date(end_date, "endDate").ok().and_then(|d| d.pred_opt());
            match (first, last) {
                (Some(first), Some(last)) if last > first => {
                    format!("{} – {}, all day", day_label(first), day_label(last))
                }
                (Some(first), _) => format!("{}, all day", day_label(first)),
                _ => format!("{start_date} – {end_date}, all day"),
            }
        }
    }
}

/// The attributes that make the weight differ from a plain busy event.
fn why(event: &SourceEvent) -> String {
    let mut reasons = Vec::new();
    if event.availability != Availability::Busy {
        reasons.push(event.availability.wire_name());
    }
    if event.status != EventStatus::Confirmed {
        reasons.push(event.status.wire_name());
    }
    if !matches!(event.participation, Participation::None | Participation::Accepted) {
        reasons.push(event.participation.wire_name());
    }
    reasons.join(", ")
}
