//! Concurrent writers and readers in two processes (`docs/contract.md`
//! "Store file").
//!
//! The connection model under test (`store/mod.rs`, `store/open.rs`): one
//! connection per `HeatStore`, behind a mutex; the file in WAL mode, so
//! readers never block the writer nor see its uncommitted pages;
//! `busy_timeout` 5 s, so a write waits for another connection's write lock;
//! writes in `BEGIN IMMEDIATE`, so no read transaction is ever upgraded.
//!
//! This process and a child each run writer threads (two sharing one
//! `HeatStore`, the others with their own) that reconcile overlapping
//! windows (aligned and not, in two zones) of one shared scope and of their
//! own scopes, alternating between two full states A and B, while reader
//! threads with their own `HeatStore::open`, as a widget would, read heat
//! maps. A and B differ only inside the days every writer window covers and
//! have different heat maps, so every read must equal A's or B's map:
//! anything else is a half-written window. No call may fail.

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::Barrier;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use heat_core::{HeatMap, HeatStore, ReconcileOptions, SourceEvent, TimeWindow, window_of_days};
use rusqlite::Connection;

use crate::reliability::child;
use crate::reliability::rng::Rng;
use crate::support::model::{Model, check_day_digests};
use crate::support::zones;
use crate::support::{DAY, HOUR, MINUTE, all_day, temp_store, timed, window};

/// Local midnight of 2026-12-07 in Berlin: day 0 of the 21 days read.
const DAY0: i64 = 1_796_598_000_000;
const SHARED: &str = "shared";
/// Reconciles per writer thread; `HEAT_WRITES` overrides it (the documented
/// long run).
fn writes_per_thread() -> usize {
    std::env::var("HEAT_WRITES").map_or(60, |n| n.parse().expect("HEAT_WRITES must be a number"))
}
const SLOT_MINUTES: u32 = 60;

const STORE_VAR: &str = "HEAT_CONCURRENCY_STORE";
const TAG: &str = "@@concurrency ";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum State {
    A,
    B,
}

/// The events of a state over days 0..21: the same everywhere except
/// timed events inside days 8..13, which every writer window covers.
fn state_events(state: State) -> Vec<SourceEvent> {
    let mut events = Vec::new();
    for day in 0..21 {
        let midnight = DAY0 + day * DAY;
        events.push(timed(
            &format!("standup-{day}"),
            midnight + 9 * HOUR,
            midnight + 9 * HOUR + 15 * MINUTE,
        ));
        events.push(timed(
            &format!("lunch-{day}"),
            midnight + 12 * HOUR,
            midnight + 13 * HOUR,
        ));
    }
    events.push(all_day("holiday", "2026-12-10", "2026-12-11"));
    events.push(timed(
        "offsite",
        DAY0 + 6 * DAY + 14 * HOUR,
        DAY0 + 9 * DAY + 11 * HOUR,
    ));
    for i in 0..200_i64 {
        let day_start = DAY0 + (8 + i % 5) * DAY;
        let start = day_start + 8 * HOUR + (i / 5) * 10 * MINUTE;
        let mut event = match state {
            State::A => timed(&format!("focus-{i}"), start, start + 5 * MINUTE),
            State::B => timed(&format!("focus-{i}"), start + 5 * MINUTE, start + 15 * MINUTE),
        };
        if state == State::B && i % 2 == 0 {
            event.availability = heat_core::Availability::Tentative;
        }
        events.push(event);
    }
    if state == State::B {
        events.extend((0..50).map(|i| {
            timed(
                &format!("b-only-{i}"),
                DAY0 + 12 * DAY + i * 4 * MINUTE,
                DAY0 + 12 * DAY + (i * 4 + 3) * MINUTE,
            )
        }));
    }
    events
}

/// The window readers read: days 0..21 in Berlin.
fn read_window() -> TimeWindow {
    window_of_days(&zones(), "2026-12-07", 21, "Europe/Berlin").unwrap()
}

/// Writer windows: each covers days 8..13 (where A and B differ).
fn writer_windows() -> Vec<TimeWindow> {
    vec![
        window_of_days(&zones(), "2026-12-07", 14, "Europe/Berlin").unwrap(),
        window_of_days(&zones(), "2026-12-14", 14, "Europe/Berlin").unwrap(),
        window(
            DAY0 + 7 * DAY - 3 * HOUR,
            DAY0 + 14 * DAY + 5 * HOUR,
            "Europe/Berlin",
        ),
        window(DAY0 + 6 * DAY, DAY0 + 15 * DAY, "America/New_York"),
    ]
}

