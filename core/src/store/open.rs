//! The one way a store file is opened (and its read-only variant).
//!
//! Every writing connection goes through `open_connection`, so every one has
//! the same pragmas: WAL (readers such as widgets never block the writer),
//! a busy timeout (another process's write waits instead of failing),
//! `temp_store=2` (temporary tables in memory, not in the app's disk quota),
//! `foreign_keys`, and `synchronous=NORMAL` (safe with WAL: a power cut can
//! lose the last commit but never corrupt; the calendar is the source of
//! truth and the next reconcile restores it).

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::ffi::ErrorCode;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

use super::schema::{CURRENT_VERSION, check_compatible, migrate};

/// How long a call waits for another connection's write lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The smallest page SQLite writes: a shorter file that is not empty was
/// cut (an empty one may be a new file another process just created).
const MIN_PAGE_BYTES: u64 = 512;

pub fn open_connection(path: &Path) -> Result<Connection> {
    let existed = path.exists();
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && (1..MIN_PAGE_BYTES).contains(&m.len())) {
        return Err(Error::CorruptDatabase("the file is shorter than one page".into()));
    }
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    if !existed {
        restrict_to_owner(path)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reads only, before anything could write: a file that is not a database
    // fails here with SQLITE_NOTADB, a foreign or newer one is refused as is.
    let version = check_compatible(&conn)?;
    let mode = switch_to_wal(&conn)?;
    if !mode.eq_ignore_ascii_case("wal") && !conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(Error::Storage(format!(
            "could not switch the journal to WAL (got {mode})"
        )));
    }
    conn.execute_batch("PRAGMA temp_store = 2; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
    if version < CURRENT_VERSION {
        migrate(&mut conn)?;
    }
    Ok(conn)
}

/// A connection for screens and widgets in other processes: it never
/// creates, migrates or writes the file (`query_only`), so it cannot race the
/// writer's migration or hold a write lock. A file the writer has not yet
/// upgraded is refused with `IncompatibleDatabase`: the writer must open it
/// first.
pub fn open_read_only_connection(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::Storage("the store file does not exist".into()));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = check_compatible(&conn)?;
    if version != CURRENT_VERSION {
        return Err(Error::IncompatibleDatabase {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    conn.execute_batch("PRAGMA query_only = ON; PRAGMA temp_store = 2;")?;
    Ok(conn)
}

/// Switching a new file to WAL takes an exclusive lock, and when two
/// processes race for it (an app and its widget creating the file together)
/// SQLite answers `SQLITE_BUSY` at once, without the busy handler. Retry
/// within the busy timeout, as the busy handler would.
fn switch_to_wal(conn: &Connection) -> Result<String> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
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
