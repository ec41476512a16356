use serde_json::Value;

use crate::support::{SAMPLE, Store, event, events_file};

#[test]
fn syncing_the_same_file_twice_changes_nothing_the_second_time() {
    let store = Store::new();
    let first = store.sync(SAMPLE.as_ref()).json();
    assert_eq!(first["changed"], true);
    assert_eq!(first["eventsInserted"], 29);
    assert_eq!(first["ignoredOutsideWindow"], 2);
    assert_eq!(first["daysReplaced"], 14);
    let bytes_after_first = store.bytes();

    let second = store.sync(SAMPLE.as_ref()).json();
    assert_eq!(second["changed"], false);
    assert_eq!(second["eventsInserted"], 0);
    assert_eq!(second["eventsDeleted"], 0);
    assert_eq!(second["eventsUnchanged"], 29);
    assert_eq!(second["daysReplaced"], 0);
    assert_eq!(second["replacedRanges"], Value::Array(vec![]));
    assert_eq!(second["windowDigest"], first["windowDigest"]);
    assert_eq!(
        store.bytes(),
        bytes_after_first,
        "a no-op sync wrote to the store"
    );
}

#[test]
fn sync_json_has_the_spec_fields_and_types() {
    let store = Store::new();
    let outcome = store.sync(SAMPLE.as_ref()).json();
    let digest = outcome["windowDigest"]
        .as_str()
        .expect("windowDigest is a string");
    assert!(
        digest.len() >= 32 && digest.chars().all(|c| c.is_ascii_hexdigit()),
        "{digest}"
    );
    for field in [
        "eventsInserted",
        "eventsDeleted",
        "eventsUnchanged",
        "ignoredOutsideWindow",
        "daysReplaced",
        "durationMicros",
    ] {
        assert!(outcome[field].is_u64(), "{field}: {}", outcome[field]);
    }
    assert_eq!(
        outcome["replacedRanges"],
        serde_json::json!([{"start": "2026-10-19T00:00:00+02:00", "end": "2026-11-02T00:00:00+01:00"}])
    );
}

#[test]
fn a_moved_event_replaces_only_its_day() {
    let store = Store::new();
    let before = [
        event("a", "2026-10-20T10:00:00+02:00", "2026-10-20T11:00:00+02:00"),
        event("b", "2026-10-27T10:00:00+01:00", "2026-10-27T11:00:00+01:00"),
    ];
    store
        .sync(&store.file("before.json", &events_file(&before)))
        .json();
    let after = [
        before[0].clone(),
        event("b", "2026-10-27T11:00:00+01:00", "2026-10-27T12:00:00+01:00"),
    ];
    let outcome = store.sync(&store.file("after.json", &events_file(&after))).json();
    assert_eq!(outcome["changed"], true);
    assert_eq!(
        (
            outcome["eventsInserted"].as_u64(),
            outcome["eventsDeleted"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(outcome["eventsUnchanged"], 1);
    assert_eq!(outcome["daysReplaced"], 1);
    assert_eq!(
        outcome["replacedRanges"],
        serde_json::json!([{"start": "2026-10-27T00:00:00+01:00", "end": "2026-10-28T00:00:00+01:00"}])
    );
}

#[test]
fn events_can_come_from_stdin() {
    let store = Store::new();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let outcome = store.sync_stdin(&sample).json();
    assert_eq!(outcome["eventsInserted"], 29);
    assert_eq!(store.sync_stdin(&sample).json()["changed"], false);
}

#[test]
fn an_empty_source_is_refused_with_status_3_unless_allowed() {
    let store = Store::new();
    store.sync(SAMPLE.as_ref()).json();
    let before = store.bytes();
    let empty = store.file("empty.json", r#"{"events": []}"#);

    let refused = store.run("sync", &["--events", empty.to_str().unwrap()]);
    let message = refused.one_line_error(3);
    assert!(message.contains("--allow-empty"), "{message}");
    assert_eq!(store.bytes(), before);

    let allowed = store
        .run(
            "sync",
            &["--events", empty.to_str().unwrap(), "--allow-empty", "--json"],
        )
        .json();
    assert_eq!(allowed["changed"], true);
    assert_eq!(allowed["eventsDeleted"], 29);
    assert_eq!(
        store.run("events", &["--json"]).json(),
        serde_json::json!({"events": []})
    );
}

#[test]
fn an_empty_source_into_an_empty_window_is_a_quiet_no_op() {
    let store = Store::new();
    let outcome = store.sync(&store.file("empty.json", r#"{"events": []}"#)).json();
    assert_eq!(outcome["changed"], false);
}

#[test]
fn human_output_says_what_happened() {
    let store = Store::new();
    let sample = ["--events", SAMPLE];
    let first = store.run("sync", &sample);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first
            .stdout
            .starts_with("changed: true, inserted 29, deleted 0, unchanged 0, ignored outside window 2\n"),
        "{}",
        first.stdout
    );
    let second = store.run("sync", &sample);
    assert!(
        second.stdout.starts_with("changed: false, 0 rows written"),
        "{}",
        second.stdout
    );
}