/// The heat map of each state, from a scratch store.
fn expected_maps() -> HashMap<State, HeatMap> {
    let scratch = temp_store();
    let store = HeatStore::open(&scratch.path, zones()).unwrap();
    let maps: HashMap<State, HeatMap> = [State::A, State::B]
        .into_iter()
        .map(|state| {
            store
                .reconcile_heat(
                    "x",
                    &read_window(),
                    &state_events(state),
                    ReconcileOptions::default(),
                )
                .unwrap();
            (state, store.heat_map("x", &read_window(), SLOT_MINUTES).unwrap())
        })
        .collect();
    assert_ne!(maps[&State::A], maps[&State::B]);
    maps
}

fn state_of(map: &HeatMap, maps: &HashMap<State, HeatMap>) -> Option<State> {
    maps.iter().find(|(_, m)| *m == map).map(|(s, _)| *s)
}

/// One writer thread: reconciles random writer windows of the shared scope
/// or of its own with A or B; after writing its own scope it reads the map
/// back (nobody else writes there). Returns the last state of its scope.
fn writer(store: &HeatStore, own: &str, seed: u64, maps: &HashMap<State, HeatMap>) -> State {
    let mut rng = Rng::new(seed);
    let (windows, events) = (writer_windows(), [state_events(State::A), state_events(State::B)]);
    let mut own_state = State::A;
    for n in 0..writes_per_thread() {
        let state = if rng.chance(0.5) { State::A } else { State::B };
        let scope = if rng.chance(0.7) { SHARED } else { own };
        let input = &events[usize::from(state == State::B)];
        store
            .reconcile_heat(scope, rng.pick(&windows), input, ReconcileOptions::default())
            .unwrap_or_else(|e| panic!("writer {own}, write {n}: {e}"));
        if scope == own {
            own_state = state;
            let map = store.heat_map(own, &read_window(), SLOT_MINUTES).unwrap();
            assert_eq!(
                state_of(&map, maps),
                Some(state),
                "writer {own} does not read its own write"
            );
        }
    }
    own_state
}

/// One reader thread with its own store: reads the shared map and the
/// given scopes until `stop`; every read must be A's or B's map. Returns
/// how often it saw each state.
fn reader(path: &Path, scopes: &[String], stop: &AtomicBool, maps: &HashMap<State, HeatMap>) -> [usize; 2] {
    let store = HeatStore::open(path, zones()).unwrap();
    let mut seen = [0, 0];
    let scopes: Vec<&str> = std::iter::once(SHARED)
        .chain(scopes.iter().map(String::as_str))
        .collect();
    while !stop.load(Ordering::SeqCst) {
        for scope in &scopes {
            let map = store
                .heat_map(scope, &read_window(), SLOT_MINUTES)
                .unwrap_or_else(|e| panic!("reader of {scope}: {e}"));
            match state_of(&map, maps) {
                Some(state) => seen[usize::from(state == State::B)] += 1,
                None => panic!("a reader saw a half-written window in scope {scope}"),
            }
        }
    }
    seen
}

/// Writers and a reader of one process over the store at `path`; `shared`
/// writers use one `HeatStore` between them, the others their own. Returns
/// the last state of each own scope, and the reads of each state.
fn run_process(
    path: &Path,
    process: &str,
    shared: usize,
    separate: usize,
    seed: u64,
) -> (Vec<(String, State)>, [usize; 2]) {
    let maps = expected_maps();
    let own: Vec<String> = (0..shared + separate)
        .map(|t| format!("own-{process}-{t}"))
        .collect();
    let stop = AtomicBool::new(false);
    let common = HeatStore::open(path, zones()).unwrap();
    std::thread::scope(|s| {
        let reader = s.spawn(|| reader(path, &own, &stop, &maps));
        let writers: Vec<_> = own
            .iter()
            .enumerate()
            .map(|(t, scope)| {
                let (maps, common) = (&maps, &common);
                s.spawn(move || {
                    let seed = seed ^ ((t as u64 + 1) << 32);
                    if t < shared {
                        writer(common, scope, seed, maps)
                    } else {
                        writer(&HeatStore::open(path, zones()).unwrap(), scope, seed, maps)
                    }
                })
            })
            .collect();
        let last: Vec<(String, State)> = own
            .iter()
            .cloned()
            .zip(writers.into_iter().map(|w| w.join().unwrap()))
            .collect();
        stop.store(true, Ordering::SeqCst);
        (last, reader.join().unwrap())
    })
}

/// Entry point of the second writer process.
#[test]
#[ignore = "child process of the concurrency test"]
fn writer_process() {
    let Ok(path) = std::env::var(STORE_VAR) else {
        return;
    };
    let (last, seen) = run_process(Path::new(&path), "child", 0, 2, 7);
    for (scope, state) in last {
        println!("{TAG}last {scope} {state:?}");
    }
    println!("{TAG}reads {} {}", seen[0], seen[1]);
}

