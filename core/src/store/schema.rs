//! The schema and its migrations, keyed by SQLite's `user_version`.
//!
//! Each migration runs in the same transaction as the `user_version` bump, so
//! a kill mid-migration leaves the old version. A file whose version is newer
//! than `CURRENT_VERSION` was written by a newer app and is refused rather
//! than misread. `application_id` marks our files, so a foreign SQLite file
//! is reported instead of being "migrated" into.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// "HEAT" in ASCII.
pub const APPLICATION_ID: i64 = 0x4845_4154;

/// Migration `i` takes the schema from version `i` to `i + 1`.
/// Never edit a migration that has shipped: files written by it exist on
/// phones. Add one instead (and a frozen file of the old version to
/// `core/tests/fixtures/`).
const MIGRATIONS: &[&str] = &[V1_INITIAL, V2_CHANGE_COUNT_AND_STORE_ID];
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

const V1_INITIAL: &str = "
CREATE TABLE events (
    scope          TEXT    NOT NULL,
    id             TEXT    NOT NULL,
    calendar_id    TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    location       TEXT,
    all_day        INTEGER NOT NULL CHECK (all_day IN (0, 1)),
    -- epoch ms for timed events, days since 1970-01-01 for all-day events
    time_start     INTEGER NOT NULL,
    time_end       INTEGER NOT NULL,
    availability   INTEGER NOT NULL,
    status         INTEGER NOT NULL,
    participation  INTEGER NOT NULL,
    weight_halves  INTEGER NOT NULL,
    -- instants that bound the event in every time zone, for range scans
    lo_ms          INTEGER NOT NULL,
    hi_ms          INTEGER NOT NULL,
    content_hash   BLOB    NOT NULL,
    PRIMARY KEY (scope, id)
) WITHOUT ROWID;
CREATE INDEX events_by_time ON events (scope, lo_ms, hi_ms);

-- longest hi_ms - lo_ms ever stored per scope: bounds the range scans
CREATE TABLE scopes (
    scope        TEXT    NOT NULL PRIMARY KEY,
    max_span_ms  INTEGER NOT NULL
) WITHOUT ROWID;

-- digest of the events overlapping one whole local day, per zone
CREATE TABLE day_digests (
    scope         TEXT    NOT NULL,
    day_start_ms  INTEGER NOT NULL,
    time_zone     TEXT    NOT NULL,
    day_end_ms    INTEGER NOT NULL,
    digest        BLOB    NOT NULL,
    PRIMARY KEY (scope, day_start_ms, time_zone)
) WITHOUT ROWID;

-- the last reconcile that changed each scope
CREATE TABLE sync_log (
    scope            TEXT    NOT NULL PRIMARY KEY,
    at_ms            INTEGER NOT NULL,
    window_start_ms  INTEGER NOT NULL,
    window_end_ms    INTEGER NOT NULL,
    time_zone        TEXT    NOT NULL,
    window_digest    BLOB    NOT NULL,
    events_inserted  INTEGER NOT NULL,
    events_deleted   INTEGER NOT NULL
) WITHOUT ROWID;
";

/// Version 2: screens in other processes poll `change_count` to know when to
/// reload, and a random `store_id` tells a rebuilt file from the old one.
/// The per-sync insert/delete counts were written and never read: dropped.
/// Rows of scopes synced before the upgrade start at 1 (they changed at
/// least once; the true count was not kept).
const V2_CHANGE_COUNT_AND_STORE_ID: &str = "
ALTER TABLE sync_log DROP COLUMN events_inserted;
ALTER TABLE sync_log DROP COLUMN events_deleted;
ALTER TABLE sync_log ADD COLUMN change_count INTEGER NOT NULL DEFAULT 1;

CREATE TABLE store_info (
    store_id  TEXT NOT NULL
);
INSERT INTO store_info (store_id) VALUES (lower(hex(randomblob(16))));
";

/// Refuses a file that is not ours or is newer than this code; returns the
/// schema version found (0 for a new file). Reads only.
///
/// The file is identified from its header (`application_id`,
/// `user_version`) before anything parses its schema: a newer app built
/// with a newer SQLite may write schema syntax this SQLite cannot parse,
/// and that must read as "newer" (or "foreign"), never as damage, because
/// the sync job deletes damaged files (docs/adr/0003).
pub fn check_compatible(conn: &Connection) -> Result<i64> {
    in_one_snapshot(conn, |conn| {
        // Plain `PRAGMA`s read the header without loading the schema.
        let application_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        match (application_id, version) {
            (APPLICATION_ID, v) if v > CURRENT_VERSION => Err(Error::IncompatibleDatabase {
                found: v,
                supported: CURRENT_VERSION,
            }),
            // We set both in one transaction: our id without a version is damage.
            (APPLICATION_ID, 0) => Err(Error::CorruptDatabase("the schema version is missing".into())),
            (APPLICATION_ID, v) if v < 0 => {
                Err(Error::CorruptDatabase("the schema version is negative".into()))
            }
            (APPLICATION_ID, v) => Ok(v),
            (0, 0) if is_empty(conn)? => Ok(0),
            _ => Err(Error::ForeignDatabase),
        }
    })
}

/// Runs `read` in one read snapshot: another connection may commit between
/// separate reads (a schema being created, the store's version being
/// bumped), and they would see half of its work.
pub(super) fn in_one_snapshot<T>(
    conn: &Connection,
    read: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    if !conn.is_autocommit() {
        return read(conn); // already inside the caller's transaction
    }
    conn.execute_batch("BEGIN DEFERRED")?;
    let result = read(conn);
    let ended = conn.execute_batch("COMMIT");
    let value = result?;
    ended?;
    Ok(value)
}

/// Whether a file without our header holds no schema at all (a new file).
/// A schema this SQLite cannot parse is someone else's: not empty.
fn is_empty(conn: &Connection) -> Result<bool> {
    match conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master)", [], |r| {
        r.get::<_, bool>(0)
    }) {
        Ok(has_tables) => Ok(!has_tables),
        Err(err) => match Error::from(err) {
            transient @ (Error::Busy(_) | Error::Interrupted | Error::DiskFull(_)) => Err(transient),
            _ => Ok(false),
        },
    }
}

/// Brings the file to `CURRENT_VERSION` in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Checked again under the write lock: another process may have migrated.
    let version = check_compatible(&tx)?;
    if version == CURRENT_VERSION {
        return Ok(());
    }
    for migration in &MIGRATIONS[version as usize..] {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    tx.commit()?;
    Ok(())
}
