//! `interrupt()` from another thread: a running reconcile of 50,000 events
//! fails with `Error::Interrupted` and the store is unchanged; the store
//! stays usable afterwards.

use std::sync::Arc;
use std::time::Duration;

use crate::support::zones;
use crate::support::{DAY, MINUTE, T0, dump, temp_store, timed, window};
use heat_core::{Error, HeatStore, ReconcileOptions, SourceEvent, TimeWindow};
use rusqlite::Connection;

const EVENTS: i64 = 50_000;

fn quarter() -> TimeWindow {
    window(T0, T0 + 90 * DAY, "Europe/Berlin")
}

fn events(shift_ms: i64) -> Vec<SourceEvent> {
    (0..EVENTS)
        .map(|i| {
            let start = T0 + (i * 150 * 1_000) % (89 * DAY) + shift_ms;
            timed(&format!("e{i}"), start, start + 30 * MINUTE)
        })
        .collect()
}

#[test]
fn interrupting_a_50k_event_reconcile_leaves_the_store_unchanged() {
    let tmp = temp_store();
    let store = Arc::new(HeatStore::open(&tmp.path, zones()).unwrap());
    let old = events(0);
    store
        .reconcile_heat("s", &quarter(), &old, ReconcileOptions::default())
        .unwrap();
    let before = store.events("s", &quarter()).unwrap();

    // Interrupt at several moments: during validation and hashing, and during
    // the SQL writes (moving every event rewrites every day).
    let new = Arc::new(events(5 * MINUTE));
    let mut interrupted = 0;
    for delay_ms in [0_u64, 30, 120, 300, 600, 1_000] {
        let rows_before = dump(&tmp.path);
        let worker = {
            let (store, new) = (Arc::clone(&store), Arc::clone(&new));
            std::thread::spawn(move || {
                store.reconcile_heat("s", &quarter(), &new, ReconcileOptions::default())
            })
        };
        std::thread::sleep(Duration::from_millis(delay_ms));
        store.interrupt();
        match worker.join().unwrap() {
            Err(Error::Interrupted) => {
                interrupted += 1;
                assert!(
                    dump(&tmp.path) == rows_before,
                    "an interrupted call changed rows (delay {delay_ms} ms)"
                );
                assert_eq!(store.events("s", &quarter()).unwrap(), before);
            }
            Ok(outcome) => {
                // Finished before the interrupt arrived: then it must be whole.
                assert!(outcome.changed);
                assert_eq!(store.events("s", &quarter()).unwrap().len(), EVENTS as usize);
                store
                    .reconcile_heat("s", &quarter(), &old, ReconcileOptions::default())
                    .unwrap();
            }
            Err(other) => panic!("unexpected error: {other}"),
        }
    }
    assert!(interrupted >= 3, "only {interrupted} of 6 calls were interrupted");

    // The interrupt does not stick: the next call runs normally.
    let outcome = store
        .reconcile_heat("s", &quarter(), &new, ReconcileOptions::default())
        .unwrap();
    assert_eq!(outcome.events_inserted, EVENTS as u64);
    let integrity: String = Connection::open(&tmp.path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}
