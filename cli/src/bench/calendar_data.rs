//! Deterministic synthetic calendars for the benchmarks: realistic field
//! sizes (titles, locations, a few all-day events), spread over working
//! hours, the same on every run.

use heat_core::ZoneDatabase;
use heat_core::{
    Availability, EventStatus, EventTime, Participation, SourceEvent, TimeWindow, window_of_days,
};

const MINUTE: i64 = 60_000;

/// A window of `days` from 2026-11-30 in Europe/Berlin with `count` events.
pub fn calendar(days: u32, count: usize) -> (TimeWindow, Vec<SourceEvent>) {
    let window = window_of_days(&ZoneDatabase::bundled(), "2026-11-30", days, "Europe/Berlin")
        .expect("a valid fixed window");
    let mut rng = Lcg(0x5eed_0000 + count as u64);
    let span_minutes = (window.end_ms - window.start_ms) / MINUTE;
    let events = (0..count)
        .map(|i| {
            let time = if i % 20 == 19 {
                let day = rng.below(i64::from(days) - 1);
                let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid")
                    + chrono::Days::new(day as u64);
                EventTime::AllDay {
                    start_date: date.to_string(),
                    end_date: (date + chrono::Days::new(1)).to_string(),
                }
            } else {
                let start = window.start_ms + rng.below(span_minutes - 120) * MINUTE;
                EventTime::Timed {
                    start_ms: start,
                    end_ms: start + (15 + rng.below(8) * 15) * MINUTE,
                }
            };
            SourceEvent {
                id: format!("AAMkADBench{i:08}@2026"),
                calendar_id: format!("calendar-{}", i % 3),
                title: format!("Meeting about topic number {}", rng.below(1_000)),
                location: (i % 4 == 0).then(|| format!("Room {}", rng.below(50))),
                time,
                availability: if i % 10 == 3 {
                    Availability::Tentative
                } else {
                    Availability::Busy
                },
                status: EventStatus::Confirmed,
                participation: if i % 7 == 0 {
                    Participation::Accepted
                } else {
                    Participation::None
                },
            }
        })
        .collect();
    (window, events)
}

/// The same calendar with one timed event moved by an hour.
pub fn with_one_moved(events: &[SourceEvent]) -> Vec<SourceEvent> {
    let mut moved = events.to_vec();
    let timed = moved.iter_mut().find_map(|e| match &mut e.time {
        EventTime::Timed { start_ms, end_ms } => Some((start_ms, end_ms)),
        EventTime::AllDay { .. } => None,
    });
    if let Some((start_ms, end_ms)) = timed {
        *start_ms += 60 * MINUTE;
        *end_ms += 60 * MINUTE;
    }
    moved
}

/// A small deterministic generator (no `rand` dependency for benchmarks).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: i64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % bound.max(1) as u64) as i64
    }
}
