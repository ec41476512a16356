//! Deciding what to write: compare the store's days with `S` and list the
//! rows to delete and insert so that the store equals the model of
//! `docs/contract.md` "Reconcile semantics" 3,
//! `(store − overlapping(W) − ids(S)) ∪ S`, touching only the days that
//! differ.
//!
//! Why it is enough to look at dirty days: on a clean day the stored events
//! and `S` are the same set, so every stored event on it is in `S` and every
//! event of `S` on it is stored. A stored event on dirty days only is kept
//! when `S` holds it unchanged, and deleted otherwise; an event of `S` not
//! stored unchanged is inserted, replacing any row with its id (which also
//! moves an event whose id was stored outside the window).

use std::collections::HashSet;

use crate::model::{DayPart, Span, Zone};

use super::fingerprint::{Digest, day_digest};
use super::source_state::{SourceState, WindowEvent, overlapped_days};

/// What the compare and plan steps need of a stored row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: String,
    pub hash: Digest,
    pub span: Span,
}

/// Digests of consecutive day parts computed from the stored rows that
/// overlap them (for days whose digest is not stored, and for partial days
/// at the window's edges). `rows` must hold every stored event overlapping
/// `days`; others are ignored.
pub fn day_digests_from_rows<'a>(
    days: &[DayPart],
    zone: &Zone,
    rows: impl IntoIterator<Item = &'a StoredEvent>,
) -> Vec<Digest> {
    let mut hashes_per_day: Vec<Vec<Digest>> = vec![Vec::new(); days.len()];
    for row in rows {
        let (start, end) = row.span.resolve(zone);
        for day in overlapped_days(days, start, end).into_iter().flatten() {
            hashes_per_day[day].push(row.hash);
        }
    }
    days.iter()
        .zip(hashes_per_day.iter_mut())
        .map(|(day, hashes)| day_digest(day, hashes))
        .collect()
}

#[derive(Debug)]
pub struct Plan<'a> {
    /// Stored ids on dirty days that `S` does not hold unchanged.
    pub delete_ids: Vec<&'a str>,
    /// Events of `S` on dirty days that are not stored unchanged.
    pub insert: Vec<&'a WindowEvent<'a>>,
}

/// `dirty[i]` says whether day `i` differs; `stored_in_dirty` holds every
/// stored event overlapping a dirty day.
pub fn plan_changes<'a>(
    state: &'a SourceState<'a>,
    dirty: &[bool],
    stored_in_dirty: &'a [StoredEvent],
) -> Plan<'a> {
    let source: HashSet<(&str, &Digest)> = state
        .events
        .iter()
        .map(|e| (e.checked.event.id.as_str(), &e.hash))
        .collect();
    let stored: HashSet<(&str, &Digest)> = stored_in_dirty.iter().map(|s| (s.id.as_str(), &s.hash)).collect();
    let delete_ids = stored_in_dirty
        .iter()
        .filter(|s| !source.contains(&(s.id.as_str(), &s.hash)))
        .map(|s| s.id.as_str())
        .collect();
    let insert = state
        .events
        .iter()
        .filter(|e| e.days.clone().any(|d| dirty[d]))
        .filter(|e| !stored.contains(&(e.checked.event.id.as_str(), &e.hash)))
        .collect();
    Plan { delete_ids, insert }
}
