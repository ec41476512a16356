//! Odd events never block a window: a device calendar that holds one event
//! with a 17,000-byte title, an empty id or an end before its start must
//! not stop every sync until someone edits that event.
//!
//! In this order: over-long texts are cut on a character boundary; events
//! the store would refuse are left out; copies of one id collapse (equal
//! content silently; different content keeps the copy with the smallest
//! content hash, so the choice does not depend on read order).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::engine::{Digest, event_hash};
use crate::interrupt::CHECK_EVERY;
use crate::limits::MAX_TEXT_BYTES;
use crate::model::{SourceEvent, Span, check_event};

/// Events ready for the reconcile, and what it took.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub events: Vec<SourceEvent>,
    pub truncated: u64,
    pub skipped: u64,
    pub duplicates_dropped: u64,
}

/// `None` when `cancelled` was set meanwhile (checked every
/// `CHECK_EVERY` events, so a cancel during a large read is prompt).
pub fn clean(events: Vec<SourceEvent>, cancelled: &AtomicBool) -> Option<Cleaned> {
    let mut cleaned = Cleaned::default();
    let mut by_id: HashMap<String, Kept> = HashMap::with_capacity(events.len());
    for (n, mut event) in events.into_iter().enumerate() {
        if n % CHECK_EVERY == 0 && cancelled.load(Ordering::SeqCst) {
            return None;
        }
        if truncate_texts(&mut event) {
            cleaned.truncated += 1;
        }
        let Ok(span) = check_event(&event).map(|checked| checked.span) else {
            cleaned.skipped += 1;
            continue;
        };
        match by_id.get_mut(&event.id) {
            None => {
                let id = event.id.clone();
                by_id.insert(id, Kept::new(event, span));
            }
            Some(kept) if kept.event == event => {}
            Some(kept) => {
                if kept.merge(event, span) {
                    cleaned.duplicates_dropped += 1;
                }
            }
        }
    }
    cleaned.events = by_id.into_values().map(|kept| kept.event).collect();
    Some(cleaned)
}

/// The copy kept for an id. Hashes are computed only once a second,
/// different copy shows up: most reads have no duplicates.
struct Kept {
    event: SourceEvent,
    span: Span,
    hash: Option<Digest>,
    /// Distinct content hashes seen for this id.
    seen: Vec<Digest>,
}

impl Kept {
    fn new(event: SourceEvent, span: Span) -> Self {
        Kept {
            event,
            span,
            hash: None,
            seen: Vec::new(),
        }
    }

    /// Keeps the copy with the smaller hash; true when `other` is a content
    /// not seen before for this id.
    fn merge(&mut self, other: SourceEvent, other_span: Span) -> bool {
        let kept_hash = *self
            .hash
            .get_or_insert_with(|| event_hash(&self.event, self.span));
        if self.seen.is_empty() {
            self.seen.push(kept_hash);
        }
        let other_hash = event_hash(&other, other_span);
        let new_content = !self.seen.contains(&other_hash);
        if new_content {
            self.seen.push(other_hash);
        }
        if other_hash < kept_hash {
            self.hash = Some(other_hash);
            self.span = other_span;
            self.event = other;
        }
        new_content
    }
}

/// Cuts the title and location to the text limit; true when it cut one.
fn truncate_texts(event: &mut SourceEvent) -> bool {
    let title = truncate(&mut event.title);
    let location = event.location.as_mut().is_some_and(truncate);
    title || location
}

fn truncate(text: &mut String) -> bool {
    if text.len() <= MAX_TEXT_BYTES {
        return false;
    }
    let cut = (0..=MAX_TEXT_BYTES)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.truncate(cut);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, EventStatus, EventTime, Participation};

    fn event(id: &str, title: &str, start_ms: i64) -> SourceEvent {
        SourceEvent {
            id: id.into(),
            calendar_id: "work".into(),
            title: title.into(),
            location: None,
            time: EventTime::Timed {
                start_ms,
                end_ms: start_ms + 60_000,
            },
            availability: Availability::Busy,
            status: EventStatus::Confirmed,
            participation: Participation::None,
        }
    }

    fn run(events: Vec<SourceEvent>) -> Cleaned {
        clean(events, &AtomicBool::new(false)).expect("not cancelled")
    }

    #[test]
    fn a_cancel_stops_cleaning() {
        assert_eq!(clean(vec![event("a", "x", 0)], &AtomicBool::new(true)), None);
    }

    #[test]
    fn an_over_long_title_is_cut_on_a_character_boundary() {
        // 3-byte characters: the limit falls inside one.
        let long = "€".repeat(MAX_TEXT_BYTES / 3 + 5);
        let mut located = event("a", &long, 0);
        located.location = Some(long.clone());
        let cleaned = run(vec![located]);
        assert_eq!(cleaned.truncated, 1);
        let kept = &cleaned.events[0];
        assert_eq!(kept.title.len(), MAX_TEXT_BYTES - MAX_TEXT_BYTES % 3);
        assert!(long.starts_with(&kept.title));
        assert_eq!(kept.location.as_deref(), Some(kept.title.as_str()));
    }

    #[test]
    fn refused_events_are_skipped_and_the_rest_kept() {
        let mut backwards = event("b", "x", 10);
        backwards.time = EventTime::Timed {
            start_ms: 10,
            end_ms: 5,
        };
        let cleaned = run(vec![event("", "x", 0), backwards, event("c", "x", 0)]);
        assert_eq!(cleaned.skipped, 2);
        assert_eq!(cleaned.events, vec![event("c", "x", 0)]);
    }

    #[test]
    fn duplicates_keep_one_copy_whatever_the_read_order() {
        let copies = vec![event("a", "one", 0), event("a", "two", 0), event("a", "one", 0)];
        let forward = run(copies.clone());
        let backward = run(copies.into_iter().rev().collect());
        assert_eq!(forward.events, backward.events);
        assert_eq!(forward.events.len(), 1);
        assert_eq!(forward.duplicates_dropped, 1);
        let equal = run(vec![event("a", "one", 0), event("a", "one", 0)]);
        assert_eq!((equal.events.len(), equal.duplicates_dropped), (1, 0));
    }
}
