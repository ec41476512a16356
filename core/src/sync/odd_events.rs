//! Odd events never block a window: a device calendar that holds one event
//! with a 17,000-byte title, an empty id or an end before its start must
//! not stop every sync until someone edits that event.
//!
//! In this order: over-long texts are cut on a character boundary; events
//! the store would refuse are left out; copies of one id collapse. Equal
//! copies are one event. Of different copies, a copy an earlier window of
//! the run kept wins (the store holds one row per id: two windows keeping
//! different copies would rewrite each other on every run), then a copy
//! that overlaps the window, then the smallest content hash, so the choice
//! does not depend on read order.
//!
//! The counters count events, not sightings: an event read in three
//! windows is truncated, skipped or dropped once per run (`RunMemory`).
//! Everything here is linear in the number of events read.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::interrupt::CHECK_EVERY;
use crate::limits::MAX_TEXT_BYTES;
use crate::model::{CheckedWindow, SourceEvent, Span, check_event};
use crate::window_diff::{Digest, event_hash};

/// Events ready for the reconcile, and what it took.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub events: Vec<SourceEvent>,
    pub truncated: u64,
    pub skipped: u64,
    pub duplicates_dropped: u64,
}

/// Maps and sets keyed by a fingerprint, which is already a hash.
type ByFingerprint<V> = HashMap<u64, V, BuildHasherDefault<AlreadyHashed>>;
type Fingerprints = HashSet<u64, BuildHasherDefault<AlreadyHashed>>;

/// What one run remembers from window to window.
#[derive(Default)]
pub struct RunMemory {
    /// By id fingerprint: the copy an earlier window kept.
    kept: ByFingerprint<Earlier>,
    /// Contents (after cutting) already counted.
    truncated: Fingerprints,
    skipped: Fingerprints,
    dropped: Fingerprints,
}

struct Earlier {
    content: u64,
    /// The copy itself when it reaches past its window: a later window it
    /// overlaps must store the same copy. Boxed: most entries have none,
    /// and the map stays small to grow.
    copy: Option<Box<SourceEvent>>,
}

/// `None` when `cancelled` was set meanwhile (checked every
/// `CHECK_EVERY` events, so a cancel during a large read is prompt).
pub fn clean(
    events: Vec<SourceEvent>,
    window: CheckedWindow,
    memory: &mut RunMemory,
    cancelled: &AtomicBool,
) -> Option<Cleaned> {
    let mut cleaned = Cleaned::default();
    // Copies in read order, and where each id's copies are: events are moved
    // once into `kept`, never again as a map grows.
    let mut kept: Vec<Kept> = Vec::with_capacity(events.len());
    let mut by_id = ByFingerprint::<usize>::with_capacity_and_hasher(events.len(), Default::default());
    for (n, mut event) in events.into_iter().enumerate() {
        if n % CHECK_EVERY == 0 && cancelled.load(Ordering::SeqCst) {
            return None;
        }
        let cut = truncate_texts(&mut event);
        let content = fingerprint(&event);
        if cut && memory.truncated.insert(content) {
            cleaned.truncated += 1;
        }
        let Ok(span) = check_event(&event).map(|checked| checked.span) else {
            if memory.skipped.insert(content) {
                cleaned.skipped += 1;
            }
            continue;
        };
        let copy = Copy {
            content,
            overlaps: span.overlaps(&window.zone, window.start_ms, window.end_ms),
            span,
            hash: None,
            event,
        };
        let id = fingerprint(&copy.event.id);
        match by_id.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(kept.len());
                kept.push(Kept {
                    id,
                    best: copy,
                    others: Fingerprints::default(),
                });
            }
            Entry::Occupied(slot) => kept[*slot.get()].offer(copy),
        }
    }
    memory.kept.reserve(kept.len());
    cleaned.events.reserve(kept.len());
    for one in kept {
        let (event, dropped) = one.settle(&window, memory);
        cleaned.events.extend(event);
        for content in dropped {
            if memory.dropped.insert(content) {
                cleaned.duplicates_dropped += 1;
            }
        }
    }
    Some(cleaned)
}

/// A 64-bit fingerprint: equal values have equal fingerprints; different
/// values collide with negligible odds (used to count and compare, never to
/// store).
fn fingerprint(value: &(impl Hash + ?Sized)) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A hasher for keys that are fingerprints already: hashing them again
/// (SipHash) cost a measurable share of a no-op run.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used (the keys are `u64`); fold anything else.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// One read copy of an event.
struct Copy {
    event: SourceEvent,
    span: Span,
    content: u64,
    overlaps: bool,
    /// The content hash, computed only to break a tie.
    hash: Option<Digest>,
}

impl Copy {
    fn hash(&mut self) -> Digest {
        *self
            .hash
            .get_or_insert_with(|| event_hash(&self.event, self.span))
    }

    /// Whether this copy should win over `other` (not the same content).
    fn beats(&mut self, other: &mut Copy) -> bool {
        match (self.overlaps, other.overlaps) {
            (true, false) => true,
            (false, true) => false,
            _ => self.hash() < other.hash(),
        }
    }
}

/// The copies of one id in one read.
struct Kept {
    /// The id's fingerprint.
    id: u64,
    best: Copy,
    /// Contents of the other, different copies seen.
    others: Fingerprints,
}

