//! The calendar `heat demo` runs on: two weeks in Europe/Berlin around the
//! autumn clock change (Sunday 25 October 2026 lasts 25 hours), with the
//! cases a real calendar throws at the engine — expanded stand-up
//! occurrences, a double-booked hour, tentative / declined / cancelled / free
//! events, an all-day holiday, a two-day trip, an on-call shift crossing
//! midnight and the clock change, and events just outside the window.
//!
//! The sample is plain event JSON (`sample.json`), the same format
//! `heat sync --events` reads, so it doubles as an example of that format.

use heat_core::ZoneDatabase;
use heat_core::{EventTime, InvalidInput, SourceEvent, TimeWindow};

pub const SAMPLE_JSON: &str = include_str!("sample.json");
pub const SCOPE: &str = "demo";
pub const TIME_ZONE: &str = "Europe/Berlin";
pub const FIRST_DAY: &str = "2026-10-19";
pub const DAYS: u32 = 14;

/// The event the demo moves, one hour later, to show a partial repair.
pub const MOVED_EVENT_ID: &str = "one-on-one-sam-2026-10-19";
pub const MOVED_BY_MS: i64 = 3_600_000;

pub fn window() -> Result<TimeWindow, InvalidInput> {
    heat_core::window_of_days(&ZoneDatabase::bundled(), FIRST_DAY, DAYS, TIME_ZONE)
}

pub fn sample_events() -> Result<Vec<SourceEvent>, InvalidInput> {
    heat_core::events_from_json(SAMPLE_JSON)
}

/// The sample as the calendar reports it after the moved event was dragged
/// one hour later.
pub fn with_moved_event(events: &[SourceEvent]) -> Vec<SourceEvent> {
    events
        .iter()
        .cloned()
        .map(|mut event| {
            if let (true, EventTime::Timed { start_ms, end_ms }) =
                (event.id == MOVED_EVENT_ID, &mut event.time)
            {
                *start_ms += MOVED_BY_MS;
                *end_ms += MOVED_BY_MS;
            }
            event
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_parses_and_exactly_one_event_moves() {
        let events = sample_events().unwrap();
        let moved = with_moved_event(&events);
        let differing: Vec<_> = events
            .iter()
            .zip(&moved)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| &a.id)
            .collect();
        assert_eq!(differing, [MOVED_EVENT_ID]);
    }

    #[test]
    fn the_window_spans_the_25_hour_day() {
        let window = window().unwrap();
        assert_eq!(window.end_ms - window.start_ms, (14 * 24 + 1) * 3_600_000);
    }
}
