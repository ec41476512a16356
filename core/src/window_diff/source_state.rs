//! The source side of a reconcile: the set `S` of input events overlapping
//! the window, each with its content hash and the days it touches, and the
//! per-day and window digests of that set.

use std::collections::HashMap;

use crate::error::{InvalidInput, Result};
use crate::heat::weight_halves;
use crate::interrupt::{CHECK_EVERY, InterruptScope};
use crate::limits::MAX_EVENTS_PER_CALL;
use crate::model::{CheckedEvent, CheckedWindow, DayPart, SourceEvent, check_event};

use super::fingerprint::{Digest, day_digest, event_hash, window_digest};

/// One event of `S`.
#[derive(Debug, Clone)]
pub struct WindowEvent<'a> {
    pub checked: CheckedEvent<'a>,
    pub hash: Digest,
    /// Indices into `SourceState::days` of the first and last day it overlaps.
    pub days: std::ops::RangeInclusive<usize>,
}

impl WindowEvent<'_> {
    pub fn weight_halves(&self) -> u8 {
        weight_halves(self.checked.event)
    }
}

#[derive(Debug)]
pub struct SourceState<'a> {
    pub window: CheckedWindow,
    pub days: Vec<DayPart>,
    /// `S`, without duplicates, in input order.
    pub events: Vec<WindowEvent<'a>>,
    pub ignored_outside_window: u64,
    pub day_digests: Vec<Digest>,
    pub window_digest: Digest,
}

impl<'a> SourceState<'a> {
    /// Validates every input event (all of them, not only those in the
    /// window) and builds `S`. Any invalid input fails the whole call.
    pub fn build(
        window: CheckedWindow,
        input: &'a [SourceEvent],
        interrupt: &InterruptScope<'_>,
    ) -> Result<Self> {
        if input.len() > MAX_EVENTS_PER_CALL {
            return Err(InvalidInput::new(
                "events",
                format!("more than {MAX_EVENTS_PER_CALL} events in one call"),
            )
            .into());
        }
        let days = window.day_parts();
        let mut by_id: HashMap<&str, Digest> = HashMap::with_capacity(input.len());
        let mut events = Vec::with_capacity(input.len());
        let mut ignored_outside_window = 0;
        for (n, event) in input.iter().enumerate() {
            if n % CHECK_EVERY == 0 {
                interrupt.check()?;
            }
            let checked = check_event(event)?;
            let hash = event_hash(checked.event, checked.span);
            if let Some(seen) = by_id.insert(&event.id, hash) {
                if seen != hash {
                    return Err(InvalidInput::new("id", "appears twice with different content")
                        .of_event(&event.id)
                        .into());
                }
                continue;
            }
            let (start, end) = checked.span.resolve(&window.zone);
            match overlapped_days(&days, start, end) {
                Some(range) => events.push(WindowEvent {
                    checked,
                    hash,
                    days: range,
                }),
                None => ignored_outside_window += 1,
            }
        }

        let mut hashes_per_day: Vec<Vec<Digest>> = vec![Vec::new(); days.len()];
        for event in &events {
            for day in event.days.clone() {
                hashes_per_day[day].push(event.hash);
            }
        }
        let day_digests: Vec<Digest> = days
            .iter()
            .zip(hashes_per_day.iter_mut())
            .map(|(day, hashes)| day_digest(day, hashes))
            .collect();
        let window_digest = window_digest(&window, &day_digests);
        Ok(SourceState {
            window,
            days,
            events,
            ignored_outside_window,
            day_digests,
            window_digest,
        })
    }
}

/// The day parts an interval overlaps (`docs/contract.md` "Windows and
/// overlap"), as an index range;
/// `None` when it misses the window.
pub fn overlapped_days(days: &[DayPart], start: i64, end: i64) -> Option<std::ops::RangeInclusive<usize>> {
    let (window_start, window_end) = (days.first()?.start_ms, days.last()?.end_ms);
    if !crate::model::interval_overlaps(start, end, window_start, window_end) {
        return None;
    }
    // First day whose end is after the start; last day whose start is before
    // the end (or that contains a zero-length instant).
    let first = days.partition_point(|d| d.end_ms <= start);
    let last = if start == end {
        first
    } else {
        days.partition_point(|d| d.start_ms < end) - 1
    };
    Some(first..=last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interrupt::Interrupter;
    use crate::model::{Availability, EventStatus, EventTime, Participation, TimeWindow};

    const HOUR: i64 = 3_600_000;

    fn timed(id: &str, start_h: i64, end_h: i64) -> SourceEvent {
        SourceEvent {
            id: id.into(),
            calendar_id: "c".into(),
            title: "t".into(),
            location: None,
            time: EventTime::Timed {
                start_ms: start_h * HOUR,
                end_ms: end_h * HOUR,
            },
            availability: Availability::Busy,
            status: EventStatus::Confirmed,
            participation: Participation::None,
        }
    }

    fn build(events: &[SourceEvent]) -> Result<SourceState<'_>> {
        let window = TimeWindow {
            start_ms: 0,
            end_ms: 72 * HOUR,
            time_zone: "UTC".into(),
        }
        .check(&crate::ZoneDatabase::bundled())
        .unwrap();
        SourceState::build(window, events, &Interrupter::default().begin(None))
    }

    #[test]
    fn order_and_duplicates_do_not_change_the_digest() {
        let (a, b, c) = (timed("a", 1, 2), timed("b", 20, 30), timed("c", 100, 101));
        let (input_one, input_two) = ([a.clone(), b.clone(), c.clone()], [c, b.clone(), a.clone(), b, a]);
        let (one, two) = (build(&input_one).unwrap(), build(&input_two).unwrap());
        assert_eq!(one.window_digest, two.window_digest);
        assert_eq!((one.events.len(), one.ignored_outside_window), (2, 1));
        assert_eq!(one.events[1].days, 0..=1);
        assert_eq!(two.events[0].days, 0..=1);
    }

    #[test]
    fn conflicting_duplicates_are_an_error_naming_the_id() {
        let err = build(&[timed("a", 1, 2), timed("a", 1, 3)]).unwrap_err();
        assert!(err.to_string().contains("\"a\""), "{err}");
    }

    #[test]
    fn zero_length_events_at_the_window_end_are_outside() {
        let input = [timed("z", 72, 72), timed("y", 0, 0), timed("x", 24, 24)];
        let state = build(&input).unwrap();
        assert_eq!(state.ignored_outside_window, 1);
        let days: Vec<_> = state.events.iter().map(|e| e.days.clone()).collect();
        assert_eq!(days, vec![0..=0, 1..=1]);
    }
}
