//! Stored per-day digests: what lets a no-op reconcile read a handful of
//! small rows instead of every event.
//!
//! A row holds the digest of the events overlapping one whole local day in
//! one zone. It is valid as long as no event overlapping that day changes:
//! every write invalidates the rows of the days its events touched (in every
//! zone), and a reconcile that changed anything rewrites the rows of the
//! whole days of its window. A missing row only costs speed: the day's
//! digest is then computed from the event rows.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::error::{Error, Result};
use crate::model::{DayPart, Zone};
use crate::window_diff::{Digest, StoredEvent, day_digests_from_rows};

/// The stored digest of each whole day in `days` (`None`: not stored, or a
/// partial day, which is never stored).
pub fn load(conn: &Connection, scope: &str, zone: &Zone, days: &[DayPart]) -> Result<Vec<Option<Digest>>> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT day_start_ms, day_end_ms, digest FROM day_digests \
         WHERE scope = ?1 AND day_start_ms >= ?2 AND day_start_ms <= ?3 AND time_zone = ?4",
    )?;
    let mut found: HashMap<(i64, i64), Digest> = HashMap::new();
    let mut rows = stmt.query(params![scope, first.day_start_ms, last.day_start_ms, zone.name()])?;
    while let Some(row) = rows.next()? {
        let bytes: Vec<u8> = row.get(2)?;
        if let Ok(digest) = Digest::try_from(bytes) {
            found.insert((row.get(0)?, row.get(1)?), digest);
        }
    }
    Ok(days
        .iter()
        .map(|d| {
            d.is_whole_day()
                .then(|| found.get(&(d.day_start_ms, d.day_end_ms)).copied())
                .flatten()
        })
        .collect())
}

/// Forgets the digests of every day (any zone) that `[lo_ms, hi_ms]` may touch.
pub fn invalidate(conn: &Connection, scope: &str, lo_ms: i64, hi_ms: i64) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM day_digests WHERE scope = ?1 AND day_start_ms <= ?3 AND day_end_ms >= ?2",
    )?
    .execute(params![scope, lo_ms, hi_ms])?;
    Ok(())
}

pub fn save(conn: &Connection, scope: &str, zone: &Zone, day: &DayPart, digest: &Digest) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO day_digests (scope, day_start_ms, time_zone, day_end_ms, digest) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        scope,
        day.day_start_ms,
        zone.name(),
        day.day_end_ms,
        &digest[..]
    ])?;
    Ok(())
}

/// Checks rows read for `days` against the stored digests of those days:
/// `rows` must be every row that a sound file holds overlapping them.
pub fn check<'a>(
    conn: &Connection,
    scope: &str,
    zone: &Zone,
    days: &[DayPart],
    rows: impl IntoIterator<Item = &'a StoredEvent>,
) -> Result<()> {
    let stored = load(conn, scope, zone, days)?;
    if stored.iter().all(Option::is_none) {
        return Ok(());
    }
    let found = day_digests_from_rows(days, zone, rows);
    if stored
        .iter()
        .zip(&found)
        .any(|(stored, found)| stored.is_some_and(|s| s != *found))
    {
        return Err(Error::CorruptDatabase(
            "the events of a day do not match its stored digest".into(),
        ));
    }
    Ok(())
}
