//! Damaged and foreign store files (`docs/contract.md` "Store file"; ADR
//! 0003: `HeatStore::open` refuses, never repairs).
//!
//! Every case starts from a copy of one reference store (400 events over
//! four weeks, checkpointed into the main file), damages it, and then uses it
//! as an app would: open, read events and the heat map, reconcile the next
//! state and read it back. Each step must either give a typed storage error
//! (`CorruptDatabase`, `IncompatibleDatabase`, `ForeignDatabase`, `Storage`) or exactly the right
//! data; a panic or a wrong answer fails the case. The verdicts are counted
//! so the docs can say what each kind of damage does.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use heat_core::{
    Availability, Error, HeatMap, HeatStore, ReconcileOptions, SourceEvent, TimeWindow, window_of_days,
};
use rusqlite::Connection;

use crate::reliability::rng::Rng;
use crate::support::model::overlaps;
use crate::support::zones;
use crate::support::{DAY, HOUR, MINUTE, all_day, file_bytes, temp_store, timed};

const SCOPE: &str = "s";
/// 2026-11-30T00:00+01:00.
const DAY0: i64 = 1_795_993_200_000;

fn reference_window() -> TimeWindow {
    window_of_days(&zones(), "2026-11-30", 28, "Europe/Berlin").unwrap()
}

/// 400 events: meetings with titles and places, some tentative, all-day
/// holidays; `moved` shifts every tenth meeting by an hour (the next sync).
fn reference_events(moved: bool) -> Vec<SourceEvent> {
    let mut events: Vec<SourceEvent> = (0..390_i64)
        .map(|i| {
            let start = DAY0 + (i % 28) * DAY + (8 + i % 9) * HOUR + (i % 4) * 15 * MINUTE;
            let start = if moved && i % 10 == 0 { start + HOUR } else { start };
            let mut event = timed(&format!("meeting-{i}"), start, start + (15 + i % 6 * 15) * MINUTE);
            event.title = format!("Meeting {i} about the quarterly plan with the team");
            event.location = (i % 3 == 0).then(|| format!("Room {}", i % 17));
            if i % 7 == 0 {
                event.availability = Availability::Tentative;
            }
            event
        })
        .collect();
    for d in 0..10 {
        let date = heat_core::model::date_from_days(DAY0 / DAY + 1 + d * 2);
        let next = date.succ_opt().unwrap();
        events.push(all_day(
            &format!("holiday-{d}"),
            &date.to_string(),
            &next.to_string(),
        ));
    }
    events
}

fn sorted_events(store: &HeatStore) -> heat_core::Result<Vec<SourceEvent>> {
    let mut events = store.events(SCOPE, &reference_window())?;
    events.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(events)
}

/// The reference file and what a sound store answers from it.
struct Reference {
    _dir: tempfile::TempDir,
    path: PathBuf,
    events: Vec<SourceEvent>,
    map: HeatMap,
    next_events: Vec<SourceEvent>,
}

fn reference() -> Reference {
    let tmp = temp_store();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    store
        .reconcile_heat(
            SCOPE,
            &reference_window(),
            &reference_events(false),
            ReconcileOptions::default(),
        )
        .unwrap();
    let events = sorted_events(&store).unwrap();
    let map = store.heat_map(SCOPE, &reference_window(), 30).unwrap();
    drop(store); // the last connection checkpoints and removes the WAL
    assert!(!PathBuf::from(format!("{}-wal", tmp.path.display())).exists());
    let mut next_events: Vec<SourceEvent> = reference_events(true)
        .into_iter()
        .filter(|e| overlaps(e, &reference_window()))
        .collect();
    assert_eq!(next_events.len(), 400, "every event lies in the window");
    next_events.sort_by(|a, b| a.id.cmp(&b.id));
    Reference {
        path: tmp.path,
        _dir: tmp.dir,
        events,
        map,
        next_events,
    }
}

