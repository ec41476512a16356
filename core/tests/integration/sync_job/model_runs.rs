//! Model-based property test of whole runs: a fake calendar with random
//! contents, access that flips, reads that throw, cancels inside reads and
//! files damaged between runs. After every run the store equals the model
//! "the windows this run reconciled, each replaced by its read; the others
//! as they were" (a rebuilt file starts from nothing), every stored day
//! digest is right, and the same reads again change nothing.

use heat_core::{
    Availability, CalendarAccess, EventStatus, EventTime, HeatStore, Participation, ReconcileOptions,
    SourceEvent, SyncJob, SyncPlan, SyncStop, TimeRange, TimeWindow,
};
use proptest::prelude::*;
use rusqlite::Connection;

use crate::support::model::{Model, apply, check_day_digests, model_scope};
use crate::support::zones;
use crate::support::{DAY, MINUTE, temp_store};
use crate::sync_job::calendar::FakeCalendar;

const ZONES: &[&str] = &["UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati"];
/// 2026-11-30T00:00Z; `today` is 0 to 4 days after it.
const BASE_MS: i64 = 1_796_169_600_000;

#[derive(Debug, Clone)]
struct RunScript {
    events: Vec<SourceEvent>,
    /// From this `access()` call on, the answer is this (not full) access.
    access_lost: Option<(usize, CalendarAccess)>,
    throw_at: Option<usize>,
    cancel_at: Option<usize>,
    damage_before: bool,
    /// Reads cover no calendar: an empty read may not empty a window.
    no_calendars: bool,
}

fn event() -> impl Strategy<Value = SourceEvent> {
    let timed = (-12 * 24_i64..20 * 24, 0_i64..60 * 60).prop_map(|(hour, minutes)| EventTime::Timed {
        start_ms: BASE_MS + hour * 60 * MINUTE,
        end_ms: BASE_MS + hour * 60 * MINUTE + minutes * MINUTE,
    });
    let all_day = (-12_i64..20, 1_i64..3).prop_map(|(day, days)| EventTime::AllDay {
        start_date: date(day),
        end_date: date(day + days),
    });
    (0..12_u8, prop_oneof![3 => timed, 1 => all_day], any::<bool>()).prop_map(|(id, time, tentative)| {
        SourceEvent {
            id: format!("e{id}"),
            calendar_id: "work".into(),
            title: format!("Title {id}"),
            location: None,
            time,
            availability: if tentative {
                Availability::Tentative
            } else {
                Availability::Busy
            },
            status: EventStatus::Confirmed,
            participation: Participation::None,
        }
    })
}

fn date(day: i64) -> String {
    heat_core::model::date_from_days(BASE_MS / DAY + day).to_string()
}

fn run_script() -> impl Strategy<Value = RunScript> {
    let access = prop_oneof![
        Just(CalendarAccess::Denied),
        Just(CalendarAccess::WriteOnly),
        Just(CalendarAccess::NotDetermined)
    ];
    (
        proptest::collection::vec(event(), 0..14),
        proptest::option::weighted(0.2, (0..8_usize, access)),
        proptest::option::weighted(0.2, 0..5_usize),
        proptest::option::weighted(0.2, 0..5_usize),
        proptest::bool::weighted(0.15),
        proptest::bool::weighted(0.15),
    )
        .prop_map(
            |(mut events, access_lost, throw_at, cancel_at, damage_before, no_calendars)| {
                // One occurrence per id, as a device calendar has.
                events.sort_by(|a, b| a.id.cmp(&b.id));
                events.dedup_by(|a, b| a.id == b.id);
                RunScript {
                    events,
                    access_lost,
                    throw_at,
                    cancel_at,
                    damage_before,
                    no_calendars,
                }
            },
        )
}

fn plan() -> impl Strategy<Value = SyncPlan> {
    (
        prop::sample::select(ZONES),
        0_i64..5,
        0_u32..9,
        1_u32..13,
        1_u32..7,
    )
        .prop_map(|(zone, today, past_days, future_days, window_days)| SyncPlan {
            past_days,
            future_days,
            window_days,
            ..SyncPlan::new("me", zone, &date(today))
        })
}

