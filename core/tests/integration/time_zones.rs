//! DST and time-zone behaviour: local days of 23 and 25 hours, all-day events
//! seen from far-apart zones, windows ending inside a long day.

use crate::support::zones;
use crate::support::{HOUR, all_day, at, temp_store, timed, window};
use heat_core::{HeatStore, ReconcileOptions, window_of_days};

fn hours(ms: i64) -> f64 {
    ms as f64 / HOUR as f64
}

fn day_lengths(start: &str, days: u32, zone: &str) -> Vec<f64> {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let w = window_of_days(&zones(), start, days, zone).unwrap();
    // An all-day event per day: busy minutes of each day = its length.
    let events: Vec<_> = (0..days)
        .map(|d| {
            let date =
                chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap() + chrono::Days::new(d.into());
            let next = date + chrono::Days::new(1);
            all_day(&format!("d{d}"), &date.to_string(), &next.to_string())
        })
        .collect();
    store
        .reconcile_heat("s", &w, &events, ReconcileOptions::default())
        .unwrap();
    store
        .day_summaries("s", &w)
        .unwrap()
        .iter()
        .map(|d| d.busy_minutes / 60.0)
        .collect()
}

#[test]
fn berlin_spring_and_fall_days_last_23_and_25_hours() {
    assert_eq!(
        day_lengths("2026-03-28", 3, "Europe/Berlin"),
        vec![24.0, 23.0, 24.0]
    );
    assert_eq!(
        day_lengths("2026-10-24", 3, "Europe/Berlin"),
        vec![24.0, 25.0, 24.0]
    );
}

#[test]
fn new_york_spring_and_fall_days_last_23_and_25_hours() {
    assert_eq!(
        day_lengths("2026-03-07", 3, "America/New_York"),
        vec![24.0, 23.0, 24.0]
    );
    assert_eq!(
        day_lengths("2026-10-31", 3, "America/New_York"),
        vec![24.0, 25.0, 24.0]
    );
}

#[test]
fn an_hourly_heat_map_of_a_fall_day_has_25_slots_and_a_timed_event_keeps_its_instant() {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let w = window_of_days(&zones(), "2026-10-25", 1, "Europe/Berlin").unwrap();
    // 02:30 happens twice in Berlin that night; this is the second (CET, +01:00).
    let e = timed(
        "repeat",
        at("2026-10-25T02:30:00+01:00"),
        at("2026-10-25T03:30:00+01:00"),
    );
    store
        .reconcile_heat("s", &w, &[e], ReconcileOptions::default())
        .unwrap();
    let map = store.heat_map("s", &w, 60).unwrap();
    assert_eq!(map.slots.len(), 25);
    let hot: Vec<_> = map
        .slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.heat > 0.0)
        .map(|(i, s)| (i, s.heat))
        .collect();
    // Slots start at 00:00+02, 01:00+02, 02:00+02, 02:00+01 (index 3), 03:00+01 ...
    assert_eq!(hot, vec![(3, 0.5), (4, 0.5)]);
}

#[test]
fn an_all_day_event_follows_the_window_zone_from_utc_plus_14_to_utc_minus_10() {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let holiday = all_day("xmas", "2026-12-25", "2026-12-26");
    let kiritimati = window_of_days(&zones(), "2026-12-25", 1, "Pacific/Kiritimati").unwrap();
    store
        .reconcile_heat(
            "s",
            &kiritimati,
            std::slice::from_ref(&holiday),
            ReconcileOptions::default(),
        )
        .unwrap();
    for (zone, start_utc) in [
        ("Pacific/Kiritimati", "2026-12-24T10:00:00Z"),
        ("Pacific/Honolulu", "2026-12-25T10:00:00Z"),
    ] {
        let w = window_of_days(&zones(), "2026-12-25", 1, zone).unwrap();
        assert_eq!(w.start_ms, at(start_utc));
        let map = store.heat_map("s", &w, 24 * 60).unwrap();
        assert_eq!(
            (map.slots.len(), map.slots[0].heat, map.busy_minutes),
            (1, 1.0, 1440.0),
            "{zone}"
        );
        assert_eq!(store.events("s", &w).unwrap(), vec![holiday.clone()]);
        // The UTC day before the zone's 25th shows nothing.
        let before = window(w.start_ms - 24 * HOUR, w.start_ms, zone);
        assert!(store.events("s", &before).unwrap().is_empty(), "{zone}");
    }
    // Reconciling the same event in the other zone is a no-op: stored whole.
    let honolulu = window_of_days(&zones(), "2026-12-25", 1, "Pacific/Honolulu").unwrap();
    let again = store
        .reconcile_heat("s", &honolulu, &[holiday], ReconcileOptions::default())
        .unwrap();
    assert!(!again.changed);
}

#[test]
fn a_window_ending_inside_a_25_hour_day() {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let start = at("2026-10-25T00:00:00+02:00");
    let end = at("2026-10-25T12:00:00+01:00"); // 13 hours later
    assert_eq!(hours(end - start), 13.0);
    let w = window(start, end, "Europe/Berlin");
    let events = [
        all_day("day", "2026-10-25", "2026-10-26"),
        timed("late", end - HOUR, end + HOUR),
    ];
    let outcome = store
        .reconcile_heat("s", &w, &events, ReconcileOptions::default())
        .unwrap();
    assert_eq!(outcome.events_inserted, 2);
    let days = store.day_summaries("s", &w).unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].busy_minutes, 13.0 * 60.0);
    assert_eq!(days[0].peak_heat, 2.0);
    let map = store.heat_map("s", &w, 5 * 60).unwrap();
    // 5h, 5h, then a 3-hour last slot in which the last hour is double-booked.
    assert_eq!(
        map.slots.iter().map(|s| s.heat).collect::<Vec<_>>(),
        vec![1.0, 1.0, 4.0 / 3.0]
    );
    // The rest of the 25-hour day is outside: the all-day event is still stored whole.
    let rest = window(end, at("2026-10-26T00:00:00+01:00"), "Europe/Berlin");
    assert_eq!(hours(rest.end_ms - rest.start_ms), 12.0);
    assert_eq!(
        store.day_summaries("s", &rest).unwrap()[0].busy_minutes,
        12.0 * 60.0
    );
    // Repeating is a no-op even though the last day is partial.
    assert!(
        !store
            .reconcile_heat("s", &w, &events, ReconcileOptions::default())
            .unwrap()
            .changed
    );
}
