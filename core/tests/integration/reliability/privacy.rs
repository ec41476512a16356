//! Privacy (`docs/contract.md` "Privacy"): titles and locations are personal data; they never
//! reach an error message or a log, and the store file is the owner's only.
//!
//! The core writes no logs (no `print!`, `eprint!`, `log` or `tracing`
//! anywhere in `core/src`), so error text is the one channel. A child
//! process runs every error path with a marker in every title and location
//! and checks each error's `Display` and `Debug` text; the parent then
//! checks that the marker appears nowhere in the child's whole output
//! (stdout and stderr, uncaptured): anything the core printed would show.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use heat_core::{Error, HeatStore, ReconcileOptions, SourceEvent, events_from_json, window_of_days};

use crate::reliability::child;
use crate::support::bad_input::{MARKER, bad_calls, bad_json, good_window, secret};
use crate::support::zones;
use crate::support::{DAY, HOUR, MINUTE, T0, temp_store, timed, window};

const TAG: &str = "@@privacy ";
const RUN_VAR: &str = "HEAT_PRIVACY_RUN";

/// Checks one error's texts; returns 1 to count it.
fn check<E: std::fmt::Display + std::fmt::Debug>(
    path: &str,
    result: Result<impl std::fmt::Debug, E>,
) -> usize {
    let err = match result {
        Err(err) => err,
        Ok(value) => panic!("{path}: expected an error, got {value:?}"),
    };
    let (display, debug) = (err.to_string(), format!("{err:?}"));
    assert!(
        !display.contains(MARKER) && !debug.contains(MARKER),
        "{path}: personal data in the error"
    );
    1
}

fn invalid_calls(store: &HeatStore) -> usize {
    let mut checked = 0;
    for call in bad_calls() {
        let result = store.reconcile_heat(
            call.scope,
            &call.window,
            &call.events,
            ReconcileOptions::default(),
        );
        checked += check(call.name, result);
        if call.names_the_window() {
            checked += check(call.name, store.heat_map("s", &call.window, 60));
        }
    }
    checked += check("slot of zero minutes", store.heat_map("s", &good_window(), 0));
    checked += check(
        "too many slots",
        store.heat_map("s", &window(T0, T0 + 300 * DAY, "UTC"), 1),
    );
    checked += check(
        "window of zero days",
        window_of_days(&zones(), "2026-11-30", 0, "UTC"),
    );
    checked
}

fn refusal_and_interrupt(store: &Arc<HeatStore>) -> usize {
    let mut checked = check(
        "empty source",
        store.reconcile_heat("s", &good_window(), &[], ReconcileOptions::default()),
    );
    let many: Arc<Vec<SourceEvent>> = Arc::new(
        (0..50_000_i64)
            .map(|i| {
                secret(timed(
                    &format!("e{i}"),
                    T0 + i * MINUTE,
                    T0 + i * MINUTE + 30 * MINUTE,
                ))
            })
            .collect(),
    );
    let quarter = window(T0, T0 + 90 * DAY, "UTC");
    for delay_ms in [5_u64, 20, 60, 150, 400] {
        let worker = {
            let (store, many, quarter) = (Arc::clone(store), Arc::clone(&many), quarter.clone());
            std::thread::spawn(move || {
                store.reconcile_heat("big", &quarter, &many, ReconcileOptions::default())
            })
        };
        std::thread::sleep(Duration::from_millis(delay_ms));
        store.interrupt();
        if let Err(err) = worker.join().unwrap() {
            assert!(matches!(err, Error::Interrupted), "{err}");
            checked += check("interrupted", Err::<(), _>(err));
            return checked;
        }
    }
    panic!("no reconcile of 50,000 events was interrupted")
}

/// A store whose rows hold the marker, damaged where a title is.
fn damaged_store_calls(dir: &Path) -> usize {
    let path = dir.join("damaged.db");
    let store = HeatStore::open(&path, zones()).unwrap();
    let events: Vec<SourceEvent> = (0..20)
        .map(|i| {
            secret(timed(
                &format!("d{i}"),
                T0 + i * HOUR,
                T0 + i * HOUR + 30 * MINUTE,
            ))
        })
        .collect();
    store
        .reconcile_heat("s", &good_window(), &events, ReconcileOptions::default())
        .unwrap();
    drop(store);
    let clean = std::fs::read(&path).unwrap();
    let at = clean
        .windows(MARKER.len())
        .position(|w| w == MARKER.as_bytes())
        .expect("the marker is stored");
    let mut checked = 0;
    for (name, byte) in [
        ("a title's letter changed", b'Q'),
        ("a title's byte made invalid UTF-8", 0xFF),
    ] {
        let mut damaged = clean.clone();
        damaged[at + 3] = byte;
        std::fs::write(&path, &damaged).unwrap();
        let store = HeatStore::open(&path, zones()).unwrap();
        let result = store.events("s", &good_window());
        assert!(
            matches!(result, Err(Error::CorruptDatabase(_))),
            "{name}: {result:?}"
        );
        checked += check(name, result);
        checked += check(name, store.heat_map("s", &good_window(), 30));
    }
    checked
}

