//! The shared golden fixtures (`tests/fixtures/*.json`) through the core's
//! `HeatStore`. The Kotlin and Swift binding tests load the same files, so
//! all three languages must agree with these hand-computed values to the bit:
//! floats are compared with `==`, the window digest as a string.

use std::path::{Path, PathBuf};

use crate::support::zones;
use heat_core::{HeatStore, ReconcileOptions, SourceEvent, TimeRange, TimeWindow, events_from_json};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

struct Fixture {
    name: String,
    scope: String,
    window: TimeWindow,
    slot_minutes: u32,
    min_free_minutes: u32,
    events: Vec<SourceEvent>,
    expected: Value,
}

fn load(path: &Path) -> Fixture {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let root: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
    let window = &root["window"];
    let int = |v: &Value, key: &str| v[key].as_i64().unwrap_or_else(|| panic!("{name}: {key} missing"));
    Fixture {
        scope: root["scope"].as_str().unwrap().to_owned(),
        window: TimeWindow {
            start_ms: int(window, "startMs"),
            end_ms: int(window, "endMs"),
            time_zone: window["timeZone"].as_str().unwrap().to_owned(),
        },
        slot_minutes: int(&root, "slotMinutes") as u32,
        min_free_minutes: int(&root, "minFreeMinutes") as u32,
        events: events_from_json(&root["source"].to_string()).unwrap_or_else(|e| panic!("{name}: {e}")),
        expected: root["expected"].clone(),
        name,
    }
}

fn all_fixtures() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    let fixtures: Vec<Fixture> = paths.iter().map(|p| load(p)).collect();
    assert!(
        fixtures.len() >= 3,
        "expected at least 3 fixtures, found {}",
        fixtures.len()
    );
    fixtures
}

fn expected_slots(expected: &Value) -> Vec<(i64, f64)> {
    expected["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["startMs"].as_i64().unwrap(), s["heat"].as_f64().unwrap()))
        .collect()
}

fn expected_free_blocks(expected: &Value) -> Vec<TimeRange> {
    expected["freeBlocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| TimeRange {
            start_ms: b["startMs"].as_i64().unwrap(),
            end_ms: b["endMs"].as_i64().unwrap(),
        })
        .collect()
}

fn temp_store() -> (tempfile::TempDir, HeatStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = HeatStore::open(dir.path().join("heat.db"), zones()).unwrap();
    (dir, store)
}

#[test]
fn every_fixture_reconciles_to_its_frozen_digest() {
    for f in all_fixtures() {
        let (_dir, store) = temp_store();
        let outcome = store
            .reconcile_heat(&f.scope, &f.window, &f.events, ReconcileOptions::default())
            .unwrap();
        let frozen = f.expected["windowDigest"].as_str().unwrap();
        assert_eq!(
            outcome.window_digest, frozen,
            "{}: window digest differs from the frozen one (a new fixture? freeze {})",
            f.name, outcome.window_digest
        );
        assert!(outcome.changed, "{}", f.name);
        let ignored = f.expected["ignoredOutsideWindow"].as_u64().unwrap();
        assert_eq!(outcome.ignored_outside_window, ignored, "{}", f.name);

        let again = store
            .reconcile_heat(&f.scope, &f.window, &f.events, ReconcileOptions::default())
            .unwrap();
        assert!(!again.changed, "{}: second reconcile must be a no-op", f.name);
        assert_eq!(again.window_digest, frozen, "{}", f.name);
    }
}

#[test]
fn the_digest_does_not_depend_on_input_order() {
    for f in all_fixtures() {
        let (_dir, store) = temp_store();
        let mut reversed = f.events.clone();
        reversed.reverse();
        let outcome = store
            .reconcile_heat(&f.scope, &f.window, &reversed, ReconcileOptions::default())
            .unwrap();
        assert_eq!(
            outcome.window_digest,
            f.expected["windowDigest"].as_str().unwrap(),
            "{}",
            f.name
        );
    }
}

#[test]
fn every_fixture_has_its_hand_computed_heat_map() {
    for f in all_fixtures() {
        let (_dir, store) = temp_store();
        store
            .reconcile_heat(&f.scope, &f.window, &f.events, ReconcileOptions::default())
            .unwrap();
        let map = store.heat_map(&f.scope, &f.window, f.slot_minutes).unwrap();
        assert_eq!(map.slot_minutes, f.slot_minutes, "{}", f.name);
        assert_eq!(
            map.busy_minutes,
            f.expected["busyMinutes"].as_f64().unwrap(),
            "{}: busyMinutes",
            f.name
        );
        let slots: Vec<(i64, f64)> = map.slots.iter().map(|s| (s.start_ms, s.heat)).collect();
        assert_eq!(slots, expected_slots(&f.expected), "{}: slots", f.name);
    }
}

#[test]
fn every_fixture_has_its_hand_computed_free_blocks() {
    for f in all_fixtures() {
        let (_dir, store) = temp_store();
        store
            .reconcile_heat(&f.scope, &f.window, &f.events, ReconcileOptions::default())
            .unwrap();
        let blocks = store
            .free_blocks(&f.scope, &f.window, f.min_free_minutes)
            .unwrap();
        assert_eq!(
            blocks,
            expected_free_blocks(&f.expected),
            "{}: freeBlocks",
            f.name
        );
    }
}
