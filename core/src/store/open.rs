//! The one way a store file is opened (and its read-only variant).
//!
//! Every writing connection goes through `open_connection`, so every one has
//! the same pragmas: WAL (readers such as widgets never block the writer),
//! a busy wait (another process's write waits instead of failing, for at
//! most `BUSY_TIMEOUT`, and stops at once when the call is interrupted or
//! the sync run cancelled: a run that outlives its cancel while holding the
//! file is how iOS kills an app at suspension),
//! `temp_store=2` (temporary tables in memory, not in the app's disk quota),
//! `foreign_keys`, and `synchronous=NORMAL` (safe with WAL: a power cut can
//! lose the last commit but never corrupt; the calendar is the source of
//! truth and the next reconcile restores it).

use std::ffi::{c_int, c_void};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::ffi::{self, ErrorCode};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

use super::schema::{CURRENT_VERSION, check_compatible, migrate};

/// How long a call waits for another connection's write lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How often a busy wait looks at the lock, the interrupt and the cancel.
const BUSY_STEP: Duration = Duration::from_millis(5);

/// A connection and the busy wait registered with it. The connection is
/// declared first so it is closed before the wait it points to is freed.
pub struct OpenConnection {
    pub conn: Connection,
    pub busy_wait: Box<BusyWait>,
}

/// What a busy wait checks between its steps.
pub struct BusyWait {
    db: *mut ffi::sqlite3,
    cancel: Option<Arc<AtomicBool>>,
}

// SAFETY: `db` is only passed to `sqlite3_is_interrupted`, which SQLite
// documents as safe to call from any thread.
unsafe impl Send for BusyWait {}
unsafe impl Sync for BusyWait {}

impl BusyWait {
    fn should_stop(&self, attempts: u32) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.load(Ordering::SeqCst))
            // SAFETY: `db` is open for as long as this wait is registered.
            || unsafe { ffi::sqlite3_is_interrupted(self.db) } != 0
            || BUSY_STEP * attempts >= BUSY_TIMEOUT
    }

    /// Replaces SQLite's busy timeout, which sleeps through interrupts.
    fn register(conn: &Connection, cancel: Option<Arc<AtomicBool>>) -> Result<Box<BusyWait>> {
        // SAFETY: the handle is used only while `conn` is open (see
        // `OpenConnection`).
        let db = unsafe { conn.handle() };
        let wait = Box::new(BusyWait { db, cancel });
        let context = std::ptr::from_ref::<BusyWait>(&wait).cast_mut().cast::<c_void>();
        // SAFETY: `context` points into the box, which outlives the
        // connection (`OpenConnection`'s field order).
        let rc = unsafe { ffi::sqlite3_busy_handler(db, Some(wait_while_busy), context) };
        if rc != ffi::SQLITE_OK {
            return Err(Error::Storage("could not set the busy handler".into()));
        }
        Ok(wait)
    }
}

/// SQLite's busy callback: 0 gives up (the call fails with `SQLITE_BUSY`),
/// non-zero waits one step and asks again.
unsafe extern "C" fn wait_while_busy(context: *mut c_void, attempts: c_int) -> c_int {
    // SAFETY: `context` is the `BusyWait` registered with this connection.
    let wait = unsafe { &*context.cast::<BusyWait>() };
    if wait.should_stop(u32::try_from(attempts).unwrap_or(u32::MAX)) {
        return 0;
    }
    std::thread::sleep(BUSY_STEP);
    1
}

/// The smallest page SQLite writes: a shorter file that is not empty was
/// cut (an empty one may be a new file another process just created).
const MIN_PAGE_BYTES: u64 = 512;

/// `cancel`, when given, ends any busy wait as soon as it is set (the sync
/// run's cancel, which may come before the store exists).
pub fn open_connection(path: &Path, cancel: Option<Arc<AtomicBool>>) -> Result<OpenConnection> {
    let existed = path.exists();
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && (1..MIN_PAGE_BYTES).contains(&m.len())) {
        return Err(Error::CorruptDatabase("the file is shorter than one page".into()));
    }
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    // From here on `opened` owns both, so every early return closes the
    // connection before freeing its busy wait.
    let busy_wait = BusyWait::register(&conn, cancel)?;
    let mut opened = OpenConnection { conn, busy_wait };
    if !existed {
        restrict_to_owner(path)?;
    }
    // Reads only, before anything could write: a file that is not a database
    // fails here with SQLITE_NOTADB, a foreign or newer one is refused as is.
    let version = check_compatible(&opened.conn)?;
    let mode = switch_to_wal(&opened.conn, &opened.busy_wait)?;
    if !mode.eq_ignore_ascii_case("wal") && !opened.conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(Error::Storage(format!(
            "could not switch the journal to WAL (got {mode})"
        )));
    }
    opened
        .conn
        .execute_batch("PRAGMA temp_store = 2; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
    if version < CURRENT_VERSION {
        migrate(&mut opened.conn)?;
    }
    Ok(opened)
}

/// A connection for screens and widgets in other processes: it never
/// creates, migrates or writes the file (`query_only`), so it cannot race the
/// writer's migration or hold a write lock. A file the writer has not yet
/// upgraded is refused with `IncompatibleDatabase`: the writer must open it
/// first.
pub fn open_read_only_connection(path: &Path) -> Result<OpenConnection> {
    if !path.is_file() {
        return Err(Error::Storage("the store file does not exist".into()));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    let busy_wait = BusyWait::register(&conn, None)?;
    let opened = OpenConnection { conn, busy_wait };
    let version = check_compatible(&opened.conn)?;
    if version != CURRENT_VERSION {
        return Err(Error::IncompatibleDatabase {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    opened
        .conn
        .execute_batch("PRAGMA query_only = ON; PRAGMA temp_store = 2;")?;
    Ok(opened)
}

/// Switching a new file to WAL takes an exclusive lock, and when two
/// processes race for it (an app and its widget creating the file together)
/// SQLite answers `SQLITE_BUSY` at once, without the busy handler. Retry
/// as the busy handler would.
fn switch_to_wal(conn: &Connection, busy_wait: &BusyWait) -> Result<String> {
    let mut attempts = 0;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && !busy_wait.should_stop(attempts) =>
            {
                std::thread::sleep(BUSY_STEP);
                attempts += 1;
            }
            result => return Ok(result?),
        }
    }
}

/// Calendar data is personal: the file (and SQLite's -wal and -shm files,
/// which copy its mode) is readable by the owner only.
#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // SQLite creates the file lazily; make sure it exists before chmod.
    if !path.exists() {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| Error::Storage(format!("cannot create the store file: {}", e.kind())))?;
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| {
        Error::Storage(format!(
            "cannot restrict the store file's permissions: {}",
            e.kind()
        ))
    })
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> Result<()> {
    Ok(())
}