#[test]
fn writers_in_two_processes_never_show_a_reader_half_a_window() {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let scopes = [
        SHARED,
        "own-parent-0",
        "own-parent-1",
        "own-parent-2",
        "own-child-0",
        "own-child-1",
    ];
    for scope in scopes {
        store
            .reconcile_heat(
                scope,
                &read_window(),
                &state_events(State::A),
                ReconcileOptions::default(),
            )
            .unwrap();
    }
    let started = Instant::now();
    let other = child::command("concurrency::writer_process")
        .env(STORE_VAR, &tmp.path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut last, seen) = run_process(&tmp.path, "parent", 2, 1, Rng::seed_from_env());
    let output = other.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(output.status.success(), "the second process failed: {stderr}");
    let mut child_reads = 0;
    for line in child::tagged(&stdout, TAG) {
        match line.split(' ').collect::<Vec<_>>().as_slice() {
            ["last", scope, state] => {
                last.push((scope.to_string(), if *state == "A" { State::A } else { State::B }))
            }
            ["reads", a, b] => child_reads = a.parse::<usize>().unwrap() + b.parse::<usize>().unwrap(),
            _ => panic!("unexpected line from the child: {line}"),
        }
    }
    println!(
        "concurrency: {} reconciles by 5 writers in 2 processes, {} heat-map reads by 2 readers \
         (parent saw A {} times, B {} times), {:?}",
        5 * writes_per_thread(),
        seen[0] + seen[1] + child_reads,
        seen[0],
        seen[1],
        started.elapsed()
    );
    assert_eq!(last.len(), 5, "{stdout}");
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "the reader never saw both states: {seen:?}"
    );

    // The end state: a clean file, the shared scope whole A or whole B, each
    // own scope what its writer wrote last, digests that match.
    let conn = Connection::open(&tmp.path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let everything = window(DAY0 - 2 * DAY, DAY0 + 23 * DAY, "UTC");
    let stored = |scope: &str| {
        let mut events = store.events(scope, &everything).unwrap();
        events.sort_by(|a, b| a.id.cmp(&b.id));
        events
    };
    let sorted = |state: State| {
        let mut events = state_events(state);
        events.sort_by(|a, b| a.id.cmp(&b.id));
        events
    };
    let shared_state = [State::A, State::B]
        .into_iter()
        .find(|s| stored(SHARED) == sorted(*s))
        .expect("the shared scope is neither A nor B");
    let mut model = Model::new();
    for (scope, state) in last
        .iter()
        .map(|(s, st)| (s.as_str(), *st))
        .chain([(SHARED, shared_state)])
    {
        assert_eq!(stored(scope), sorted(state), "scope {scope}");
        for event in state_events(state) {
            model.insert((scope.to_owned(), event.id.clone()), event);
        }
    }
    check_day_digests(&conn, &model);
}

/// Entry point of the second process of the first-open race.
#[test]
#[ignore = "child process of the first-open test"]
fn first_open_process() {
    let Ok(path) = std::env::var(STORE_VAR) else {
        return;
    };
    let start_at: u64 = std::env::var("HEAT_START_AT_MS").unwrap().parse().unwrap();
    open_and_write_at(Path::new(&path), "child", start_at);
}

fn epoch_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// Four threads that each open the store at `start_at` and reconcile at once.
fn open_and_write_at(path: &Path, process: &str, start_at: u64) {
    let barrier = Barrier::new(4);
    std::thread::scope(|s| {
        for t in 0..4 {
            let barrier = &barrier;
            s.spawn(move || {
                while epoch_ms() < start_at {
                    std::thread::sleep(Duration::from_micros(200));
                }
                barrier.wait();
                let store =
                    HeatStore::open(path, zones()).unwrap_or_else(|e| panic!("{process} {t}: open: {e}"));
                let scope = format!("{process}-{t}");
                store
                    .reconcile_heat(
                        &scope,
                        &read_window(),
                        &state_events(State::A),
                        ReconcileOptions::default(),
                    )
                    .unwrap_or_else(|e| panic!("{process} {t}: reconcile: {e}"));
            });
        }
    });
}

/// An app and its widget starting together on a device without the file:
/// two processes, eight threads, each creating/migrating and writing.
#[test]
fn simultaneous_first_opens_of_a_new_file_all_succeed() {
    for round in 0..8 {
        let tmp = temp_store();
        let start_at = epoch_ms() + 400;
        let other = child::command("concurrency::first_open_process")
            .env(STORE_VAR, &tmp.path)
            .env("HEAT_START_AT_MS", start_at.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        open_and_write_at(&tmp.path, "parent", start_at);
        let output = other.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "round {round}: the second process failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let store = HeatStore::open(&tmp.path, zones()).unwrap();
        for scope in (0..4).flat_map(|t| [format!("parent-{t}"), format!("child-{t}")]) {
            assert_eq!(
                store.events(&scope, &read_window()).unwrap().len(),
                state_events(State::A).len()
            );
        }
    }
}