fn file_calls(dir: &Path) -> usize {
    let too_new = dir.join("too-new.db");
    drop(HeatStore::open(&too_new, zones()).unwrap());
    rusqlite::Connection::open(&too_new)
        .unwrap()
        .pragma_update(None, "user_version", 9)
        .unwrap();
    let not_a_db = dir.join("not-a-db.db");
    std::fs::write(&not_a_db, format!("{MARKER}\n").repeat(1_000)).unwrap();
    let mut checked = check("newer schema", HeatStore::open(&too_new, zones()).map(|_| ()));
    checked += check("not a database", HeatStore::open(&not_a_db, zones()).map(|_| ()));
    checked += check("a directory", HeatStore::open(dir, zones()).map(|_| ()));
    checked += check(
        "no such directory",
        HeatStore::open(dir.join("missing/heat.db"), zones()).map(|_| ()),
    );
    checked
}

fn json_calls() -> usize {
    bad_json()
        .iter()
        .map(|(text, _)| check("json", events_from_json(text)))
        .sum()
}

/// Entry point: every error path, once, with the marker everywhere.
#[test]
#[ignore = "child process of the privacy test"]
fn error_paths_process() {
    if std::env::var(RUN_VAR).is_err() {
        return;
    }
    let tmp = temp_store();
    let store = Arc::new(HeatStore::open(&tmp.path, zones()).unwrap());
    let seed: Vec<SourceEvent> = (0..5)
        .map(|i| secret(timed(&format!("k{i}"), T0 + i * HOUR, T0 + i * HOUR + 1)))
        .collect();
    store
        .reconcile_heat("s", &good_window(), &seed, ReconcileOptions::default())
        .unwrap();
    let checked = invalid_calls(&store)
        + refusal_and_interrupt(&store)
        + damaged_store_calls(tmp.dir.path())
        + file_calls(tmp.dir.path())
        + json_calls();
    println!("{TAG}{checked}");
}

#[test]
fn no_title_or_location_reaches_an_error_or_the_output() {
    let output = child::command("privacy::error_paths_process")
        .env(RUN_VAR, "1")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(
        output.status.success(),
        "the error paths failed:\n{stdout}\n{stderr}"
    );
    let checked: usize = child::tagged(&stdout, TAG)
        .next()
        .expect("the count")
        .parse()
        .unwrap();
    println!("privacy: {checked} error texts checked (Display and Debug)");
    assert!(checked >= 40, "only {checked} error paths ran");
    assert!(
        !stdout.contains(MARKER) && !stderr.contains(MARKER),
        "the marker reached the output"
    );
}

const MODES_VAR: &str = "HEAT_MODES_DIR";

/// Entry point: creates a store in `$HEAT_MODES_DIR`, writes to it, and
/// prints the modes of the file and of SQLite's `-wal` and `-shm`.
#[test]
#[ignore = "child process of the file-mode test"]
fn file_modes_process() {
    let Ok(dir) = std::env::var(MODES_VAR) else {
        return;
    };
    let path = PathBuf::from(dir).join("heat.db");
    let store = HeatStore::open(&path, zones()).unwrap();
    store
        .reconcile_heat(
            "s",
            &good_window(),
            &[timed("e", T0, T0 + HOUR)],
            ReconcileOptions::default(),
        )
        .unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let file = format!("{}{suffix}", path.display());
        let mode = std::fs::metadata(&file)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .permissions()
            .mode();
        println!("{TAG}heat.db{suffix} {:o}", mode & 0o777);
    }
}

/// Under the usual umask and under `umask 000` (which would leave a new file
/// world-writable), the file and its `-wal` and `-shm` are mode 0600.
#[test]
fn the_store_file_and_its_companions_are_owner_only() {
    for umask in ["022", "000"] {
        let dir = tempfile::tempdir().unwrap();
        let exe = std::env::current_exe().unwrap();
        let probe = child::command("privacy::file_modes_process");
        let output = Command::new("sh")
            .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
            .arg(&exe)
            .args(probe.get_args())
            .env(MODES_VAR, dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "umask {umask}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let modes: Vec<&str> = child::tagged(&stdout, TAG).collect();
        println!("umask {umask}: {modes:?}");
        assert_eq!(
            modes,
            ["heat.db 600", "heat.db-wal 600", "heat.db-shm 600"],
            "umask {umask}"
        );
    }
}
