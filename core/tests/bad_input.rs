//! The bad-input catalogue (SPEC "Bad input"): every class gets its typed
//! error naming the field (and event id), never the title, and leaves the
//! database file byte-identical.

mod support;

use heat_core::{Error, EventTime, HeatStore, ReconcileOptions, SourceEvent, TimeWindow, events_from_json};
use support::{DAY, HOUR, all_day, file_bytes, temp_store, timed, window};

const T0: i64 = 1_796_025_600_000; // 2026-11-30T08:00Z
const MARKER: &str = "PRIVATE-TITLE-MARKER";

fn secret(mut e: SourceEvent) -> SourceEvent {
    e.title = MARKER.into();
    e.location = Some(MARKER.into());
    e
}

fn good_window() -> TimeWindow {
    window(T0, T0 + DAY, "Europe/Berlin")
}

/// One bad call and the error it must get: name, scope, window, events,
/// the field the error must name, and the event id it must name.
struct Case(
    &'static str,
    &'static str,
    TimeWindow,
    Vec<SourceEvent>,
    &'static str,
    Option<&'static str>,
);

fn catalogue() -> Vec<Case> {
    let ok = secret(timed("ok", T0, T0 + HOUR));
    let with_time = |id: &str, time: EventTime| SourceEvent {
        id: id.into(),
        time,
        ..ok.clone()
    };
    vec![
        Case(
            "empty id",
            "s",
            good_window(),
            vec![
                ok.clone(),
                SourceEvent {
                    id: String::new(),
                    ..ok.clone()
                },
            ],
            "id",
            None,
        ),
        Case(
            "empty calendar",
            "s",
            good_window(),
            vec![SourceEvent {
                calendar_id: String::new(),
                ..ok.clone()
            }],
            "calendarId",
            Some("ok"),
        ),
        Case(
            "end before start",
            "s",
            good_window(),
            vec![with_time(
                "e1",
                EventTime::Timed {
                    start_ms: T0,
                    end_ms: T0 - 1,
                },
            )],
            "endMs",
            Some("e1"),
        ),
        Case(
            "malformed start date",
            "s",
            good_window(),
            vec![secret(all_day("h1", "2026-11-31", "2026-12-01"))],
            "startDate",
            Some("h1"),
        ),
        Case(
            "malformed end date",
            "s",
            good_window(),
            vec![secret(all_day("h2", "2026-11-30", "30.11.2026"))],
            "endDate",
            Some("h2"),
        ),
        Case(
            "end date before start date",
            "s",
            good_window(),
            vec![secret(all_day("h3", "2026-11-30", "2026-11-29"))],
            "endDate",
            Some("h3"),
        ),
        Case(
            "instant out of range",
            "s",
            good_window(),
            vec![with_time(
                "e2",
                EventTime::Timed {
                    start_ms: i64::MIN,
                    end_ms: 0,
                },
            )],
            "startMs",
            Some("e2"),
        ),
        Case(
            "unknown time zone",
            "s",
            window(T0, T0 + DAY, "Europe/Atlantis"),
            vec![ok.clone()],
            "window.timeZone",
            None,
        ),
        Case(
            "window end equals start",
            "s",
            window(T0, T0, "UTC"),
            vec![ok.clone()],
            "window.endMs",
            None,
        ),
        Case(
            "window end before start",
            "s",
            window(T0, T0 - 1, "UTC"),
            vec![ok.clone()],
            "window.endMs",
            None,
        ),
        Case(
            "window too long",
            "s",
            window(T0, T0 + 400 * DAY, "UTC"),
            vec![ok.clone()],
            "window.endMs",
            None,
        ),
        Case(
            "conflicting duplicate ids",
            "s",
            good_window(),
            vec![
                ok.clone(),
                SourceEvent {
                    title: "other".into(),
                    ..ok.clone()
                },
            ],
            "id",
            Some("ok"),
        ),
        Case("empty scope", "", good_window(), vec![ok.clone()], "scope", None),
        Case(
            "id too long",
            "s",
            good_window(),
            vec![SourceEvent {
                id: "x".repeat(5_000),
                ..ok.clone()
            }],
            "id",
            None,
        ),
    ]
}

#[test]
fn every_bad_input_is_typed_and_leaves_the_file_byte_identical() {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path).unwrap();
    let seed = [secret(timed("keep", T0 + 2 * HOUR, T0 + 3 * HOUR))];
    store
        .reconcile_heat("s", &good_window(), &seed, ReconcileOptions::default())
        .unwrap();
    let before = file_bytes(&tmp.path);
    for Case(case, scope, window, events, field, event_id) in catalogue() {
        let err = store
            .reconcile_heat(scope, &window, &events, ReconcileOptions::default())
            .unwrap_err();
        let Error::InvalidInput(invalid) = &err else {
            panic!("{case}: expected InvalidInput, got {err}")
        };
        assert_eq!(invalid.field, field, "{case}");
        assert_eq!(invalid.event_id.as_deref(), event_id, "{case}");
        assert!(!err.to_string().contains(MARKER), "{case}: {err}");
        assert!(err.to_string().contains(field), "{case}: {err}");
        assert_eq!(file_bytes(&tmp.path), before, "{case}: the file changed");
    }
    assert_eq!(store.events("s", &good_window()).unwrap(), seed.to_vec());
}

#[test]
fn bad_json_is_typed_and_never_echoes_values() {
    let cases = [
        (r#"{"events": [{"id": "e1"#, "json"),
        (r#"[]"#, "json"),
        (
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "t", "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z", "color": "PRIVATE-TITLE-MARKER"}]}"#,
            "color",
        ),
        (
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "t", "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z", "status": "PRIVATE-TITLE-MARKER"}]}"#,
            "status",
        ),
        (
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "PRIVATE-TITLE-MARKER", "start": "PRIVATE-TITLE-MARKER", "end": "2026-11-30T10:00:00Z"}]}"#,
            "start",
        ),
        (
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "t"}]}"#,
            "start",
        ),
        (r#"{"events": [{"calendarId": "c", "title": "t"}]}"#, "id"),
    ];
    for (text, field) in cases {
        let err = events_from_json(text).unwrap_err();
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
    let err = HeatStore::open(&tmp.path).err().expect("garbage must not open");
    assert!(matches!(err, Error::CorruptDatabase(_)), "{err}");
    assert_eq!(std::fs::read(&tmp.path).unwrap(), garbage);
}

#[test]
fn a_database_newer_than_the_code_is_refused_and_stays_untouched() {
    let tmp = temp_store();
    drop(HeatStore::open(&tmp.path).unwrap());
    let conn = rusqlite::Connection::open(&tmp.path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = file_bytes(&tmp.path);
    let err = HeatStore::open(&tmp.path)
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
    let err = HeatStore::open(&tmp.path)
        .err()
        .expect("a foreign file must be refused");
    assert!(matches!(err, Error::ForeignDatabase), "{err}");
    let conn = rusqlite::Connection::open(&tmp.path).unwrap();
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}