fn range(window: &TimeWindow) -> TimeRange {
    TimeRange {
        start_ms: window.start_ms,
        end_ms: window.end_ms,
    }
}

/// Every event of the scope, read back through a read-only open.
fn stored(path: &std::path::Path) -> Vec<SourceEvent> {
    let all = TimeWindow {
        start_ms: BASE_MS - 30 * DAY,
        end_ms: BASE_MS + 40 * DAY,
        time_zone: "UTC".into(),
    };
    let mut events = HeatStore::open_read_only(path, zones())
        .unwrap()
        .events("me", &all)
        .unwrap();
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

fn damage(path: &std::path::Path) {
    if path.exists() {
        let mut bytes = std::fs::read(path).unwrap();
        bytes[..100].fill(0xA5);
        std::fs::write(path, bytes).unwrap();
    }
}

fn check_run(plan: &SyncPlan, script: &RunScript, path: &std::path::Path, job: &SyncJob, model: &mut Model) {
    let damaged = script.damage_before && path.exists();
    if script.damage_before {
        damage(path);
    }
    let cancellation = heat_core::SyncCancellation::new();
    let mut calendar = FakeCalendar::new(script.events.clone(), &plan.time_zone);
    if let Some((at, lost)) = script.access_lost {
        calendar.access = [vec![CalendarAccess::FullAccess; at], vec![lost]].concat();
    }
    calendar.throw_at = script.throw_at;
    if script.no_calendars {
        calendar.calendar_count = 0;
    }
    calendar.hook = script
        .cancel_at
        .map(|at| (at, Box::new(|| cancellation.cancel()) as Box<dyn Fn()>));
    let summary = job.run(plan, &calendar, &cancellation);

    assert_eq!(summary.store_rebuilt, damaged, "{summary:?}");
    if summary.store_rebuilt {
        model.clear();
    }
    let planned = plan.windows(&zones()).unwrap();
    for synced in &summary.windows {
        apply(
            model,
            "me",
            &synced.window,
            &calendar.overlapping(range(&synced.window)),
        );
    }
    let reads = calendar.reads.borrow().clone();
    let expected_reads: Vec<TimeRange> = planned.iter().take(reads.len()).map(range).collect();
    assert_eq!(
        reads, expected_reads,
        "reads in plan order, exactly the windows' ranges"
    );
    let disturbed = script.access_lost.is_some()
        || script.throw_at.is_some()
        || script.cancel_at.is_some()
        || script.no_calendars;
    if !disturbed {
        assert_eq!(summary.stop, SyncStop::Completed);
        assert_eq!(summary.windows.len(), planned.len(), "{summary:?} {planned:?}");
    }
    if script.cancel_at.is_some_and(|at| at < reads.len()) {
        assert_eq!(summary.stop, SyncStop::Cancelled);
    }

    assert_eq!(
        stored(path),
        model_scope(model, "me"),
        "store != model after {summary:?}"
    );
    check_day_digests(&Connection::open(path).unwrap(), model);
    // No lock is held between runs, and the same reads again are a no-op.
    let store = HeatStore::open(path, zones()).unwrap();
    for synced in &summary.windows {
        let again = calendar.overlapping(range(&synced.window));
        let options = ReconcileOptions { allow_empty: true };
        let outcome = store
            .reconcile_heat("me", &synced.window, &again, options)
            .unwrap();
        assert!(!outcome.changed, "a replayed read changed the store");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_run_leaves_each_window_old_or_new(plan in plan(), runs in proptest::collection::vec(run_script(), 1..6)) {
        let tmp = temp_store();
        let job = SyncJob::new(&tmp.path, zones());
        let mut model = Model::new();
        for script in &runs {
            check_run(&plan, script, &tmp.path, &job, &mut model);
        }
    }
}
