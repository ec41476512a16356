//! A zone's rules change under the same name (a government moves its DST
//! date; the device updates its database): what the store does with the day
//! digests it keyed by zone name and day bounds (docs/time-zones.md, "When a
//! zone's rules change").

use std::sync::Arc;

use crate::support::{HOUR, all_day, at, temp_store, timed};
use heat_core::model::zone_rules::host::{HostZoneFault, HostZoneSource};
use heat_core::model::zone_rules::{OffsetTimeline, OffsetTransition};
use heat_core::{HeatStore, ReconcileOptions, ZoneDatabase, window_of_days};
use rusqlite::Connection;

/// Berlin in 2026 as a device would have it after a (made-up) decision to
/// end summer time on 1 November instead of 25 October.
struct LateFallBerlin;

impl HostZoneSource for LateFallBerlin {
    fn timeline(
        &self,
        name: &str,
        _from_ms: i64,
        _to_ms: i64,
    ) -> Result<Option<OffsetTimeline>, HostZoneFault> {
        if name != "Europe/Berlin" {
            return Ok(None);
        }
        let transitions = [
            OffsetTransition {
                at_ms: at("2026-03-29T01:00:00Z"),
                offset_seconds: 7200,
            },
            OffsetTransition {
                at_ms: at("2026-11-01T01:00:00Z"),
                offset_seconds: 3600,
            },
        ];
        OffsetTimeline::new(3600, &transitions)
            .map(Some)
            .map_err(HostZoneFault::Malformed)
    }
}

/// The day digests stored for `(day_start_ms, day_end_ms)` in Berlin.
fn stored_days(path: &std::path::Path) -> Vec<(i64, i64)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT day_start_ms, day_end_ms FROM day_digests WHERE time_zone = 'Europe/Berlin' ORDER BY 1",
        )
        .unwrap();
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_rule_change_touches_only_the_days_whose_bounds_moved() {
    let tmp = temp_store();
    let bundled = ZoneDatabase::bundled();
    let store = HeatStore::open(&tmp.path, bundled.clone()).unwrap();
    let dates: Vec<String> = (12..=31)
        .map(|d| format!("2026-10-{d}"))
        .chain((1..=9).map(|d| format!("2026-11-{d:02}")))
        .collect();
    // An all-day event per day, and a meeting on the 13th.
    let mut events: Vec<_> = dates
        .windows(2)
        .map(|pair| all_day(&format!("day-{}", pair[0]), &pair[0], &pair[1]))
        .collect();
    events.push(timed(
        "meeting",
        at("2026-10-13T08:00:00Z"),
        at("2026-10-13T09:00:00Z"),
    ));

    // With the bundled rules (summer time ends 25 October).
    let before = window_of_days(&bundled, "2026-10-12", 28, "Europe/Berlin").unwrap();
    let first = store
        .reconcile_heat("s", &before, &events, ReconcileOptions::default())
        .unwrap();
    assert!(first.changed);
    let old_days = stored_days(&tmp.path);
    assert_eq!(old_days.len(), 28);

    // The app starts again after the device updated its rules: a new store
    // on the same file, with the device's rules.
    drop(store);
    let updated = ZoneDatabase::host(Arc::new(LateFallBerlin));
    let store = HeatStore::open(&tmp.path, updated.clone()).unwrap();
    let after = window_of_days(&updated, "2026-10-12", 28, "Europe/Berlin").unwrap();
    assert_eq!(after.start_ms, before.start_ms);
    let days: Vec<(i64, i64)> = after
        .clone()
        .check(&updated)
        .unwrap()
        .day_parts()
        .iter()
        .map(|d| (d.day_start_ms, d.day_end_ms))
        .collect();
    // 25 October (now 24 hours) to 1 November (now 25 hours): 8 days moved.
    let moved: Vec<usize> = (0..28).filter(|i| !old_days.contains(&days[*i])).collect();
    assert_eq!(moved, (13..=20).collect::<Vec<_>>());

    // The stored events are dates and instants, not rule-dependent: nothing
    // to write. The 20 unmoved days are answered by their stored digests, the
    // 8 moved ones (no digest under their new bounds) from their event rows.
    let second = store
        .reconcile_heat("s", &after, &events, ReconcileOptions::default())
        .unwrap();
    assert!(!second.changed);
    assert_eq!(
        (
            second.events_inserted,
            second.events_deleted,
            second.days_replaced
        ),
        (0, 0, 0)
    );
    assert_ne!(second.window_digest, first.window_digest);
    let summaries = store.day_summaries("s", &after).unwrap();
    let hours =
        |date: &str| summaries.iter().find(|d| d.date == date).unwrap().busy_minutes * 60_000.0 / HOUR as f64;
    assert_eq!((hours("2026-10-25"), hours("2026-11-01")), (24.0, 25.0));

    // The next change rewrites one day's events, and the digests of every
    // whole day under the new bounds: the moved days are repaired.
    events.pop();
    events.push(timed(
        "meeting",
        at("2026-10-13T10:00:00Z"),
        at("2026-10-13T11:00:00Z"),
    ));
    let third = store
        .reconcile_heat("s", &after, &events, ReconcileOptions::default())
        .unwrap();
    assert!(third.changed);
    assert_eq!(third.days_replaced, 1);
    let repaired = stored_days(&tmp.path);
    assert!(days.iter().all(|d| repaired.contains(d)), "{repaired:?}");
}

/// Rules are passed, not registered: two stores in one process resolve the
/// same window each with its own database, and neither changes the other.
#[test]
fn two_stores_in_one_process_keep_their_own_rules() {
    let bundled = ZoneDatabase::bundled();
    let late_fall = ZoneDatabase::host(Arc::new(LateFallBerlin));
    let (a, b) = (temp_store(), temp_store());
    let bundled_store = HeatStore::open(&a.path, bundled.clone()).unwrap();
    let late_fall_store = HeatStore::open(&b.path, late_fall.clone()).unwrap();
    let sunday = window_of_days(&bundled, "2026-10-25", 1, "Europe/Berlin").unwrap();
    let events = [all_day("holiday", "2026-10-25", "2026-10-26")];
    let busy_hours = |store: &HeatStore| {
        store
            .reconcile_heat("s", &sunday, &events, ReconcileOptions::default())
            .unwrap();
        let days = store.day_summaries("s", &sunday).unwrap();
        days.iter().map(|d| d.busy_minutes).sum::<f64>() / 60.0
    };
    // Bundled: summer time ends on the 25th, a 25-hour day. Late fall: the
    // 25th is a 24-hour summer day that ends an hour before the window does.
    assert_eq!(busy_hours(&bundled_store), 25.0);
    assert_eq!(busy_hours(&late_fall_store), 24.0);
    assert_eq!(busy_hours(&bundled_store), 25.0);
    let late = window_of_days(&late_fall, "2026-10-25", 1, "Europe/Berlin").unwrap();
    assert_eq!(late.end_ms - late.start_ms, 24 * HOUR);
}
