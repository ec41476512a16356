//! SIGKILL at random moments (`docs/contract.md` "Reconcile semantics" 6: a
//! crash or kill at any point leaves the old state or the new one).
//!
//! A child process runs a deterministic sequence of reconciles derived from a
//! seed (three scopes; windows of 1 to 92 days, aligned or not, in five
//! zones; up to 3,500 events with long titles, so commits take time) and
//! reports `start k` / `done k` on a pipe. The parent SIGKILLs it at a chosen
//! moment, then checks a copy of the files (the original keeps its hot WAL,
//! so the next child's open runs SQLite's recovery, and may be killed there):
//! - `PRAGMA integrity_check` is `ok`;
//! - the whole store, every scope, equals the model state before or after
//!   the step in flight;
//! - every stored day digest equals one recomputed from the events.
//!
//! Kill moments: anywhere in a step; late in a step; just after the WAL file
//! starts changing (the transaction is writing its pages: spilling or
//! committing); and while the child opens the store. Kills that leave valid
//! but uncommitted frames at the end of the WAL landed inside a transaction's
//! write, and are counted.
//!
//! `HEAT_KILLS` sets the number of kills (default 50; the documented full run
//! is 1,000), `HEAT_SEED` replays a run.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use heat_core::{
    Availability, Error, EventStatus, EventTime, HeatStore, Participation, ReconcileOptions, SourceEvent,
    TimeWindow, window_of_days,
};
use rusqlite::Connection;

use crate::reliability::child;
use crate::reliability::rng::Rng;
use crate::support::model::{Model, apply, check_day_digests, model_scope, model_window, overlaps};
use crate::support::zones;
use crate::support::{DAY, MINUTE, temp_store, window};

/// 2026-11-01T00:00Z; windows fall in the 150 days after it (both 2027
/// spring DST changes included).
const BASE: i64 = 1_793_491_200_000;
const SPAN_DAYS: i64 = 150;
const SCOPES: &[&str] = &["phone", "work", "family"];
const ZONES: &[&str] = &[
    "Europe/Berlin",
    "America/New_York",
    "UTC",
    "Pacific/Kiritimati",
    "Asia/Kolkata",
];
/// Ids are drawn from this pool per scope, so events move between windows.
const IDS_PER_SCOPE: i64 = 4_000;
const STEPS_PER_CHILD: usize = 40;
const TAG: &str = "@@kill ";
const END: &str = " @@";

const STORE_VAR: &str = "HEAT_KILL_STORE";
const SEED_VAR: &str = "HEAT_KILL_SEED";
const FROM_VAR: &str = "HEAT_KILL_FROM";

/// One reconcile of the sequence.
struct Step {
    scope: &'static str,
    window: TimeWindow,
    events: Vec<SourceEvent>,
    /// Send what the store holds for the window instead (a no-op).
    replay: bool,
    allow_empty: bool,
}

fn date_text(day: i64) -> String {
    heat_core::model::date_from_days(BASE / DAY + day)
        .format("%Y-%m-%d")
        .to_string()
}

