//! Read-only and full disks (`docs/contract.md` "Store file").
//!
//! Tests run as root, which ignores file permissions, so read-only storage
//! is made the way the kernel enforces it even for root: read-only bind
//! mounts of a directory or of the store file itself; a full disk is a
//! small tmpfs filled up with a filler file. Both need mounts, so each case
//! runs in a child process started by `unshare --mount` (a private mount
//! namespace: the mounts vanish with the child). A missing `unshare` or a
//! refused `mount` fails the test; nothing is skipped.
//!
//! Every case: no panic; an error is `Error::Storage` (or a read works and
//! returns exactly the stored data); a refused write leaves every row as it
//! was; where the storage recovers (space freed), the next reconcile works.

use std::path::{Path, PathBuf};
use std::process::Command;

use heat_core::{Error, HeatStore, ReconcileOptions, SourceEvent, TimeWindow, window_of_days};
use rusqlite::Connection;

use crate::reliability::child;
use crate::support::zones;
use crate::support::{HOUR, MINUTE, dump};

const CASE_VAR: &str = "HEAT_DISK_CASE";
const TAG: &str = "@@disk ";
/// 2026-11-30T00:00+01:00.
const DAY0: i64 = 1_795_993_200_000;

fn window() -> TimeWindow {
    window_of_days(&zones(), "2026-11-30", 28, "Europe/Berlin").unwrap()
}

/// `count` events over four weeks with titles of `title_bytes` bytes.
fn events(count: i64, title_bytes: usize, tag: &str) -> Vec<SourceEvent> {
    (0..count)
        .map(|i| {
            let start = DAY0 + (i % 27) * 24 * HOUR + (7 + i % 12) * HOUR + (i % 4) * 15 * MINUTE;
            let mut e = crate::support::timed(&format!("{tag}-{i}"), start, start + 30 * MINUTE);
            e.title = "x".repeat(title_bytes);
            e
        })
        .collect()
}

fn sorted(mut events: Vec<SourceEvent>) -> Vec<SourceEvent> {
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

fn stored(store: &HeatStore) -> heat_core::Result<Vec<SourceEvent>> {
    store.events("s", &window()).map(sorted)
}

fn run(program: &str, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .status()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(status.success(), "{program} {args:?} failed: {status}");
}

/// Mount points made by one case, unmounted (innermost first) when dropped,
/// so the temporary directories can be removed.
#[derive(Default)]
struct Mounts(Vec<PathBuf>);

impl Mounts {
    fn bind_read_only(&mut self, source: &Path, target: &Path) {
        run("mount", &["--bind", path_str(source), path_str(target)]);
        self.0.push(target.to_owned());
        run("mount", &["-o", "remount,bind,ro", path_str(target)]);
    }

    fn bind(&mut self, source: &Path, target: &Path) {
        run("mount", &["--bind", path_str(source), path_str(target)]);
        self.0.push(target.to_owned());
    }

    fn tmpfs(&mut self, target: &Path, size: &str) {
        run(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
                path_str(target),
            ],
        );
        self.0.push(target.to_owned());
    }
}

