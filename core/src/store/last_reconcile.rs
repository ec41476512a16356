//! The last reconcile of each scope (table `sync_log`, named before the sync
//! job existed), for "last updated" labels and diagnostics.
//!
//! A no-op reconcile writes nothing to the file (`docs/contract.md`
//! "Reconcile semantics" 4), so it is remembered
//! in memory for the life of the store object; `last` returns the newer of
//! the two. After a restart, the last *changing* sync is what is known.
//! Each row also counts the reconciles that changed its scope
//! (`change_tracking`).

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Error, Result};
use crate::model::{CheckedWindow, TimeWindow};
use crate::window_diff::{Digest, to_hex};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRecord {
    /// When the reconcile finished, epoch ms.
    pub at_ms: i64,
    pub window: TimeWindow,
    /// Hex of the window digest.
    pub window_digest: String,
    pub changed: bool,
}

impl SyncRecord {
    pub fn new(at_ms: i64, window: &CheckedWindow, digest: &Digest, changed: bool) -> Self {
        SyncRecord {
            at_ms,
            window: window.to_window(),
            window_digest: to_hex(digest),
            changed,
        }
    }
}

/// Records a reconcile that changed `scope`, in its transaction.
pub fn save(conn: &Connection, scope: &str, record: &SyncRecord, digest: &Digest) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_log (scope, at_ms, window_start_ms, window_end_ms, time_zone, window_digest, \
         change_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) \
         ON CONFLICT (scope) DO UPDATE SET at_ms = excluded.at_ms, \
         window_start_ms = excluded.window_start_ms, window_end_ms = excluded.window_end_ms, \
         time_zone = excluded.time_zone, window_digest = excluded.window_digest, \
         change_count = change_count + 1",
    )?
    .execute(params![
        scope,
        record.at_ms,
        record.window.start_ms,
        record.window.end_ms,
        record.window.time_zone,
        &digest[..],
    ])?;
    Ok(())
}

pub fn load(conn: &Connection, scope: &str) -> Result<Option<SyncRecord>> {
    let record = conn
        .prepare_cached(
            "SELECT at_ms, window_start_ms, window_end_ms, time_zone, window_digest FROM sync_log WHERE scope = ?1",
        )?
        .query_row([scope], |row| {
            let window = TimeWindow {
                start_ms: row.get(1)?,
                end_ms: row.get(2)?,
                time_zone: row.get(3)?,
            };
            Ok((row.get(0)?, window, row.get::<_, Vec<u8>>(4)?))
        })
        .optional()?;
    let Some((at_ms, window, digest)) = record else {
        return Ok(None);
    };
    // A digest of the wrong length is damage, reported as such (ADR 0003).
    let digest = Digest::try_from(digest)
        .map_err(|_| Error::CorruptDatabase("a sync record's digest is damaged".into()))?;
    Ok(Some(SyncRecord {
        at_ms,
        window,
        window_digest: to_hex(&digest),
        changed: true,
    }))
}
