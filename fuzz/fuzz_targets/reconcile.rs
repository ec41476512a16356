//! `reconcile_heat` with structured arbitrary input: sequences of calls with
//! arbitrary windows (aligned or not, any zone of a list, raw bounds), events
//! (timed, zero-length, all-day, raw times and dates, long texts, colliding
//! ids) and scopes (including empty and oversized ones), each followed by
//! reads of the window. Checked after every call:
//! - only `InvalidInput` or `EmptySourceRefused` may fail it (no storage
//!   error, no panic); a failed call leaves the scope's events unchanged;
//! - after a success the window holds exactly `S` (the valid input events
//!   overlapping it, duplicates collapsed), and the same call again changes
//!   nothing;
//! - reads of the window give a result or `InvalidInput`.
//!
//! One store per process under `$TMPDIR`, recreated every 1,000 inputs;
//! each input works in scopes of its own (scopes never affect each other:
//! `docs/contract.md` "Reconcile semantics"), so inputs stay independent.
#![no_main]

use std::cell::RefCell;
use std::collections::BTreeMap;

use arbitrary::Arbitrary;
use heat_core::ZoneDatabase;
use heat_core::model::{MS_PER_DAY as DAY, check_event, interval_overlaps};
use heat_core::{
    Availability, Error, EventStatus, EventTime, HeatStore, Participation, ReconcileOptions, SourceEvent,
    TimeWindow,
};
use libfuzzer_sys::fuzz_target;

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Pacific/Kiritimati",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/St_Johns",
];
/// 2026-11-01T00:00Z: windows and events live around it.
const BASE_MS: i64 = 1_793_491_200_000;
const MINUTE: i64 = 60_000;

#[derive(Arbitrary, Debug)]
struct Input {
    calls: Vec<Call>,
}

#[derive(Arbitrary, Debug)]
struct Call {
    scope: Scope,
    window: Window,
    events: Vec<Event>,
    allow_empty: bool,
    slot_minutes: u16,
}

