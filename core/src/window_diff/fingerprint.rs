//! The window fingerprint: a two-level Merkle digest.
//!
//! Level 0 hashes each event's full stored content (every field, so any
//! change is seen). Level 1 hashes, per local day of the window, the sorted
//! event hashes of the events overlapping that day: sorting makes the digest
//! independent of input order, and the set semantics upstream make it
//! independent of duplicates. Level 2 hashes the window and its day digests.
//! Per-day digests let a reconcile find, and rewrite, only the days that
//! differ. Encodings are length-prefixed and versioned by a domain string,
//! so they are the same on every platform and process.

use crate::model::{CheckedWindow, DayPart, SourceEvent, Span};

pub type Digest = [u8; 32];

const EVENT_DOMAIN: &[u8] = b"flowstate.heat.event.v1";
const DAY_DOMAIN: &[u8] = b"flowstate.heat.day.v1";
const WINDOW_DOMAIN: &[u8] = b"flowstate.heat.window.v1";

/// Length-prefixed little-endian encoding into one buffer, hashed once:
/// BLAKE3 is much faster on one contiguous input than on many small updates.
struct Encoder(Vec<u8>);

impl Encoder {
    fn new(domain: &[u8], capacity: usize) -> Self {
        let mut e = Encoder(Vec::with_capacity(capacity + domain.len() + 8));
        e.bytes(domain);
        e
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    fn int(&mut self, value: i64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(self) -> Digest {
        *blake3::hash(&self.0).as_bytes()
    }
}

/// Hash of everything stored about one event.
pub fn event_hash(event: &SourceEvent, span: Span) -> Digest {
    let text_len = event.id.len() + event.calendar_id.len() + event.title.len();
    let mut e = Encoder::new(
        EVENT_DOMAIN,
        text_len + event.location.as_ref().map_or(0, String::len) + 96,
    );
    e.bytes(event.id.as_bytes());
    e.bytes(event.calendar_id.as_bytes());
    e.bytes(event.title.as_bytes());
    match &event.location {
        None => e.int(0),
        Some(location) => {
            e.int(1);
            e.bytes(location.as_bytes());
        }
    }
    match span {
        Span::Timed { start_ms, end_ms } => {
            e.int(0);
            e.int(start_ms);
            e.int(end_ms);
        }
        Span::AllDay { start_day, end_day } => {
            e.int(1);
            e.int(start_day);
            e.int(end_day);
        }
    }
    e.int(i64::from(event.availability.code()));
    e.int(i64::from(event.status.code()));
    e.int(i64::from(event.participation.code()));
    e.finish()
}

/// Digest of one day part: its bounds and the sorted hashes of its events.
pub fn day_digest(day: &DayPart, event_hashes: &mut [Digest]) -> Digest {
    event_hashes.sort_unstable();
    let mut e = Encoder::new(DAY_DOMAIN, 24 + 32 * event_hashes.len());
    e.int(day.start_ms);
    e.int(day.end_ms);
    e.int(event_hashes.len() as i64);
    for hash in event_hashes.iter() {
        e.raw(hash);
    }
    e.finish()
}

/// Digest of the whole window from its day digests, in day order.
pub fn window_digest(window: &CheckedWindow, day_digests: &[Digest]) -> Digest {
    let mut e = Encoder::new(WINDOW_DOMAIN, 64 + 32 * day_digests.len());
    e.int(window.start_ms);
    e.int(window.end_ms);
    e.bytes(window.zone.name().as_bytes());
    for digest in day_digests {
        e.raw(digest);
    }
    e.finish()
}

pub fn to_hex(digest: &Digest) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