impl Step {
    fn generate(seed: u64, k: usize) -> Step {
        let mut rng = Rng::new(seed ^ (k as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
        let scope = *rng.pick(SCOPES);
        let zone = *rng.pick(ZONES);
        let days = *rng.pick(&[1, 3, 7, 14, 31, 62, 92]);
        let first_day = rng.range(0, SPAN_DAYS - days);
        let window = if rng.chance(0.6) {
            window_of_days(&zones(), &date_text(first_day), days as u32, zone).unwrap()
        } else {
            let start = BASE + first_day * DAY + rng.range(0, DAY);
            window(start, start + days * DAY - rng.range(0, DAY / 2), zone)
        };
        let count = match rng.range(0, 10) {
            0 => 0,
            1..=3 => rng.range(1, 50),
            4..=6 => rng.range(200, 1_500),
            _ => rng.range(1_500, 3_500),
        };
        let first_id = rng.range(0, IDS_PER_SCOPE);
        let events = (0..count)
            .map(|i| random_event(&mut rng, (first_id + i) % IDS_PER_SCOPE, first_day, days))
            .collect();
        Step {
            scope,
            window,
            events,
            replay: rng.chance(0.1),
            allow_empty: rng.chance(0.5),
        }
    }

    fn options(&self) -> ReconcileOptions {
        ReconcileOptions {
            allow_empty: self.allow_empty,
        }
    }

    /// The model after this step, and whether the empty-source guard refuses it.
    fn apply_to(&self, model: &Model) -> (Model, bool) {
        let source: Vec<SourceEvent> = if self.replay {
            model_window(model, self.scope, &self.window)
        } else {
            self.events
                .iter()
                .filter(|e| overlaps(e, &self.window))
                .cloned()
                .collect()
        };
        let refused = source.is_empty()
            && !self.allow_empty
            && !model_window(model, self.scope, &self.window).is_empty();
        let mut after = model.clone();
        if !refused {
            apply(&mut after, self.scope, &self.window, &source);
        }
        (after, refused)
    }
}

/// An event around the window's days: timed (some of them long, zero-length
/// or off the minute grid) or all-day; one in five has a long title.
fn random_event(rng: &mut Rng, id: i64, first_day: i64, days: i64) -> SourceEvent {
    let time = if rng.chance(0.1) {
        let start = rng.range(first_day - 1, first_day + days + 1);
        EventTime::AllDay {
            start_date: date_text(start),
            end_date: date_text(start + rng.range(0, 3)),
        }
    } else {
        let start = BASE + (first_day - 1) * DAY + rng.range(0, (days + 2) * DAY / MINUTE) * MINUTE;
        let start = if rng.chance(0.1) {
            start + rng.range(1, MINUTE)
        } else {
            start
        };
        let length = match rng.range(0, 20) {
            0 => 0,
            1 => rng.range(1, 3 * DAY),
            _ => rng.range(5, 240) * MINUTE,
        };
        EventTime::Timed {
            start_ms: start,
            end_ms: start + length,
        }
    };
    let title_length = if rng.chance(0.2) {
        rng.range(200, 1_500)
    } else {
        rng.range(0, 30)
    } as usize;
    SourceEvent {
        id: format!("ev-{id}"),
        calendar_id: format!("cal-{}", rng.range(0, 3)),
        title: "t".repeat(title_length),
        location: rng.chance(0.3).then(|| format!("room {}", rng.range(0, 100))),
        time,
        availability: *rng.pick(Availability::ALL),
        status: *rng.pick(EventStatus::ALL),
        participation: *rng.pick(Participation::ALL),
    }
}

/// Entry point of the victim process: runs steps `from..` until killed.
#[test]
#[ignore = "child process of the kill test"]
fn victim_process() {
    let (Ok(path), Ok(seed), Ok(from)) = (
        std::env::var(STORE_VAR),
        std::env::var(SEED_VAR),
        std::env::var(FROM_VAR),
    ) else {
        return;
    };
    let (seed, from): (u64, usize) = (seed.parse().unwrap(), from.parse().unwrap());
    let store = HeatStore::open(&path, zones()).unwrap();
    let mut out = std::io::stdout().lock();
    for k in from..from + STEPS_PER_CHILD {
        let step = Step::generate(seed, k);
        let input = if step.replay {
            store.events(step.scope, &step.window).unwrap()
        } else {
            step.events.clone()
        };
        writeln!(out, "{TAG}start {k}{END}").unwrap();
        let started = Instant::now();
        let outcome = match store.reconcile_heat(step.scope, &step.window, &input, step.options()) {
            Ok(outcome) if outcome.changed => "changed",
            Ok(_) => "same",
            Err(Error::EmptySourceRefused { .. }) => "refused",
            Err(other) => panic!("step {k}: {other}"),
        };
        let micros = started.elapsed().as_micros();
        writeln!(out, "{TAG}done {k} {micros} {outcome}{END}").unwrap();
    }
}

/// A line the victim reported; partial lines (cut by the kill) are dropped.
#[derive(Debug, PartialEq)]
enum Report {
    Start(usize),
    Done {
        step: usize,
        micros: u64,
        outcome: String,
    },
}

fn parse_report(line: &str) -> Option<Report> {
    let body = line.split(TAG).nth(1)?.strip_suffix(END)?;
    let words: Vec<&str> = body.split(' ').collect();
    match words.as_slice() {
        ["start", k] => Some(Report::Start(k.parse().ok()?)),
        ["done", k, micros, outcome] => Some(Report::Done {
            step: k.parse().ok()?,
            micros: micros.parse().ok()?,
            outcome: (*outcome).to_owned(),
        }),
        _ => None,
    }
}

/// When to kill the victim.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// While it opens the store (schema check, WAL recovery).
    AtOpen(Duration),
    /// This long after step `.0` starts.
    InStep(usize, Duration),
    /// This long after the WAL file changes during step `.0`.
    InWrite(usize, Duration),
}

impl Moment {
    fn choose(rng: &mut Rng, from: usize, durations: &HashMap<usize, u64>) -> Moment {
        let step = from + rng.range(0, 3) as usize;
        let known = durations.get(&step).copied();
        let micros =
            |lo: f64, hi: f64, rng: &mut Rng| Duration::from_micros((lo + (hi - lo) * rng.unit()) as u64);
        match (rng.range(0, 20), known) {
            (0, _) => Moment::AtOpen(micros(0.0, 30_000.0, rng)),
            (1..=8, _) => Moment::InWrite(step, micros(0.0, 3_000.0, rng)),
            (9..=13, Some(d)) => Moment::InStep(step, micros(0.0, 1.05 * d as f64, rng)),
            (_, Some(d)) => Moment::InStep(step, micros(0.6 * d as f64, 1.05 * d as f64, rng)),
            // Not timed yet: log-uniform from 20 µs to 1.5 s.
            (_, None) => {
                let micros = (20.0_f64.ln() + (1.5e6_f64.ln() - 20.0_f64.ln()) * rng.unit()).exp();
                Moment::InStep(step, Duration::from_micros(micros as u64))
            }
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Moment::AtOpen(_) => "at open",
            Moment::InStep(..) => "in a step",
            Moment::InWrite(..) => "after the WAL changed",
        }
    }
}

/// What one victim did before it died (or finished).
struct Victim {
    reports: Vec<Report>,
    killed: bool,
    /// Valid frames after the last commit frame in the WAL it left.
    uncommitted_frames: usize,
}

fn wal_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", db.display()))
}

