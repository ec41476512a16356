use serde_json::{Value, json};

use crate::support::{SAMPLE, Store};

fn synced_store() -> Store {
    let store = Store::new();
    assert_eq!(store.sync(SAMPLE.as_ref()).json()["changed"], true);
    store
}

fn slot<'a>(map: &'a Value, start: &str) -> &'a Value {
    map["slots"]
        .as_array()
        .and_then(|slots| slots.iter().find(|s| s["start"] == start))
        .unwrap_or_else(|| panic!("no slot starting at {start}"))
}

#[test]
fn map_json_has_one_slot_per_hour_in_local_time_with_spec_heat() {
    let store = synced_store();
    let map = store.run("map", &["--json"]).json();
    assert_eq!(map["slotMinutes"], 60);
    let slots = map["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 14 * 24 + 1, "the window holds a 25-hour day");
    assert_eq!(
        slots[0],
        json!({"start": "2026-10-19T00:00:00+02:00", "heat": 0.0})
    );
    // The two passes through 02:00 on the night the clocks go back.
    assert_eq!(slots[6 * 24 + 2]["start"], "2026-10-25T02:00:00+02:00");
    assert_eq!(slots[6 * 24 + 3]["start"], "2026-10-25T02:00:00+01:00");
    assert_eq!(
        slot(&map, "2026-10-20T14:00:00+02:00")["heat"],
        2.0,
        "double booking"
    );
    assert_eq!(slot(&map, "2026-10-21T16:00:00+02:00")["heat"], 0.5, "tentative");
    assert_eq!(slot(&map, "2026-10-22T11:00:00+02:00")["heat"], 0.0, "declined");
    assert_eq!(slot(&map, "2026-10-23T12:00:00+02:00")["heat"], 0.0, "cancelled");
    assert_eq!(
        slot(&map, "2026-10-19T09:00:00+02:00")["heat"],
        0.25,
        "a 15-minute stand-up"
    );
    assert_eq!(
        slot(&map, "2026-10-28T03:00:00+01:00")["heat"],
        1.0,
        "the all-day offsite"
    );
    // Busy time is a union: the double-booked hour counts once.
    let busy = map["busyMinutes"].as_f64().unwrap();
    assert_eq!(busy, 4_680.0);
}

#[test]
fn map_slot_length_is_an_argument_and_the_last_slot_may_be_short() {
    let store = synced_store();
    let map = store.run("map", &["--json", "--slot", "120"]).json();
    assert_eq!(map["slotMinutes"], 120);
    let slots = map["slots"].as_array().unwrap();
    // 337 hours in 2-hour slots: 168 full ones and a 1-hour last slot.
    assert_eq!(slots.len(), 169);
    assert_eq!(slots[168]["start"], "2026-11-01T23:00:00+01:00");
    let zero = store.run("map", &["--json", "--slot", "0"]);
    assert!(zero.one_line_error(2).contains("slotMinutes"));
}

#[test]
fn free_json_lists_blocks_of_at_least_the_minimum() {
    let store = synced_store();
    let free = store.run("free", &["--min", "600", "--json"]).json();
    let blocks = free["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 9);
    for block in blocks {
        assert!(block["minutes"].as_f64().unwrap() >= 600.0, "{block}");
        assert_eq!(block.as_object().unwrap().len(), 3, "{block}");
    }
    assert_eq!(
        blocks.last().unwrap(),
        &json!({"start": "2026-11-01T14:00:00+01:00", "end": "2026-11-02T00:00:00+01:00", "minutes": 600.0})
    );
    // The block around the clock change: 03:30 Sunday to 09:00 Monday is 29.5 real hours.
    assert!(
        blocks
            .iter()
            .any(|b| b["start"] == "2026-10-25T03:30:00+01:00" && b["minutes"] == 1_770.0)
    );
    let shorter = store.run("free", &["--min", "30", "--json"]).json();
    assert!(shorter["blocks"].as_array().unwrap().len() > blocks.len());
}

#[test]
fn events_json_round_trips_through_sync_as_a_no_op() {
    let store = synced_store();
    let exported = store.run("events", &["--json"]);
    let events = exported.json();
    let list = events["events"].as_array().unwrap();
    assert_eq!(list.len(), 29);
    assert_eq!(events.as_object().unwrap().len(), 1);
    let standup = list
        .iter()
        .find(|e| e["id"] == "standup@2026-10-19T09:00")
        .unwrap();
    assert_eq!(standup["start"], "2026-10-19T07:00:00Z", "times are RFC 3339 UTC");
    let offsite = list
        .iter()
        .find(|e| e["id"] == "lisbon-offsite-2026-10-28")
        .unwrap();
    assert_eq!(
        (&offsite["allDay"], &offsite["startDate"]),
        (&json!(true), &json!("2026-10-28"))
    );

    let again = store.sync(&store.file("exported.json", &exported.stdout)).json();
    assert_eq!(again["changed"], false, "the export is the window's state");
}

#[test]
fn human_outputs_show_the_window_in_local_time() {
    let store = synced_store();
    let map = store.run("map", &[]);
    assert_eq!(map.code, 0);
    assert!(
        map.stdout
            .lines()
            .any(|l| l.starts_with("Sun 25 Oct") && l.ends_with("25 h day"))
    );
    let free = store.run("free", &["--min", "600"]);
    assert!(
        free.stdout.contains("Sun 01 Nov 14:00 → Mon 02 Nov 00:00"),
        "{}",
        free.stdout
    );
    let events = store.run("events", &[]);
    assert!(events.stdout.contains("0 (declined)"), "{}", events.stdout);
    assert!(
        events.stdout.contains("Wed 28 Oct – Thu 29 Oct, all day"),
        "{}",
        events.stdout
    );
}

#[test]
fn svg_has_a_rect_per_slot() {
    let store = synced_store();
    let svg_path = store.path("map.svg");
    let run = store.run(
        "map",
        &["--slot", "30", "--json", "--svg", svg_path.to_str().unwrap()],
    );
    let slots = run.json()["slots"].as_array().unwrap().len();
    assert_eq!(slots, 2 * (14 * 24 + 1));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{}",
        &svg[..80]
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<rect class=\"slot\"").count(), slots);
    assert!(svg.contains("double-booked"), "a legend");
    assert!(
        !svg.contains("SECRET") && !svg.contains("Team stand-up"),
        "no titles in the picture"
    );
}
