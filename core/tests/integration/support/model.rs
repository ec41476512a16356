//! The model of the store (`(store − overlapping(W) − ids(S)) ∪ S`,
//! `docs/contract.md` "Reconcile semantics" 3)
//! and the check that stored day digests agree with it: shared by the
//! model-based property test and the reliability harnesses, which compare a
//! store against the states it may legally be in. The expected side is
//! written here from the contract and the documented encoding, importing
//! only plain data types from the engine: an oracle that called the code
//! under test would agree with its mistakes.

mod fingerprint;
mod interval;

use std::collections::{BTreeMap, HashMap};

use heat_core::SourceEvent;
use heat_core::TimeWindow;
use rusqlite::Connection;

use fingerprint::{Digest, day_digest, event_hash};
use interval::{interval, zone};

/// Every stored event, by (scope, id).
pub type Model = BTreeMap<(String, String), SourceEvent>;

pub fn overlaps(event: &SourceEvent, window: &TimeWindow) -> bool {
    let seen_from = zone(&window.time_zone);
    interval::overlaps(interval(event, seen_from), window.start_ms, window.end_ms)
}

/// The model's events of `scope` overlapping `window`, by id.
pub fn model_window(model: &Model, scope: &str, window: &TimeWindow) -> Vec<SourceEvent> {
    model
        .iter()
        .filter(|((s, _), e)| s == scope && overlaps(e, window))
        .map(|(_, e)| e.clone())
        .collect()
}

/// The model's events of `scope`, by id.
pub fn model_scope(model: &Model, scope: &str) -> Vec<SourceEvent> {
    model
        .iter()
        .filter(|((s, _), _)| s == scope)
        .map(|(_, e)| e.clone())
        .collect()
}

/// The model of one reconcile; `source` is `S` (the input events that
/// overlap the window).
pub fn apply(model: &mut Model, scope: &str, window: &TimeWindow, source: &[SourceEvent]) {
    model.retain(|(s, id), e| s != scope || !(overlaps(e, window) || source.iter().any(|x| &x.id == id)));
    for e in source {
        model.insert((scope.to_owned(), e.id.clone()), e.clone());
    }
}

/// Every stored day digest equals the digest recomputed from `model`.
pub fn check_day_digests(conn: &Connection, model: &Model) {
    let mut stmt = conn
        .prepare("SELECT scope, day_start_ms, day_end_ms, time_zone, digest FROM day_digests")
        .unwrap();
    let rows: Vec<(String, i64, i64, String, Vec<u8>)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let hashed: Vec<(&str, &SourceEvent, Digest)> = model
        .iter()
        .map(|((scope, _), e)| (scope.as_str(), e, event_hash(e)))
        .collect();
    // Each event resolved once per zone, not once per stored row.
    let mut resolved: HashMap<String, Vec<Resolved>> = HashMap::new();
    for (scope, day_start, day_end, zone_name, digest) in rows {
        let events = resolved.entry(zone_name).or_insert_with_key(|zone_name| {
            let seen_from = zone(zone_name);
            hashed
                .iter()
                .map(|(scope, e, hash)| Resolved {
                    scope,
                    interval: interval(e, seen_from),
                    hash: *hash,
                })
                .collect()
        });
        let hashes: Vec<Digest> = events
            .iter()
            .filter(|e| e.scope == scope && interval::overlaps(e.interval, day_start, day_end))
            .map(|e| e.hash)
            .collect();
        assert_eq!(
            day_digest(day_start, day_end, hashes).to_vec(),
            digest,
            "stale digest for {scope} day {day_start}"
        );
    }
}

/// A model event as one zone sees it, with its hash.
struct Resolved<'a> {
    scope: &'a str,
    interval: (i64, i64),
    hash: Digest,
}
