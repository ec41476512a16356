//! The model of the store (`(store − overlapping(W) − ids(S)) ∪ S`,
//! `docs/contract.md` "Reconcile semantics" 3)
//! and the check that stored day digests agree with it: shared by the
//! model-based property test and the reliability harnesses, which compare a
//! store against the states it may legally be in.

use std::collections::{BTreeMap, HashMap};

use heat_core::SourceEvent;
use heat_core::TimeWindow;
use heat_core::engine::{Digest, day_digest, event_hash};
use heat_core::model::{DayPart, Zone, check_event, interval_overlaps};
use rusqlite::Connection;

/// Every stored event, by (scope, id).
pub type Model = BTreeMap<(String, String), SourceEvent>;

pub fn overlaps(event: &SourceEvent, window: &TimeWindow) -> bool {
    let zone = Zone::parse(&window.time_zone, "tz").unwrap();
    let (start, end) = check_event(event).unwrap().span.resolve(zone);
    interval_overlaps(start, end, window.start_ms, window.end_ms)
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
    let hashed: Vec<(&str, heat_core::model::Span, Digest)> = model
        .iter()
        .map(|((scope, _), e)| {
            let span = check_event(e).unwrap().span;
            (scope.as_str(), span, event_hash(e, span))
        })
        .collect();
    // Each event resolved once per zone, not once per stored row.
    let mut resolved: HashMap<String, Vec<(&str, i64, i64, Digest)>> = HashMap::new();
    for (scope, day_start, day_end, zone_name, digest) in rows {
        let zone = Zone::parse(&zone_name, "tz").unwrap();
        let events = resolved.entry(zone_name).or_insert_with(|| {
            hashed
                .iter()
                .map(|(scope, span, hash)| {
                    let (start, end) = span.resolve(zone);
                    (*scope, start, end, *hash)
                })
                .collect()
        });
        let mut hashes: Vec<Digest> = events
            .iter()
            .filter(|(s, start, end, _)| *s == scope && interval_overlaps(*start, *end, day_start, day_end))
            .map(|(.., hash)| *hash)
            .collect();
        let day = DayPart {
            date: zone.date_of(day_start),
            day_start_ms: day_start,
            day_end_ms: day_end,
            start_ms: day_start,
            end_ms: day_end,
        };
        assert_eq!(
            day_digest(&day, &mut hashes).to_vec(),
            digest,
            "stale digest for {scope} day {day_start}"
        );
    }
}