fn wal_state(db: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(wal_path(db)).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

fn run_victim(db: &Path, stderr: &Path, seed: u64, from: usize, moment: Moment) -> Victim {
    let mut child = child::command("kill::victim_process")
        .env(STORE_VAR, db)
        .env(SEED_VAR, seed.to_string())
        .env(FROM_VAR, from.to_string())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(stderr).unwrap())
        .spawn()
        .expect("start the victim process");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(report) = parse_report(&line) {
                let _ = tx.send(report);
            }
        }
    });
    let mut reports = Vec::new();
    // Blocks until `step` starts; false when the victim exited first.
    let wait_for_start = |step: usize, reports: &mut Vec<Report>| loop {
        match rx.recv() {
            Ok(report) => {
                let found = report == Report::Start(step);
                reports.push(report);
                if found {
                    return true;
                }
            }
            Err(_) => return false,
        }
    };
    match moment {
        Moment::AtOpen(delay) => std::thread::sleep(delay),
        Moment::InStep(step, delay) => {
            if wait_for_start(step, &mut reports) {
                std::thread::sleep(delay);
            }
        }
        Moment::InWrite(step, delay) => {
            if wait_for_start(step, &mut reports) {
                let before = wal_state(db);
                // Until the WAL changes, or the step ends without writing.
                while wal_state(db) == before {
                    match rx.try_recv() {
                        Ok(report) => {
                            let done = matches!(report, Report::Done { step: s, .. } if s == step);
                            reports.push(report);
                            if done {
                                break;
                            }
                        }
                        Err(mpsc::TryRecvError::Empty) => std::thread::yield_now(),
                        Err(mpsc::TryRecvError::Disconnected) => break,
                    }
                }
                std::thread::sleep(delay);
            }
        }
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    reader.join().unwrap();
    reports.extend(rx.try_iter());
    let killed = status.signal() == Some(9);
    assert!(
        killed || status.success(),
        "the victim failed ({status}): {}",
        std::fs::read_to_string(stderr).unwrap_or_default()
    );
    Victim {
        reports,
        killed,
        uncommitted_frames: uncommitted_wal_frames(&std::fs::read(wal_path(db)).unwrap_or_default()),
    }
}

