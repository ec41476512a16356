//! `heat sync --events FILE.ics`: an iCalendar export is expanded over the
//! window, stored, and shown by `events` and `map`; a second run is a no-op.

use serde_json::Value;

use crate::support::Store;

const GOOGLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/ics/google_calendar.ics"
);
const STANDUP: &str = "7kukuqrfedlm2f9t0vcbcm7bgi@google.com";

fn event_ids(events: &Value) -> Vec<String> {
    let mut ids: Vec<String> = events["events"]
        .as_array()
        .expect("an events array")
        .iter()
        .map(|e| e["id"].as_str().expect("a string id").to_owned())
        .collect();
    ids.sort();
    ids
}

fn sync_ics(store: &Store, path: &str, me: Option<&str>) -> Value {
    let mut extra = vec!["--events", path, "--json"];
    extra.extend(me.map(|me| ["--me", me]).iter().flatten());
    let outcome = store.run("sync", &extra).json();
    let report = &outcome["ics"];
    assert_eq!(
        report["imported"],
        outcome["eventsInserted"].as_u64().unwrap() + outcome["eventsUnchanged"].as_u64().unwrap()
    );
    assert_eq!(
        (
            report["skipped"].as_array().unwrap().len(),
            report["warnings"].as_array().unwrap().len()
        ),
        (0, 0)
    );
    outcome
}

#[test]
fn an_ics_export_is_expanded_stored_and_shown_and_a_second_sync_changes_nothing() {
    let store = Store::new();
    let first = sync_ics(&store, GOOGLE, Some("me@example.org"));
    assert_eq!(first["changed"], true);
    assert_eq!(first["eventsInserted"], 6);

    let events = store.run("events", &["--json"]).json();
    let standups: Vec<_> = event_ids(&events)
        .into_iter()
        .filter(|id| id.starts_with(STANDUP))
        .collect();
    assert_eq!(
        standups,
        [
            // Mon Oct 19 (summer time), Mon Oct 26 moved to Tuesday, Wed Oct 28; Wed Oct 21 excluded.
            format!("{STANDUP}@2026-10-19T07:00:00Z"),
            format!("{STANDUP}@2026-10-26T08:00:00Z"),
            format!("{STANDUP}@2026-10-28T08:00:00Z"),
        ]
    );
    let moved = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == format!("{STANDUP}@2026-10-26T08:00:00Z"))
        .unwrap();
    assert_eq!(moved["start"], "2026-10-27T09:00:00Z");
    assert_eq!(moved["participation"], "tentative");

    // Busy: three 15-minute standups and the one-hour review; the offsite
    // day is transparent and the pitch declined.
    let map = store.run("map", &["--json"]).json();
    assert_eq!(map["busyMinutes"], 105.0);

    let second = sync_ics(&store, GOOGLE, Some("me@example.org"));
    assert_eq!(second["changed"], false);
    assert_eq!(second["eventsUnchanged"], 6);
    assert_eq!(second["windowDigest"], first["windowDigest"]);
}

#[test]
fn without_me_no_response_is_known_so_the_declined_pitch_counts_as_busy() {
    let store = Store::new();
    sync_ics(&store, GOOGLE, None);
    let map = store.run("map", &["--json"]).json();
    assert_eq!(map["busyMinutes"], 165.0);
}

#[test]
fn ics_content_is_recognised_without_the_extension_and_on_stdin() {
    let text = std::fs::read_to_string(GOOGLE).unwrap();
    let store = Store::new();
    let renamed = store.file("calendar.txt", &text);
    let by_content = sync_ics(&store, renamed.to_str().unwrap(), None);
    assert_eq!(by_content["eventsInserted"], 6);

    let from_stdin = Store::new().sync_stdin(&text).json();
    assert_eq!(from_stdin["windowDigest"], by_content["windowDigest"]);
}

#[test]
fn a_damaged_event_is_skipped_and_reported_and_the_rest_synced() {
    let store = Store::new();
    let broken = std::fs::read_to_string(GOOGLE)
        .unwrap()
        .replace("DTSTART:20261022T130000Z", "DTSTART:20261022T250000Z")
        .replace(
            "RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE",
            "RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE;COUNT=-1",
        );
    let path = store.file("broken.ics", &broken);
    let text = store.run("sync", &["--events", path.to_str().unwrap()]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.starts_with("imported 5, skipped 1, warnings 1\n"),
        "{}",
        text.stdout
    );

    let json = Store::new()
        .run("sync", &["--events", path.to_str().unwrap(), "--json"])
        .json();
    assert_eq!(json["eventsInserted"], 5);
    let report = &json["ics"];
    assert_eq!(report["imported"], 5);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"][0]["line"], 82);
    assert!(
        report["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("DTSTART: ")
    );
    assert_eq!(report["warnings"][0]["line"], 29);
    assert_eq!(report["warnings"][0]["uid"], STANDUP);
    assert!(
        report["warnings"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("COUNT ignored")
    );
    assert!(!json.to_string().contains("Quarterly"), "{json}");
}

#[test]
fn ignored_empty_values_broken_lines_and_stale_overrides_are_counted_as_warnings() {
    let store = Store::new();
    let fixture = |name: &str| format!("{}/../tests/fixtures/ics/{name}", env!("CARGO_MANIFEST_DIR"));
    // A series shortened to end on Oct 20 after its Oct 27 occurrence was
    // moved: the older override names a start the series no longer has.
    let stale = store.file(
        "stale.ics",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:c\r\nSEQUENCE:3\r\nDTSTART:20261006T170000Z\r\n\
         RRULE:FREQ=WEEKLY;UNTIL=20261020T170000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\n\
         SEQUENCE:1\r\nRECURRENCE-ID:20261027T170000Z\r\nDTSTART:20261028T170000Z\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    );
    for (path, summary, reason) in [
        (
            fixture("empty_rdate_exdate.ics"),
            "imported 2, skipped 0, warnings 2\n",
            "RDATE: empty value; ignored",
        ),
        (
            fixture("broken_fold_unused_property.ics"),
            "imported 0, skipped 1, warnings 3\n",
            "not a content line",
        ),
        (
            stale.to_str().unwrap().to_owned(),
            "imported 1, skipped 0, warnings 1\n",
            "RECURRENCE-ID: the override (SEQUENCE 1) is older than its series (SEQUENCE 3)",
        ),
    ] {
        let text = Store::new().run("sync", &["--events", &path]);
        assert_eq!(text.code, 0, "{path}: {}", text.stderr);
        assert!(text.stdout.starts_with(summary), "{path}: {}", text.stdout);
        let json = Store::new().run("sync", &["--events", &path, "--json"]).json();
        let reasons: Vec<&str> = json["ics"]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["reason"].as_str().unwrap())
            .collect();
        assert!(
            reasons.iter().any(|r| r.starts_with(reason)),
            "{path}: {reasons:?}"
        );
        assert!(!json.to_string().contains("product team"), "{json}");
    }
}

#[test]
fn a_file_with_nothing_of_icalendar_exits_2_and_leaves_the_store_alone() {
    let store = Store::new();
    sync_ics(&store, GOOGLE, None);
    let before = store.bytes();
    let path = store.file("notes.ics", "Quarterly review notes\n");
    let run = store.run("sync", &["--events", path.to_str().unwrap(), "--json"]);
    let line = run.one_line_error(2);
    assert!(line.contains("not an iCalendar file"), "{line}");
    assert!(!line.contains("Quarterly"), "{line}");
    assert_eq!(store.bytes(), before);
}
