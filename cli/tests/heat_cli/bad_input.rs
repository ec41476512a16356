use crate::support::{SAMPLE, Store, event, events_file, heat};

/// Each bad events file exits 2 with one line naming the problem, never the
/// title, and leaves the store file and its log byte-identical.
#[test]
fn bad_events_files_exit_2_and_leave_the_store_byte_identical() {
    let timed = |start: &str, end: &str| events_file(&[event("e1", start, end)]);
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "bad date",
            timed("2026-10-20T25:00:00+02:00", "2026-10-20T26:00:00+02:00"),
            "start",
        ),
        (
            "bad all-day date",
            r#"{"events": [{"id": "h", "calendarId": "c", "title": "SECRET-TITLE", "allDay": true,
                "startDate": "2026-02-30", "endDate": "2026-03-01"}]}"#
                .into(),
            "startDate",
        ),
        (
            "unknown field",
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "SECRET-TITLE", "colour": "red",
                "start": "2026-10-20T10:00:00Z", "end": "2026-10-20T11:00:00Z"}]}"#
                .into(),
            "colour",
        ),
        (
            "unknown enum value",
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "SECRET-TITLE", "status": "maybe",
                "start": "2026-10-20T10:00:00Z", "end": "2026-10-20T11:00:00Z"}]}"#
                .into(),
            "status",
        ),
        (
            "malformed JSON",
            r#"{"events": [{"id": "e1", "#.into(),
            "malformed JSON",
        ),
        (
            "end before start",
            timed("2026-10-20T11:00:00Z", "2026-10-20T10:00:00Z"),
            "endMs of event \"e1\"",
        ),
        (
            "empty id",
            r#"{"events": [{"id": "", "calendarId": "c", "title": "SECRET-TITLE",
                "start": "2026-10-20T10:00:00Z", "end": "2026-10-20T11:00:00Z"}]}"#
                .into(),
            "id",
        ),
        (
            "conflicting duplicate ids",
            events_file(&[
                event("dup", "2026-10-20T10:00:00Z", "2026-10-20T11:00:00Z"),
                event("dup", "2026-10-21T10:00:00Z", "2026-10-21T11:00:00Z"),
            ]),
            "dup",
        ),
    ];
    let store = Store::new();
    store.sync(SAMPLE.as_ref()).json();
    let before = store.bytes();
    for (name, contents, expected) in cases {
        let file = store.file("bad.json", &contents);
        let run = store.run("sync", &["--events", file.to_str().unwrap(), "--json"]);
        let message = run.one_line_error(2);
        assert!(message.contains(expected), "{name}: {message}");
        assert!(!message.contains("SECRET"), "{name}: the title leaked: {message}");
        assert_eq!(store.bytes(), before, "{name}: the store changed");
    }
    assert_eq!(
        store.run("events", &["--json"]).json()["events"]
            .as_array()
            .unwrap()
            .len(),
        29
    );
}

#[test]
fn bad_window_arguments_exit_2_before_the_store_is_touched() {
    let store = Store::new();
    let db = store.db();
    let db = db.to_str().unwrap();
    let base = ["sync", "--db", db, "--scope", "me", "--events", SAMPLE];
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "--from",
                "2026-10-19",
                "--to",
                "2026-11-02",
                "--tz",
                "Mars/Olympus",
            ],
            "--tz",
        ),
        (
            &["--from", "yesterday", "--to", "2026-11-02", "--tz", "UTC"],
            "--from",
        ),
        (
            &["--from", "2026-11-02", "--to", "2026-10-19", "--tz", "UTC"],
            "window.endMs",
        ),
        (
            &["--from", "2026-01-01", "--to", "2027-06-01", "--tz", "UTC"],
            "window.endMs",
        ),
        (
            &[
                "--from",
                "2026-10-19T00:00:00",
                "--to",
                "2026-11-02",
                "--tz",
                "UTC",
            ],
            "--from",
        ),
    ];
    for (window, expected) in cases {
        let args: Vec<&str> = base.iter().chain(window).copied().collect();
        let message = heat(&args).one_line_error(2).to_owned();
        assert!(message.contains(expected), "{window:?}: {message}");
        assert!(!store.db().exists(), "{window:?}: the store file was created");
    }
    let empty_scope = heat(&[
        "sync",
        "--db",
        db,
        "--scope",
        "",
        "--events",
        SAMPLE,
        "--from",
        "2026-10-19",
        "--to",
        "2026-11-02",
        "--tz",
        "UTC",
    ]);
    assert!(empty_scope.one_line_error(2).contains("scope"));
}

#[test]
fn unreadable_inputs_and_foreign_files_exit_2() {
    let store = Store::new();
    let missing = store.run("sync", &["--events", "/nonexistent/events.json"]);
    assert!(missing.one_line_error(2).contains("--events"));
    assert!(!store.db().exists());

    let not_a_store = store.file(
        "heat.db",
        "this is a text file, not SQLite, and long enough to look like a header",
    );
    let before = std::fs::read(&not_a_store).unwrap();
    let run = store.run("sync", &["--events", SAMPLE]);
    assert!(run.one_line_error(2).contains("database"), "{}", run.stderr);
    assert_eq!(std::fs::read(&not_a_store).unwrap(), before);

    let fresh = Store::new();
    let never_synced = fresh.run("map", &[]);
    assert!(never_synced.one_line_error(2).contains("--db"));
    assert!(!fresh.db().exists(), "a read command must not create a store");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["sync", "--scope", "me"][..],
        &[
            "map",
            "--db",
            "x.db",
            "--scope",
            "me",
            "--from",
            "2026-10-19",
            "--to",
            "2026-10-20",
            "--tz",
            "UTC",
            "--slot",
            "-5",
        ][..],
        &["frobnicate"][..],
        &["demo", "--verbose"][..],
        &[][..],
    ] {
        let run = heat(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty());
    }
    assert_eq!(heat(&["--help"]).code, 0);
}
