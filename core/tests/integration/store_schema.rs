//! The store file across versions and processes: the first real migration
//! (version 1 → 2) against a frozen file written by version-1 code, and the
//! read-only opens and change counter that screens in other processes use.

use crate::support::zones;
use crate::support::{dump, temp_store, timed};
use heat_core::{Error, HeatStore, ReconcileOptions, events_from_json, window_of_days};
use rusqlite::Connection;

const V1_FILE: &str = include_str!("../fixtures/store_v1.sql");

/// A store file exactly as version-1 code left it.
fn v1_store() -> crate::support::TempStore {
    let tmp = temp_store();
    drop(v1_store_at(&tmp.path));
    tmp
}

fn v1_store_at(path: &std::path::Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V1_FILE).unwrap();
    conn
}

fn rows(path: &std::path::Path, table: &str) -> Vec<String> {
    dump(path)
        .into_iter()
        .filter(|row| row.starts_with(&format!("{table}: ")))
        .collect()
}

fn sample_events() -> Vec<heat_core::SourceEvent> {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../cli/src/demo/sample.json"
    ))
    .unwrap();
    events_from_json(&json).unwrap()
}

#[test]
fn a_version_1_file_upgrades_with_every_event_digest_and_sync_record_intact() {
    let tmp = v1_store();
    let events_before = rows(&tmp.path, "events");
    let digests_before = rows(&tmp.path, "day_digests");
    let scopes_before = rows(&tmp.path, "scopes");
    assert_eq!((events_before.len(), digests_before.len()), (45, 21));

    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    assert_eq!(rows(&tmp.path, "events"), events_before);
    assert_eq!(rows(&tmp.path, "day_digests"), digests_before);
    assert_eq!(rows(&tmp.path, "scopes"), scopes_before);
    let version: i64 = Connection::open(&tmp.path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);

    // The sync records survive, and each synced scope starts counting at 1.
    let me = store
        .last_sync("me")
        .unwrap()
        .expect("the v1 sync record of scope me");
    assert_eq!(
        (me.window.time_zone.as_str(), me.at_ms),
        ("Europe/Berlin", 1_795_979_593_961)
    );
    assert_eq!(store.change_count("me").unwrap(), 1);
    assert_eq!(store.change_count("work").unwrap(), 1);
    assert_eq!(store.change_count("never").unwrap(), 0);
    assert_eq!(store.store_id().unwrap().len(), 32);

    // The digests still match what the old code stored: the same input is a no-op.
    let window = window_of_days(&zones(), "2026-10-17", 14, "Europe/Berlin").unwrap();
    let outcome = store
        .reconcile_heat("me", &window, &sample_events(), ReconcileOptions::default())
        .unwrap();
    assert!(!outcome.changed, "the upgrade lost or changed stored data");
    assert_eq!(store.change_count("me").unwrap(), 1);
}

#[test]
fn a_read_only_open_never_creates_migrates_or_writes() {
    let tmp = temp_store();
    let missing = HeatStore::open_read_only(&tmp.path, zones())
        .err()
        .expect("a missing file must not open");
    assert!(matches!(missing, Error::Storage(_)), "{missing}");
    assert!(!tmp.path.exists(), "a read-only open created the file");

    drop(v1_store_at(&tmp.path));
    let before = std::fs::read(&tmp.path).unwrap();
    let older = HeatStore::open_read_only(&tmp.path, zones())
        .err()
        .expect("a v1 file needs the writer");
    assert!(
        matches!(
            older,
            Error::IncompatibleDatabase {
                found: 1,
                supported: 2
            }
        ),
        "{older}"
    );
    assert!(
        older.to_string().contains("open the file for writing once"),
        "{older}"
    );
    assert_eq!(
        std::fs::read(&tmp.path).unwrap(),
        before,
        "a read-only open migrated the file"
    );
}

#[test]
fn a_reader_sees_the_writers_changes_through_the_change_count() {
    let tmp = temp_store();
    let writer = HeatStore::open(&tmp.path, zones()).unwrap();
    let window = window_of_days(&zones(), "2026-11-30", 7, "Europe/Berlin").unwrap();
    let reader = HeatStore::open_read_only(&tmp.path, zones()).unwrap();
    let id = reader.store_id().unwrap();
    assert_eq!(reader.change_count("me").unwrap(), 0);

    let one = [timed(
        "a",
        window.start_ms + 3_600_000,
        window.start_ms + 7_200_000,
    )];
    writer
        .reconcile_heat("me", &window, &one, ReconcileOptions::default())
        .unwrap();
    assert_eq!(reader.change_count("me").unwrap(), 1);
    writer
        .reconcile_heat("me", &window, &one, ReconcileOptions::default())
        .unwrap();
    assert_eq!(reader.change_count("me").unwrap(), 1, "a no-op must not count");
    writer
        .reconcile_heat("me", &window, &[], ReconcileOptions { allow_empty: true })
        .unwrap();
    assert_eq!(reader.change_count("me").unwrap(), 2, "a pure delete is a change");
    assert_eq!(reader.change_count("other").unwrap(), 0);
    assert_eq!(reader.events("me", &window).unwrap(), vec![]);
    assert_eq!(reader.store_id().unwrap(), id);

    let refused = reader.reconcile_heat("me", &window, &one, ReconcileOptions::default());
    assert!(matches!(refused, Err(Error::ReadOnly(_))), "{refused:?}");
    assert_eq!(writer.change_count("me").unwrap(), 2);
}

#[test]
fn a_recreated_file_has_a_new_store_id() {
    let tmp = temp_store();
    let first = HeatStore::open(&tmp.path, zones()).unwrap().store_id().unwrap();
    std::fs::remove_file(&tmp.path).unwrap();
    let second = HeatStore::open(&tmp.path, zones()).unwrap().store_id().unwrap();
    assert_ne!(first, second);
}

#[test]
fn a_damaged_sync_record_is_reported_as_damage_not_as_an_empty_digest() {
    let tmp = v1_store();
    drop(HeatStore::open(&tmp.path, zones()).unwrap());
    Connection::open(&tmp.path)
        .unwrap()
        .execute("UPDATE sync_log SET window_digest = x'00'", [])
        .unwrap();
    let err = HeatStore::open(&tmp.path, zones())
        .unwrap()
        .last_sync("me")
        .unwrap_err();
    assert!(matches!(err, Error::CorruptDatabase(_)), "{err}");
}