/// What the store made of one damaged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    /// `HeatStore::open` refused it, with this error kind.
    RefusedAtOpen(&'static str),
    /// Opened; a read failed with this error kind.
    FailedToRead(&'static str),
    /// Read the right data; the reconcile failed with this error kind.
    FailedToWrite(&'static str),
    /// Read the right data and reconciled the next state correctly (the
    /// damage hit unused bytes).
    Unaffected,
    /// Opened as a new, empty store (a zero-length file): the next reconcile
    /// refills it from the calendar.
    OpenedEmpty,
}

fn kind(err: &Error) -> &'static str {
    match err {
        Error::CorruptDatabase(_) => "CorruptDatabase",
        Error::IncompatibleDatabase { .. } => "IncompatibleDatabase",
        Error::ForeignDatabase => "ForeignDatabase",
        Error::Storage(_) => "Storage",
        other => panic!("not a storage error: {other:?}"),
    }
}

/// Uses the file at `path` as an app would; panics on a wrong answer.
fn assess(path: &Path, reference: &Reference) -> Verdict {
    let was_empty = std::fs::metadata(path).is_ok_and(|m| m.len() == 0);
    let store = match HeatStore::open(path, zones()) {
        Ok(store) => store,
        Err(err) => return Verdict::RefusedAtOpen(kind(&err)),
    };
    let events = match sorted_events(&store) {
        Ok(events) => events,
        Err(err) => return Verdict::FailedToRead(kind(&err)),
    };
    if events.is_empty() && was_empty {
        return Verdict::OpenedEmpty;
    }
    assert!(
        events == reference.events,
        "wrong events read without an error: {}",
        difference(&events, &reference.events)
    );
    match store.heat_map(SCOPE, &reference_window(), 30) {
        Ok(map) => assert!(map == reference.map, "wrong heat map read without an error"),
        Err(err) => return Verdict::FailedToRead(kind(&err)),
    }
    let next = reference_events(true);
    if let Err(err) = store.reconcile_heat(SCOPE, &reference_window(), &next, ReconcileOptions::default()) {
        return Verdict::FailedToWrite(kind(&err));
    }
    match sorted_events(&store) {
        Ok(events) => assert!(events == reference.next_events, "wrong events after a reconcile"),
        Err(err) => return Verdict::FailedToWrite(kind(&err)),
    }
    Verdict::Unaffected
}

/// What differs between two event lists, by id (no titles: they could be long).
fn difference(got: &[SourceEvent], want: &[SourceEvent]) -> String {
    let missing: Vec<&str> = want
        .iter()
        .filter(|w| !got.iter().any(|g| g.id == w.id))
        .map(|w| w.id.as_str())
        .collect();
    let changed: Vec<&str> = got
        .iter()
        .filter(|g| !want.contains(g))
        .map(|g| g.id.as_str())
        .collect();
    format!(
        "{} read, {} expected; missing {missing:?}; not as stored {changed:?}",
        got.len(),
        want.len()
    )
}

/// Runs `damage` on fresh copies of the reference file and tallies verdicts.
struct Cases<'a> {
    reference: &'a Reference,
    dir: tempfile::TempDir,
    tally: BTreeMap<Verdict, usize>,
    /// Cases that panicked (in the core, or on a wrong answer).
    failures: Vec<String>,
}

impl<'a> Cases<'a> {
    fn new(reference: &'a Reference) -> Self {
        Cases {
            reference,
            dir: tempfile::tempdir().unwrap(),
            tally: BTreeMap::new(),
            failures: Vec::new(),
        }
    }

    fn run(&mut self, case: &str, damage: impl FnOnce(&Path)) -> Option<Verdict> {
        let path = self.dir.path().join("case.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        std::fs::copy(&self.reference.path, &path).unwrap();
        damage(&path);
        match std::panic::catch_unwind(AssertUnwindSafe(|| assess(&path, self.reference))) {
            Ok(verdict) => {
                *self.tally.entry(verdict).or_default() += 1;
                Some(verdict)
            }
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                self.failures.push(format!("{case}: {message}"));
                None
            }
        }
    }