/// Valid frames after the last commit frame of a WAL file (format:
/// sqlite.org/fileformat2.html#walformat). SQLite ignores them on recovery;
/// their presence means the writer died while writing a transaction.
fn uncommitted_wal_frames(wal: &[u8]) -> usize {
    let be = |b: &[u8]| u32::from_be_bytes(b[..4].try_into().unwrap());
    if wal.len() < 32 {
        return 0;
    }
    let big_endian = be(&wal[0..4]) & 1 == 1;
    let checksum = |data: &[u8], (mut s0, mut s1): (u32, u32)| {
        for word in data.chunks_exact(8) {
            let (x0, x1) = if big_endian {
                (be(&word[0..4]), be(&word[4..8]))
            } else {
                (
                    u32::from_le_bytes(word[0..4].try_into().unwrap()),
                    u32::from_le_bytes(word[4..8].try_into().unwrap()),
                )
            };
            s0 = s0.wrapping_add(x0).wrapping_add(s1);
            s1 = s1.wrapping_add(x1).wrapping_add(s0);
        }
        (s0, s1)
    };
    let page_size = be(&wal[8..12]) as usize;
    let salt = &wal[16..24];
    let mut sum = checksum(&wal[0..24], (0, 0));
    if sum != (be(&wal[24..28]), be(&wal[28..32])) {
        return 0;
    }
    let mut since_commit = 0;
    for frame in wal[32..].chunks_exact(24 + page_size) {
        if &frame[8..16] != salt {
            break;
        }
        sum = checksum(&frame[24..], checksum(&frame[..8], sum));
        if sum != (be(&frame[16..20]), be(&frame[20..24])) {
            break;
        }
        since_commit = if be(&frame[4..8]) != 0 {
            0
        } else {
            since_commit + 1
        };
    }
    since_commit
}

fn everything() -> TimeWindow {
    window(BASE - 5 * DAY, BASE + (SPAN_DAYS + 8) * DAY, "UTC")
}

/// Checks a copy of the killed store; returns the index of the candidate
/// state it equals.
fn check_copy(db: &Path, copy: &Path, candidates: &[&Model]) -> usize {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(db, copy).unwrap();
    if wal_path(db).exists() {
        std::fs::copy(wal_path(db), wal_path(copy)).unwrap();
    }
    let conn = Connection::open(copy).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let store = HeatStore::open(copy, zones()).unwrap();
    let stored: Vec<Vec<SourceEvent>> = SCOPES
        .iter()
        .map(|scope| {
            let mut events = store.events(scope, &everything()).unwrap();
            events.sort_by(|a, b| a.id.cmp(&b.id));
            events
        })
        .collect();
    let matched = candidates
        .iter()
        .position(|model| {
            SCOPES
                .iter()
                .zip(&stored)
                .all(|(scope, s)| *s == model_scope(model, scope))
        })
        .unwrap_or_else(|| panic!("the store equals neither the state before nor after the step"));
    check_day_digests(&conn, candidates[matched]);
    matched
}