#[derive(Arbitrary, Debug)]
enum Scope {
    Own(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
enum Window {
    /// Whole local days from a day near the base.
    Days { first_day: u8, days: u16, zone: u8 },
    /// Any minute-aligned interval near the base.
    Minutes { start: u32, length: u32, zone: u8 },
    /// Anything at all.
    Raw {
        start_ms: i64,
        end_ms: i64,
        zone: String,
    },
}

#[derive(Arbitrary, Debug)]
struct Event {
    id: u8,
    calendar: u8,
    title: String,
    location: Option<String>,
    time: Time,
    availability: u8,
    status: u8,
    participation: u8,
}

#[derive(Arbitrary, Debug)]
enum Time {
    Timed {
        start_minute: i32,
        length_minutes: u16,
        odd_ms: u16,
    },
    AllDay {
        first_day: i16,
        days: u8,
    },
    RawTimed {
        start_ms: i64,
        end_ms: i64,
    },
    RawDates {
        start: String,
        end: String,
    },
}

impl Window {
    fn build(&self) -> TimeWindow {
        let zone = |z: u8| ZONES[usize::from(z) % ZONES.len()].to_owned();
        match self {
            Window::Days {
                first_day,
                days,
                zone: z,
            } => {
                let date = heat_core::model::date_from_days(BASE_MS / DAY + i64::from(*first_day));
                heat_core::window_of_days(
                    &ZoneDatabase::bundled(),
                    &date.to_string(),
                    u32::from(*days % 400),
                    &zone(*z),
                )
                .unwrap_or(TimeWindow {
                    start_ms: BASE_MS,
                    end_ms: BASE_MS,
                    time_zone: zone(*z),
                })
            }
            Window::Minutes {
                start,
                length,
                zone: z,
            } => TimeWindow {
                start_ms: BASE_MS + i64::from(*start % (200 * 24 * 60)) * MINUTE,
                end_ms: BASE_MS
                    + i64::from(*start % (200 * 24 * 60)) * MINUTE
                    + i64::from(*length % (400 * 24 * 60)) * MINUTE,
                time_zone: zone(*z),
            },
            Window::Raw {
                start_ms,
                end_ms,
                zone,
            } => TimeWindow {
                start_ms: *start_ms,
                end_ms: *end_ms,
                time_zone: zone.clone(),
            },
        }
    }
}

fn pick<T: Copy>(all: &[T], n: u8) -> T {
    all[usize::from(n) % all.len()]
}

impl Event {
    fn build(&self) -> SourceEvent {
        let time = match &self.time {
            Time::Timed {
                start_minute,
                length_minutes,
                odd_ms,
            } => {
                let start_ms = BASE_MS
                    + i64::from(*start_minute % (250 * 24 * 60)) * MINUTE
                    + i64::from(odd_ms % 3) * 777;
                EventTime::Timed {
                    start_ms,
                    end_ms: start_ms + i64::from(*length_minutes) * MINUTE,
                }
            }
            Time::AllDay { first_day, days } => {
                let date = |d: i64| heat_core::model::date_from_days(BASE_MS / DAY + d).to_string();
                let first = i64::from(*first_day % 250);
                EventTime::AllDay {
                    start_date: date(first),
                    end_date: date(first + i64::from(days % 5)),
                }
            }
            Time::RawTimed { start_ms, end_ms } => EventTime::Timed {
                start_ms: *start_ms,
                end_ms: *end_ms,
            },
            Time::RawDates { start, end } => EventTime::AllDay {
                start_date: start.clone(),
                end_date: end.clone(),
            },
        };
        SourceEvent {
            id: format!("e{}", self.id % 24),
            calendar_id: format!("c{}", self.calendar % 3),
            title: self.title.clone(),
            location: self.location.clone(),
            time,
            availability: pick(Availability::ALL, self.availability),
            status: pick(EventStatus::ALL, self.status),
            participation: pick(Participation::ALL, self.participation),
        }
    }
}

struct Store {
    _dir: std::path::PathBuf,
    store: HeatStore,
    inputs: u64,
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

fn with_store(run: impl FnOnce(&HeatStore, u64)) {
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|s| s.inputs >= 1_000) {
            *slot = None;
            // Under $TMPDIR, which scripts/test-fuzz-smoke.sh puts on tmpfs
            // (checkpoints' fsyncs would dominate on a disk) and removes.
            let dir = std::env::temp_dir().join(format!("heat-fuzz-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let store = HeatStore::open(dir.join("heat.db"), ZoneDatabase::bundled()).unwrap();
            *slot = Some(Store {
                _dir: dir,
                store,
                inputs: 0,
            });
        }
        let s = slot.as_mut().unwrap();
        s.inputs += 1;
        run(&s.store, s.inputs);
    });
}

/// Everything stored in a scope, by id (empty for an invalid scope).
fn everything(store: &HeatStore, scope: &str) -> Vec<SourceEvent> {
    let all = TimeWindow {
        start_ms: BASE_MS - 120 * DAY,
        end_ms: BASE_MS + 240 * DAY,
        time_zone: "UTC".into(),
    };
    let mut events = store.events(scope, &all).unwrap_or_default();
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

/// `S`: the valid events overlapping the window, one per id (first wins);
/// `None` when the call must be refused as invalid.
fn source_set(window: &TimeWindow, events: &[SourceEvent]) -> Option<BTreeMap<String, SourceEvent>> {
    let zone = ZoneDatabase::bundled().zone(&window.time_zone, "tz").ok()?;
    let mut seen: BTreeMap<&str, &SourceEvent> = BTreeMap::new();
    let mut set = BTreeMap::new();
    for event in events {
        let checked = check_event(event).ok()?;
        match seen.insert(&event.id, event) {
            Some(other) if other != event => return None,
            Some(_) => continue,
            None => {}
        }
        let (start, end) = checked.span.resolve(&zone);
        if interval_overlaps(start, end, window.start_ms, window.end_ms) {
            set.insert(event.id.clone(), event.clone());
        }
    }
    Some(set)
}

fuzz_target!(|input: Input| {
    with_store(|store, n| {
        for call in input.calls.iter().take(8) {
            let scope = match &call.scope {
                Scope::Own(k) => format!("input-{n}-{}", k % 3),
                Scope::Raw(text) => text.clone(),
            };
            let window = call.window.build();
            let events: Vec<SourceEvent> = call.events.iter().take(64).map(Event::build).collect();
            let options = ReconcileOptions {
                allow_empty: call.allow_empty,
            };
            let before = everything(store, &scope);
            match store.reconcile_heat(&scope, &window, &events, options) {
                Err(Error::InvalidInput(_) | Error::EmptySourceRefused { .. }) => {
                    assert_eq!(
                        everything(store, &scope),
                        before,
                        "a refused call changed the store"
                    );
                }
                Err(other) => panic!("unexpected error: {other:?}"),
                Ok(outcome) => {
                    let set = source_set(&window, &events).expect("an accepted call had valid input");
                    let mut stored = store.events(&scope, &window).expect("read the window back");
                    stored.sort_by(|a, b| a.id.cmp(&b.id));
                    let expected: Vec<SourceEvent> = set.into_values().collect();
                    assert_eq!(stored, expected, "the window does not hold S");
                    let again = store
                        .reconcile_heat(&scope, &window, &events, options)
                        .expect("repeat");
                    assert!(!again.changed, "repeating the call changed the store");
                    assert_eq!(again.window_digest, outcome.window_digest);
                }
            }
            for result in [
                store
                    .heat_map(&scope, &window, u32::from(call.slot_minutes))
                    .map(|_| ()),
                store
                    .free_blocks(&scope, &window, u32::from(call.slot_minutes))
                    .map(|_| ()),
                store.day_summaries(&scope, &window).map(|_| ()),
            ] {
                if let Err(err) = result {
                    assert!(matches!(err, Error::InvalidInput(_)), "a read failed: {err:?}");
                }
            }
        }
    });
});