    /// Prints the tally; fails with every case that panicked or read wrong data.
    fn finish(self, what: &str) {
        let total = self.tally.values().sum::<usize>() + self.failures.len();
        println!("{what}: {total} cases: {:?}", self.tally);
        assert!(
            self.failures.is_empty(),
            "{what}: {} of {total} cases failed:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

fn flip(path: &Path, offset: usize, mask: u8) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[offset] ^= mask;
    std::fs::write(path, bytes).unwrap();
}

fn page_size(path: &Path) -> usize {
    let conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

/// Page numbers (1-based) of a table or index, from SQLite's `dbstat`.
fn pages_of(path: &Path, name: &str) -> Vec<usize> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT pageno FROM dbstat WHERE name = ?1 ORDER BY pageno")
        .unwrap();
    stmt.query_map([name], |r| r.get::<_, i64>(0))
        .unwrap()
        .map(|p| p.unwrap() as usize)
        .collect()
}

#[test]
fn truncated_files_are_refused_or_read_whole() {
    let reference = reference();
    let mut cases = Cases::new(&reference);
    let page = page_size(&reference.path);
    let len = std::fs::metadata(&reference.path).unwrap().len() as usize;
    let mut lengths = vec![0, 1, 16, 99, 100, 101, page / 2, page - 1];
    lengths.extend((1..len / page).flat_map(|p| [p * page, p * page + page / 2]));
    lengths.push(len - 1);
    for at in lengths {
        let verdict = cases.run(&format!("truncated to {at} bytes"), |p| {
            let file = std::fs::OpenOptions::new().write(true).open(p).unwrap();
            file.set_len(at as u64).unwrap()
        });
        if at == 0 {
            assert_eq!(verdict, Some(Verdict::OpenedEmpty));
        }
    }
    assert!(
        cases
            .tally
            .keys()
            .any(|v| matches!(v, Verdict::RefusedAtOpen(_) | Verdict::FailedToRead(_)))
    );
    cases.finish(&format!("truncation of a {len}-byte file"));
}

#[test]
fn every_bit_of_the_header_flipped_is_refused_or_harmless() {
    let reference = reference();
    let mut cases = Cases::new(&reference);
    for offset in 0..100 {
        for bit in 0..8 {
            cases.run(&format!("header byte {offset} bit {bit}"), |p| {
                flip(p, offset, 1 << bit)
            });
        }
    }
    assert!(
        cases
            .tally
            .contains_key(&Verdict::RefusedAtOpen("CorruptDatabase"))
    );
    cases.finish("header bit flips");
}

/// Random single-bit flips in every page of the events table, its time
/// index and the day digests.
#[test]
fn flipped_bits_in_event_pages_are_detected_or_harmless() {
    let reference = reference();
    let page = page_size(&reference.path);
    let seed = Rng::seed_from_env();
    println!("page flips: seed {seed}");
    let mut rng = Rng::new(seed);
    for name in ["events", "events_by_time", "day_digests"] {
        let mut cases = Cases::new(&reference);
        let pages = pages_of(&reference.path, name);
        assert!(!pages.is_empty(), "{name} has no pages");
        for &number in &pages {
            for _ in 0..24 {
                let offset = (number - 1) * page + rng.range(0, page as i64) as usize;
                let bit = rng.range(0, 8);
                cases.run(&format!("{name} page {number}, byte {offset} bit {bit}"), |p| {
                    flip(p, offset, 1 << bit)
                });
            }
        }
        cases.finish(&format!("bit flips in the {} pages of {name}", pages.len()));
    }
}

type Damage = Box<dyn FnOnce(&Path)>;

/// Files that are not, or not yet, or no longer ours.
#[test]
fn foreign_newer_and_odd_files_get_typed_errors() {
    let reference = reference();
    let mut cases = Cases::new(&reference);
    let sql = |statements: &'static str| {
        move |p: &Path| Connection::open(p).unwrap().execute_batch(statements).unwrap()
    };
    let replace = |bytes: Vec<u8>| move |p: &Path| std::fs::write(p, &bytes).unwrap();
    let expectations: Vec<(&str, Damage, Verdict)> = vec![
        (
            "newer schema",
            Box::new(sql("PRAGMA user_version = 3")),
            Verdict::RefusedAtOpen("IncompatibleDatabase"),
        ),
        (
            "much newer schema",
            Box::new(sql("PRAGMA user_version = 2147483647")),
            Verdict::RefusedAtOpen("IncompatibleDatabase"),
        ),
        (
            "negative schema version",
            Box::new(sql("PRAGMA user_version = -1")),
            Verdict::RefusedAtOpen("CorruptDatabase"),
        ),
        (
            "foreign application id",
            Box::new(sql("PRAGMA application_id = 7")),
            Verdict::RefusedAtOpen("ForeignDatabase"),
        ),
        (
            "our tables without our id (a prototype)",
            Box::new(sql("PRAGMA application_id = 0; PRAGMA user_version = 0")),
            Verdict::RefusedAtOpen("ForeignDatabase"),
        ),
        (
            "our id, version 0, tables present",
            Box::new(sql("PRAGMA user_version = 0")),
            Verdict::RefusedAtOpen("CorruptDatabase"),
        ),
        (
            "zeros",
            Box::new(replace(vec![0; 8192])),
            Verdict::RefusedAtOpen("CorruptDatabase"),
        ),
        (
            "text",
            Box::new(replace(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".repeat(200))),
            Verdict::RefusedAtOpen("CorruptDatabase"),
        ),
        (
            "SQLite magic, then garbage",
            Box::new(replace([b"SQLite format 3\0".as_slice(), &[0xA5; 4080]].concat())),
            Verdict::RefusedAtOpen("CorruptDatabase"),
        ),
        (
            "a directory",
            Box::new(|p: &Path| {
                std::fs::remove_file(p).unwrap();
                std::fs::create_dir(p).unwrap();
            }),
            Verdict::RefusedAtOpen("Storage"),
        ),
        (
            "garbage WAL next to a sound file",
            Box::new(|p: &Path| std::fs::write(format!("{}-wal", p.display()), vec![0x5A; 40_000]).unwrap()),
            Verdict::Unaffected,
        ),
    ];
    for (case, damage, expected) in expectations {
        let verdict = cases.run(case, damage);
        assert_eq!(verdict, Some(expected), "{case}");
        let _ = std::fs::remove_dir(cases.dir.path().join("case.db"));
    }
}

/// A power cut with `synchronous = NORMAL` may lose the end of the WAL:
/// cut at every frame boundary and inside frames, the store is one of the
/// committed states, never a mix.
#[test]
fn a_torn_wal_falls_back_to_a_committed_state() {
    let tmp = temp_store();
    let window = reference_window();
    let store = HeatStore::open(&tmp.path, zones()).unwrap();
    let mut states = vec![Vec::new()];
    let mut committed_wal = None;
    for round in 0..4_i64 {
        let events: Vec<SourceEvent> = reference_events(round % 2 == 1)
            .into_iter()
            .filter(|e| !e.id.ends_with(&round.to_string()))
            .collect();
        store
            .reconcile_heat(SCOPE, &window, &events, ReconcileOptions::default())
            .unwrap();
        let mut stored = store.events(SCOPE, &window).unwrap();
        stored.sort_by(|a, b| a.id.cmp(&b.id));
        states.push(stored);
        // The files as they are on disk now, with every commit in the WAL.
        committed_wal = Some(file_bytes(&tmp.path));
    }
    let files = committed_wal.unwrap();
    let (main, wal) = (&files[0].1, &files.iter().find(|(s, _)| s == "-wal").unwrap().1);
    let page = page_size(&tmp.path);
    let frame = 24 + page;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("torn.db");
    let mut seen = BTreeMap::new();
    let cuts: Vec<usize> = (0..=(wal.len() - 32) / frame)
        .flat_map(|f| [32 + f * frame, 32 + f * frame + 100])
        .collect();
    for &cut in &cuts {
        let cut = cut.min(wal.len());
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
        }
        std::fs::write(&copy, main).unwrap();
        std::fs::write(format!("{}-wal", copy.display()), &wal[..cut]).unwrap();
        let conn = Connection::open(&copy).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "WAL cut at {cut}");
        let torn = HeatStore::open(&copy, zones()).unwrap();
        let mut stored = torn.events(SCOPE, &window).unwrap();
        stored.sort_by(|a, b| a.id.cmp(&b.id));
        let state = states
            .iter()
            .position(|s| *s == stored)
            .unwrap_or_else(|| panic!("WAL cut at {cut}: a state that was never committed"));
        *seen.entry(state).or_insert(0) += 1;
    }
    println!("torn WAL: {} cuts, committed state seen: {seen:?}", cuts.len());
    assert!(seen.len() >= 3, "the cuts should reach several commits: {seen:?}");
}
