//! Model-based property test of `reconcile_heat` (`docs/contract.md` "Reconcile semantics").
//!
//! Random sequences of reconciles over two scopes, with random, overlapping,
//! unaligned windows in several zones and random events (all-day,
//! zero-length, window-crossing, ids that move). After every step:
//! - the store equals the model `(store − overlapping(W) − ids(S)) ∪ S`;
//! - repeating the call with the input shuffled and duplicated is a no-op
//!   that commits nothing (SQLite's `data_version`, seen from a second
//!   connection, and the connection's change counter) and gives the same digest;
//! - every stored day digest equals one recomputed from the events.

use crate::support::model::{Model, apply, check_day_digests, model_scope, model_window, overlaps};
use crate::support::zones;
use crate::support::{DAY, MINUTE, temp_store, window};
use heat_core::{Availability, EventStatus, EventTime, Participation};
use heat_core::{Error, HeatStore, ReconcileOptions, SourceEvent, TimeWindow};
use proptest::prelude::*;
use rusqlite::Connection;

/// 2026-11-20T00:00Z: events and windows live in the 20 days after it.
const BASE: i64 = 1_795_132_800_000;
const SPAN_DAYS: i64 = 20;
const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Pacific/Kiritimati",
    "Pacific/Honolulu",
];
const SCOPES: &[&str] = &["account-a", "account-b"];

fn date_text(day: i64) -> String {
    heat_core::model::date_from_days(BASE / DAY + day)
        .format("%Y-%m-%d")
        .to_string()
}

fn event_strategy() -> impl Strategy<Value = SourceEvent> {
    let time = prop_oneof![
        // timed, minute-aligned or not, up to three days long
        (0..SPAN_DAYS * 24 * 60, 0..3 * 24 * 60_i64, any::<bool>()).prop_map(|(start, len, odd)| {
            let start_ms = BASE + start * MINUTE + if odd { 1_234 } else { 0 };
            EventTime::Timed {
                start_ms,
                end_ms: start_ms + len * MINUTE,
            }
        }),
        // zero-length
        (0..SPAN_DAYS * 24).prop_map(|h| EventTime::Timed {
            start_ms: BASE + h * 3_600_000,
            end_ms: BASE + h * 3_600_000
        }),
        // all-day, zero to three days
        (0..SPAN_DAYS, 0..4_i64).prop_map(|(d, len)| EventTime::AllDay {
            start_date: date_text(d),
            end_date: date_text(d + len)
        }),
    ];
    (
        0..14_u8,
        time,
        prop::sample::select(Availability::ALL),
        prop::sample::select(EventStatus::ALL),
        prop::sample::select(Participation::ALL),
        prop::option::of("[a-z]{0,3}"),
        0..3_u8,
    )
        .prop_map(
            |(id, time, availability, status, participation, location, title)| SourceEvent {
                id: format!("ev-{id}"),
                calendar_id: "cal".into(),
                title: format!("title {title}"),
                location,
                time,
                availability,
                status,
                participation,
            },
        )
}

#[derive(Debug, Clone)]
struct Step {
    scope: usize,
    window: TimeWindow,
    /// Events to send; ids made unique (the first wins).
    events: Vec<SourceEvent>,
    /// Send exactly the model's window state instead (expect a no-op).
    replay_model: bool,
    allow_empty: bool,
}

fn step_strategy() -> impl Strategy<Value = Step> {
    (
        0..SCOPES.len(),
        0..SPAN_DAYS * 24 * 4,
        1..6 * 24 * 4_i64,
        prop::sample::select(ZONES),
        prop::collection::vec(event_strategy(), 0..10),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.5),
    )
        .prop_map(
            |(scope, start_q, len_q, zone, events, replay_model, allow_empty)| {
                let mut seen = std::collections::HashSet::new();
                let events = events.into_iter().filter(|e| seen.insert(e.id.clone())).collect();
                let start = BASE + start_q * 15 * MINUTE + 7_000;
                Step {
                    scope,
                    window: window(start, start + len_q * 15 * MINUTE, zone),
                    events,
                    replay_model,
                    allow_empty,
                }
            },
        )
}

fn everything() -> TimeWindow {
    window(BASE - 3 * DAY, BASE + (SPAN_DAYS + 6) * DAY, "UTC")
}

fn stored(store: &HeatStore, scope: &str) -> Vec<SourceEvent> {
    let mut events = store.events(scope, &everything()).unwrap();
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

fn data_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0)).unwrap()
}

fn shuffled_with_duplicates(events: &[SourceEvent], seed: usize) -> Vec<SourceEvent> {
    let mut out: Vec<_> = events.iter().chain(events.iter().step_by(2)).cloned().collect();
    let len = out.len().max(1);
    out.rotate_left(seed % len);
    out.reverse();
    out
}

fn run(steps: Vec<Step>) {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let observer = Connection::open(&tmp.path).unwrap();
    let mut model = Model::new();
    for (n, step) in steps.into_iter().enumerate() {
        let scope = SCOPES[step.scope];
        let input = if step.replay_model {
            model_window(&model, scope, &step.window)
        } else {
            step.events
        };
        let options = ReconcileOptions {
            allow_empty: step.allow_empty,
        };
        let source: Vec<_> = input
            .iter()
            .filter(|e| overlaps(e, &step.window))
            .cloned()
            .collect();
        let before = model_window(&model, scope, &step.window);
        let version = data_version(&observer);
        match store.reconcile_heat(scope, &step.window, &input, options) {
            Err(Error::EmptySourceRefused { stored_events }) => {
                assert!(
                    source.is_empty() && !before.is_empty() && !step.allow_empty,
                    "step {n}"
                );
                assert_eq!(stored_events as usize, before.len());
                assert_eq!(data_version(&observer), version, "a refusal must not write");
            }
            Err(other) => panic!("step {n}: {other}"),
            Ok(outcome) => {
                assert!(
                    !source.is_empty() || before.is_empty() || step.allow_empty,
                    "step {n}: guard skipped"
                );
                let mut sorted_before = before.clone();
                sorted_before.sort_by(|a, b| a.id.cmp(&b.id));
                let mut sorted_source = source.clone();
                sorted_source.sort_by(|a, b| a.id.cmp(&b.id));
                let moved_in = source.iter().any(|e| {
                    model
                        .get(&(scope.to_owned(), e.id.clone()))
                        .is_some_and(|old| !overlaps(old, &step.window))
                });
                let equal = sorted_before == sorted_source && !moved_in;
                assert_eq!(outcome.changed, !equal, "step {n}: changed flag");
                apply(&mut model, scope, &step.window, &source);
            }
        }
        for s in SCOPES {
            assert_eq!(
                stored(&store, s),
                model_scope(&model, s),
                "step {n}: scope {s} differs from the model"
            );
        }
        check_day_digests(&observer, &model);

        // The same call again, shuffled and with duplicates: a no-op.
        let again = shuffled_with_duplicates(&input, n);
        let version = data_version(&observer);
        let first = store.reconcile_heat(scope, &step.window, &input, options);
        let second = store.reconcile_heat(scope, &step.window, &again, options);
        if let (Ok(first), Ok(second)) = (&first, &second) {
            assert!(
                !first.changed && !second.changed,
                "step {n}: repeat changed the store"
            );
            assert_eq!(first.window_digest, second.window_digest);
            assert_eq!(second.events_inserted + second.events_deleted, 0);
        }
        assert_eq!(
            data_version(&observer),
            version,
            "step {n}: a repeated call committed something"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn store_follows_the_spec_model(steps in prop::collection::vec(step_strategy(), 10..16)) {
        run(steps);
    }
}
