//! The last sync of each scope, for "last updated" labels and diagnostics.
//!
//! A no-op reconcile writes nothing to the file (SPEC), so it is remembered
//! in memory for the life of the store object; `last` returns the newer of
//! the two. After a restart, the last *changing* sync is what is known.

use rusqlite::{Connection, OptionalExtension, params};

use crate::engine::{Digest, to_hex};
use crate::error::Result;
use crate::model::{CheckedWindow, TimeWindow};

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

pub fn save(
    conn: &Connection,
    scope: &str,
    record: &SyncRecord,
    digest: &Digest,
    counts: (u64, u64),
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_log (scope, at_ms, window_start_ms, window_end_ms, time_zone, \
         window_digest, events_inserted, events_deleted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        scope,
        record.at_ms,
        record.window.start_ms,
        record.window.end_ms,
        record.window.time_zone,
        &digest[..],
        counts.0 as i64,
        counts.1 as i64,
    ])?;
    Ok(())
}

pub fn load(conn: &Connection, scope: &str) -> Result<Option<SyncRecord>> {
    let record = conn
        .prepare_cached(
            "SELECT at_ms, window_start_ms, window_end_ms, time_zone, window_digest FROM sync_log WHERE scope = ?1",
        )?
        .query_row([scope], |row| {
            let digest: Vec<u8> = row.get(4)?;
            Ok(SyncRecord {
                at_ms: row.get(0)?,
                window: TimeWindow {
                    start_ms: row.get(1)?,
                    end_ms: row.get(2)?,
                    time_zone: row.get(3)?,
                },
                window_digest: Digest::try_from(digest).map(|d| to_hex(&d)).unwrap_or_default(),
                changed: true,
            })
        })
        .optional()?;
    Ok(record)
}