impl Drop for Mounts {
    fn drop(&mut self) {
        for target in self.0.iter().rev() {
            let _ = Command::new("umount").arg(target).status();
        }
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A store at `dir/heat.db` holding `events(100, 40, "old")`, closed cleanly.
fn make_store(dir: &Path) -> (PathBuf, Vec<SourceEvent>) {
    let path = dir.join("heat.db");
    let store = HeatStore::open(&path, zones()).unwrap();
    let old = events(100, 40, "old");
    store
        .reconcile_heat("s", &window(), &old, ReconcileOptions::default())
        .unwrap();
    let expected = stored(&store).unwrap();
    assert_eq!(expected.len(), 100);
    (path, expected)
}

fn report(case: &str, what: &str) {
    println!("{TAG}{case}: {what}");
}

fn storage_error<T: std::fmt::Debug>(result: heat_core::Result<T>, case: &str, step: &str) -> String {
    match result {
        Err(Error::Storage(message) | Error::DiskFull(message)) => message,
        other => panic!("{case}: {step}: expected a storage error, got {other:?}"),
    }
}

/// Opens the store at `path` on read-only storage: either the open fails
/// with a storage error, or reads give the stored data and writes fail with
/// a storage error that changes nothing.
fn use_read_only(case: &str, path: &Path, expected: &[SourceEvent], dump_path: &Path) {
    let before = dump(dump_path);
    let store = match HeatStore::open(path, zones()) {
        Ok(store) => store,
        Err(err) => {
            let message = storage_error::<()>(Err(err), case, "open");
            report(case, &format!("open refused: Storage({message})"));
            assert_eq!(dump(dump_path), before);
            return;
        }
    };
    let read = match stored(&store) {
        Ok(events) => {
            assert_eq!(events, expected, "{case}: wrong events");
            "reads work".to_string()
        }
        Err(err) => format!(
            "read refused: Storage({})",
            storage_error::<()>(Err(err), case, "read")
        ),
    };
    let new = events(120, 40, "new");
    let message = storage_error(
        store.reconcile_heat("s", &window(), &new, ReconcileOptions::default()),
        case,
        "write",
    );
    drop(store);
    assert_eq!(dump(dump_path), before, "{case}: a refused write changed rows");
    report(case, &format!("{read}; write refused: Storage({message})"));
}

fn read_only_cases() {
    let base = tempfile::tempdir().unwrap();
    let mut mounts = Mounts::default();

    // The whole file system read-only (a store closed cleanly: no -wal, no -shm).
    let real = base.path().join("ro-fs");
    std::fs::create_dir(&real).unwrap();
    let (path, expected) = make_store(&real);
    let view = base.path().join("ro-fs-view");
    std::fs::create_dir(&view).unwrap();
    mounts.bind_read_only(&real, &view);
    assert!(
        std::fs::write(view.join("probe"), b"x").is_err(),
        "the bind mount is not read-only"
    );
    use_read_only("read-only file system", &view.join("heat.db"), &expected, &path);
    let message = storage_error(
        HeatStore::open(view.join("new.db"), zones()).map(|_| ()),
        "new store",
        "open",
    );
    report(
        "new store in a read-only directory",
        &format!("open refused: Storage({message})"),
    );

    // A writable file in a read-only directory (SQLite cannot create -wal/-shm).
    let real = base.path().join("ro-dir");
    std::fs::create_dir(&real).unwrap();
    let (path, expected) = make_store(&real);
    let view = base.path().join("ro-dir-view");
    std::fs::create_dir(&view).unwrap();
    mounts.bind_read_only(&real, &view);
    mounts.bind(&path, &view.join("heat.db"));
    use_read_only(
        "read-only directory, writable file",
        &view.join("heat.db"),
        &expected,
        &path,
    );

    // A read-only file in a writable directory.
    let real = base.path().join("ro-file");
    std::fs::create_dir(&real).unwrap();
    let (path, expected) = make_store(&real);
    let view = base.path().join("ro-file-view");
    std::fs::create_dir(&view).unwrap();
    mounts.bind(&real, &view);
    mounts.bind_read_only(&path, &view.join("heat.db"));
    assert!(
        std::fs::OpenOptions::new()
            .write(true)
            .open(view.join("heat.db"))
            .is_err()
    );
    use_read_only(
        "read-only file, writable directory",
        &view.join("heat.db"),
        &expected,
        &path,
    );
    drop(mounts);
}

/// Fills the file system of `dir` with `filler` up to the last byte.
fn fill(filler: &Path) -> u64 {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(filler)
        .unwrap();
    let chunk = vec![0xEE_u8; 4096];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.write_all(&[0xEE]); // down to the byte
    drop(file);
    std::fs::metadata(filler).unwrap().len()
}

fn full_disk_cases() {
    let base = tempfile::tempdir().unwrap();
    let mut mounts = Mounts::default();
    let disk = base.path().join("small");
    std::fs::create_dir(&disk).unwrap();
    mounts.tmpfs(&disk, "4m");
    let (path, expected) = make_store(&disk);
    let store = HeatStore::open(&path, zones()).unwrap();
    let filler = disk.join("filler");
    let full_size = fill(&filler);
    let big = events(2_000, 600, "big");

    // No space, then a little: every attempt fails whole, the store reads on.
    let mut attempts = 0;
    for free in [0_u64, 4_096, 32_768, 262_144] {
        let file = std::fs::OpenOptions::new().write(true).open(&filler).unwrap();
        file.set_len(full_size - free).unwrap();
        drop(file);
        let before = dump(&path);
        let result = store.reconcile_heat("s", &window(), &big, ReconcileOptions::default());
        let message = storage_error(result, "full disk", &format!("write with {free} bytes free"));
        attempts += 1;
        assert_eq!(
            dump(&path),
            before,
            "a failed write changed rows ({free} bytes free)"
        );
        assert_eq!(
            stored(&store).unwrap(),
            expected,
            "reads after a failed write ({free} bytes free)"
        );
        report(
            &format!("full disk, {free} bytes free"),
            &format!("write refused: Storage({message})"),
        );
    }
    let message = storage_error(
        HeatStore::open(disk.join("new.db"), zones()).map(|_| ()),
        "full disk",
        "open a new store",
    );
    report(
        "new store on a full disk",
        &format!("open refused: Storage({message})"),
    );
    let _ = std::fs::remove_file(disk.join("new.db"));

    // Space again: the next reconcile works and the file is sound.
    std::fs::remove_file(&filler).unwrap();
    store
        .reconcile_heat("s", &window(), &big, ReconcileOptions::default())
        .unwrap();
    assert_eq!(stored(&store).unwrap(), sorted(big));
    drop(store);
    let integrity: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    report(
        "full disk, space freed",
        &format!("the next reconcile works after {attempts} refused ones"),
    );
    drop(mounts);
}

/// Entry point of the child in its own mount namespace.
#[test]
#[ignore = "child process of the bad-disk tests (needs a private mount namespace)"]
fn disk_process() {
    match std::env::var(CASE_VAR).as_deref() {
        Ok("read-only") => read_only_cases(),
        Ok("full") => full_disk_cases(),
        _ => {}
    }
}

fn run_in_private_mounts(case: &str) -> Vec<String> {
    let output = child::command_in_private_mounts("bad_disks::disk_process")
        .env(CASE_VAR, case)
        .output()
        .expect("start `unshare` (util-linux)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the {case} cases failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<String> = child::tagged(&stdout, TAG).map(str::to_owned).collect();
    for line in &lines {
        println!("{line}");
    }
    lines
}

#[test]
fn read_only_storage_refuses_writes_and_keeps_the_data() {
    let lines = run_in_private_mounts("read-only");
    assert_eq!(lines.len(), 4, "{lines:?}");
}

#[test]
fn a_full_disk_fails_writes_whole_and_recovers_when_space_returns() {
    let lines = run_in_private_mounts("full");
    assert_eq!(lines.len(), 6, "{lines:?}");
}