impl Kept {
    fn offer(&mut self, mut copy: Copy) {
        if copy.content == self.best.content || self.others.contains(&copy.content) {
            return;
        }
        if copy.beats(&mut self.best) {
            std::mem::swap(&mut self.best, &mut copy);
        }
        self.others.insert(copy.content);
    }

    /// The copy this window stores (if any) and the contents it drops,
    /// after what earlier windows of the run kept.
    fn settle(
        mut self,
        window: &CheckedWindow,
        memory: &mut RunMemory,
    ) -> (Option<SourceEvent>, Fingerprints) {
        match memory.kept.entry(self.id) {
            Entry::Occupied(earlier) => {
                let earlier = earlier.get();
                if earlier.content == self.best.content {
                    return (Some(self.best.event), self.others);
                }
                self.others.remove(&earlier.content);
                self.others.insert(self.best.content);
                (earlier.copy.as_deref().cloned(), self.others)
            }
            Entry::Vacant(slot) => {
                let (lo, hi) = self.best.span.bounds();
                let reaches_out = lo < window.start_ms || hi > window.end_ms;
                slot.insert(Earlier {
                    content: self.best.content,
                    copy: reaches_out.then(|| Box::new(self.best.event.clone())),
                });
                (Some(self.best.event), self.others)
            }
        }
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
    use crate::model::{Availability, EventStatus, EventTime, Participation, TimeWindow};

    const HOUR: i64 = 3_600_000;

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

    /// `[day * 24 h, (day + 1) * 24 h)` in UTC.
    fn day(day: i64) -> CheckedWindow {
        TimeWindow {
            start_ms: day * 24 * HOUR,
            end_ms: (day + 1) * 24 * HOUR,
            time_zone: "UTC".into(),
        }
        .check(&crate::ZoneDatabase::bundled())
        .unwrap()
    }

    fn run(events: Vec<SourceEvent>) -> Cleaned {
        clean(events, day(0), &mut RunMemory::default(), &AtomicBool::new(false)).expect("not cancelled")
    }

    #[test]
    fn a_cancel_stops_cleaning() {
        let cancelled = AtomicBool::new(true);
        assert_eq!(
            clean(
                vec![event("a", "x", 0)],
                day(0),
                &mut RunMemory::default(),
                &cancelled
            ),
            None
        );
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

    #[test]
    fn a_copy_inside_the_window_beats_one_outside_whatever_the_hashes() {
        let inside = event("a", "inside", HOUR);
        let outside = event("a", "outside", 30 * HOUR);
        for order in [
            vec![inside.clone(), outside.clone()],
            vec![outside.clone(), inside.clone()],
        ] {
            let cleaned = run(order);
            assert_eq!(cleaned.events, vec![inside.clone()]);
            assert_eq!(cleaned.duplicates_dropped, 1);
        }
    }

    #[test]
    fn many_copies_of_one_id_are_cleaned_in_one_pass() {
        // Quadratic before: every new copy was compared with every content
        // seen (20,000 copies took about 1.8 s in a debug build).
        let copies: Vec<SourceEvent> = (0..20_000).map(|n| event("a", &n.to_string(), HOUR)).collect();
        let cleaned = run(copies);
        assert_eq!((cleaned.events.len(), cleaned.duplicates_dropped), (1, 19_999));
    }

    #[test]
    fn an_id_kept_by_an_earlier_window_keeps_its_copy_in_later_windows() {
        let mut memory = RunMemory::default();
        let never = AtomicBool::new(false);
        // A copy that reaches from day 0 into day 1, and a different copy read in day 1.
        let mut spanning = event("a", "first", 20 * HOUR);
        spanning.time = EventTime::Timed {
            start_ms: 20 * HOUR,
            end_ms: 28 * HOUR,
        };
        let other = event("a", "second", 30 * HOUR);
        let first = clean(vec![spanning.clone()], day(0), &mut memory, &never).unwrap();
        assert_eq!(first.events, vec![spanning.clone()]);
        let second = clean(vec![other.clone()], day(1), &mut memory, &never).unwrap();
        assert_eq!(
            second.events,
            vec![spanning],
            "the earlier window's copy, not the new one"
        );
        assert_eq!(second.duplicates_dropped, 1);
        // A copy inside its own window is not carried: the later window drops its copy.
        let mut memory = RunMemory::default();
        let inside = event("b", "first", HOUR);
        clean(vec![inside], day(0), &mut memory, &never).unwrap();
        let later = clean(vec![event("b", "second", 30 * HOUR)], day(1), &mut memory, &never).unwrap();
        assert_eq!((later.events.len(), later.duplicates_dropped), (0, 1));
    }

    #[test]
    fn an_event_seen_in_three_windows_is_counted_once() {
        let mut memory = RunMemory::default();
        let never = AtomicBool::new(false);
        let mut long = event("a", &"x".repeat(MAX_TEXT_BYTES + 1), 0);
        long.time = EventTime::Timed {
            start_ms: 0,
            end_ms: 72 * HOUR,
        };
        let counts: Vec<u64> = (0..3)
            .map(|d| {
                clean(vec![long.clone()], day(d), &mut memory, &never)
                    .unwrap()
                    .truncated
            })
            .collect();
        assert_eq!(counts, vec![1, 0, 0]);
    }
}