#[derive(Debug, Default)]
struct Tally {
    kills: usize,
    by_moment: HashMap<&'static str, usize>,
    /// Kills that left uncommitted frames in the WAL.
    inside_a_write: usize,
    /// A changing step was in flight and the store kept the old state.
    old_state: usize,
    /// A changing step was in flight, committed, and the call never returned.
    new_state: usize,
    /// Between steps, or in a step that changes nothing.
    nothing_in_flight: usize,
    steps_done: usize,
}

fn run_kills(kills: usize) {
    let seed = crate::reliability::rng::Rng::seed_from_env();
    println!("kill test: seed {seed} (replay with HEAT_SEED={seed}), {kills} kills");
    let tmp = temp_store();
    let (copy, stderr) = (
        tmp.dir.path().join("check.db"),
        tmp.dir.path().join("victim.stderr"),
    );
    let mut rng = Rng::new(seed.rotate_left(29) ^ 0x5DEE_CE66);
    let mut model = Model::new();
    let mut next = 0_usize;
    let mut durations: HashMap<usize, u64> = HashMap::new();
    let mut tally = Tally::default();
    // Past the planned kills, and only until one has landed inside a
    // transaction's write (so a short run cannot miss commits by chance):
    // kill just after the WAL changes.
    while tally.kills < kills || (tally.inside_a_write == 0 && tally.kills < 2 * kills) {
        let moment = if tally.kills < kills {
            Moment::choose(&mut rng, next, &durations)
        } else {
            Moment::InWrite(next + rng.range(0, 3) as usize, Duration::ZERO)
        };
        let victim = run_victim(&tmp.path, &stderr, seed, next, moment);
        let context = format!("seed {seed}, from step {next}, {moment:?}");
        let mut in_flight = None;
        for report in &victim.reports {
            match report {
                Report::Start(k) => in_flight = Some(*k),
                Report::Done {
                    step,
                    micros,
                    outcome,
                } => {
                    let (after, refused) = Step::generate(seed, *step).apply_to(&model);
                    let expected = if refused {
                        "refused"
                    } else if after != model {
                        "changed"
                    } else {
                        "same"
                    };
                    assert_eq!(outcome, expected, "{context}: step {step}");
                    model = after;
                    durations.insert(*step, *micros);
                    in_flight = None;
                    next = step + 1;
                    tally.steps_done += 1;
                }
            }
        }
        let (pre, post) = match in_flight {
            Some(k) => (model.clone(), Step::generate(seed, k).apply_to(&model).0),
            None => (model.clone(), model.clone()),
        };
        let check = AssertUnwindSafe(|| check_copy(&tmp.path, &copy, &[&pre, &post]));
        let matched =
            std::panic::catch_unwind(check).unwrap_or_else(|_| panic!("{context}: the check above failed"));
        if !victim.killed {
            continue;
        }
        tally.kills += 1;
        *tally.by_moment.entry(moment.kind()).or_default() += 1;
        tally.inside_a_write += usize::from(victim.uncommitted_frames > 0);
        match (in_flight, matched) {
            _ if pre == post => tally.nothing_in_flight += 1,
            (Some(k), 1) => {
                tally.new_state += 1;
                model = post;
                next = k + 1;
            }
            _ => tally.old_state += 1,
        }
    }
    println!("kill test: {tally:?}");
    assert!(
        tally.inside_a_write > 0,
        "no kill landed inside a transaction's write: {tally:?}"
    );
}

#[test]
fn sigkill_at_random_moments_leaves_the_old_or_the_new_state() {
    let kills = std::env::var("HEAT_KILLS").map_or(50, |n| n.parse().expect("HEAT_KILLS must be a number"));
    run_kills(kills);
}
