//! The bad-input catalogue (`docs/contract.md` "Bad input"): every class gets its typed
//! error naming the field (and event id), never the title, and leaves the
//! database file byte-identical.

use crate::support::bad_input::{MARKER, bad_calls, bad_json, good_window, secret};
use crate::support::zones;
use crate::support::{HOUR, T0, file_bytes, temp_store, timed};
use heat_core::{Error, HeatStore, ReconcileOptions, events_from_json};

#[test]
fn every_bad_input_is_typed_and_leaves_the_file_byte_identical() {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let seed = [secret(timed("keep", T0 + 2 * HOUR, T0 + 3 * HOUR))];
    store
        .reconcile_heat("s", &good_window(), &seed, ReconcileOptions::default())
        .unwrap();
    let before = file_bytes(&tmp.path);
    for call in bad_calls() {
        let name = call.name;
        let err = store
            .reconcile_heat(
                call.scope,
                &call.window,
                &call.events,
                ReconcileOptions::default(),
            )
            .unwrap_err();
        let Error::InvalidInput(invalid) = &err else {
            panic!("{name}: expected InvalidInput, got {err}")
        };
        assert_eq!(invalid.field, call.field, "{name}");
        assert_eq!(invalid.event_id.as_deref(), call.event_id, "{name}");
        assert!(!err.to_string().contains(MARKER), "{name}: {err}");
        assert!(err.to_string().contains(call.field), "{name}: {err}");
        assert_eq!(file_bytes(&tmp.path), before, "{name}: the file changed");
    }
    assert_eq!(store.events("s", &good_window()).unwrap(), seed.to_vec());
}

#[test]
fn bad_json_is_typed_and_never_echoes_values() {
    for (text, field) in bad_json() {
        let err = events_from_json(&text).unwrap_err();
        assert_eq!(err.field, field, "{text}");
        assert!(!err.to_string().contains(MARKER), "{err}");
    }
}

#[test]
fn a_file_that_is_not_a_database_is_a_typed_error_and_stays_untouched() {
    let tmp = temp_store();
    let garbage: Vec<u8> = (0..8192_u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&tmp.path, &garbage).unwrap();
    let err = HeatStore::open(&tmp.path, zones())
        .err()
        .expect("garbage must not open");
    assert!(matches!(err, Error::CorruptDatabase(_)), "{err}");
    assert_eq!(std::fs::read(&tmp.path).unwrap(), garbage);
}

#[test]
fn a_database_newer_than_the_code_is_refused_and_stays_untouched() {
    let tmp = temp_store();
    drop(HeatStore::open(&tmp.path, zones()).unwrap());
    let conn = rusqlite::Connection::open(&tmp.path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = file_bytes(&tmp.path);
    let err = HeatStore::open(&tmp.path, zones())
        .err()
        .expect("newer schema must be refused");
    assert!(
        matches!(err, Error::IncompatibleDatabase { found: 99, .. }),
        "{err}"
    );
    assert_eq!(file_bytes(&tmp.path), before);
}

#[test]
fn a_foreign_sqlite_file_is_not_taken_over() {
    let tmp = temp_store();
    let conn = rusqlite::Connection::open(&tmp.path).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .unwrap();
    drop(conn);
    let err = HeatStore::open(&tmp.path, zones())
        .err()
        .expect("a foreign file must be refused");
    assert!(matches!(err, Error::ForeignDatabase), "{err}");
    let conn = rusqlite::Connection::open(&tmp.path).unwrap();
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}
