//! The designs the engine is measured against, on a plain events table a
//! simple sync would use (one row per event, resolved start/end, no digests):
//!
//! - `naive_replace`: delete every stored event of the window, insert all;
//! - `crud_diff`: read every stored event of the window, compare field by
//!   field, insert / update / delete the differences;
//! - `sqlite_bulk_insert`: the floor for writing rows: one prepared
//!   statement, one transaction, no engine logic;
//! - `hash_only`: the floor for noticing nothing changed: validate and hash
//!   every input event, nothing else.

use std::collections::HashMap;
use std::path::Path;

use heat_core::ZoneDatabase;
use heat_core::model::check_event;
use heat_core::window_diff::event_hash;
use heat_core::{EventTime, SourceEvent, TimeWindow};
use rusqlite::{Connection, params};

const PLAIN_SCHEMA: &str = "
    PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = 2;
    CREATE TABLE IF NOT EXISTS plain_events (
        scope TEXT NOT NULL, id TEXT NOT NULL, calendar_id TEXT NOT NULL, title TEXT NOT NULL,
        location TEXT, all_day INTEGER NOT NULL, time_start TEXT NOT NULL, time_end TEXT NOT NULL,
        availability INTEGER NOT NULL, status INTEGER NOT NULL, participation INTEGER NOT NULL,
        start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
        PRIMARY KEY (scope, id)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS plain_by_start ON plain_events (scope, start_ms);";

const SCOPE: &str = "bench";

/// An event as a plain row: every field, times resolved in the window's zone.
#[derive(Debug, Clone, PartialEq)]
pub struct PlainRow {
    id: String,
    calendar_id: String,
    title: String,
    location: Option<String>,
    all_day: bool,
    time_start: String,
    time_end: String,
    availability: u8,
    status: u8,
    participation: u8,
    start_ms: i64,
    end_ms: i64,
}

pub fn plain_rows(window: &TimeWindow, events: &[SourceEvent]) -> Vec<PlainRow> {
    let zone = ZoneDatabase::bundled()
        .zone(&window.time_zone, "timeZone")
        .expect("bench windows have valid zones");
    events
        .iter()
        .map(|e| {
            let (start_ms, end_ms) = check_event(e)
                .expect("bench events are valid")
                .span
                .resolve(&zone);
            let (all_day, time_start, time_end) = match &e.time {
                EventTime::Timed { start_ms, end_ms } => (false, start_ms.to_string(), end_ms.to_string()),
                EventTime::AllDay { start_date, end_date } => (true, start_date.clone(), end_date.clone()),
            };
            PlainRow {
                id: e.id.clone(),
                calendar_id: e.calendar_id.clone(),
                title: e.title.clone(),
                location: e.location.clone(),
                all_day,
                time_start,
                time_end,
                availability: e.availability.code(),
                status: e.status.code(),
                participation: e.participation.code(),
                start_ms,
                end_ms,
            }
        })
        .collect()
}

pub fn open_plain(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("the bench directory is writable");
    conn.execute_batch(PLAIN_SCHEMA)
        .expect("the plain schema applies");
    conn
}

fn insert_all(conn: &Connection, rows: &[PlainRow]) -> u64 {
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO plain_events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )
        .expect("valid SQL");
    for r in rows {
        insert
            .execute(params![
                SCOPE,
                r.id,
                r.calendar_id,
                r.title,
                r.location,
                r.all_day,
                r.time_start,
                r.time_end,
                r.availability,
                r.status,
                r.participation,
                r.start_ms,
                r.end_ms
            ])
            .expect("insert");
    }
    rows.len() as u64
}

/// One transaction, one prepared statement: returns rows written.
pub fn sqlite_bulk_insert(conn: &mut Connection, rows: &[PlainRow]) -> u64 {
    let tx = conn.transaction().expect("begin");
    let written = insert_all(&tx, rows);
    tx.commit().expect("commit");
    written
}

/// Delete the window, insert everything: returns rows written.
pub fn naive_replace(conn: &mut Connection, window: &TimeWindow, rows: &[PlainRow]) -> u64 {
    let tx = conn.transaction().expect("begin");
    let deleted = tx
        .execute(
            "DELETE FROM plain_events WHERE scope = ?1 AND start_ms < ?3 AND end_ms > ?2",
            params![SCOPE, window.start_ms, window.end_ms],
        )
        .expect("delete");
    let inserted = insert_all(&tx, rows);
    tx.commit().expect("commit");
    deleted as u64 + inserted
}

/// Read, compare field by field, write the differences: returns rows written.
pub fn crud_diff(conn: &mut Connection, window: &TimeWindow, rows: &[PlainRow]) -> u64 {
    let tx = conn.transaction().expect("begin");
    let mut stored: HashMap<String, PlainRow> = HashMap::new();
    {
        let mut select = tx
            .prepare_cached(
                "SELECT id, calendar_id, title, location, all_day, time_start, time_end, availability, \
                 status, participation, start_ms, end_ms FROM plain_events \
                 WHERE scope = ?1 AND start_ms < ?3 AND end_ms > ?2",
            )
            .expect("valid SQL");
        let found = select
            .query_map(params![SCOPE, window.start_ms, window.end_ms], |r| {
                Ok(PlainRow {
                    id: r.get(0)?,
                    calendar_id: r.get(1)?,
                    title: r.get(2)?,
                    location: r.get(3)?,
                    all_day: r.get(4)?,
                    time_start: r.get(5)?,
                    time_end: r.get(6)?,
                    availability: r.get(7)?,
                    status: r.get(8)?,
                    participation: r.get(9)?,
                    start_ms: r.get(10)?,
                    end_ms: r.get(11)?,
                })
            })
            .expect("select");
        for row in found {
            let row = row.expect("row");
            stored.insert(row.id.clone(), row);
        }
    }
    let mut written = 0;
    for row in rows {
        match stored.remove(&row.id) {
            Some(old) if &old == row => {}
            Some(_) => {
                tx.execute(
                    "DELETE FROM plain_events WHERE scope = ?1 AND id = ?2",
                    params![SCOPE, row.id],
                )
                .expect("delete");
                written += insert_all(&tx, std::slice::from_ref(row));
            }
            None => written += insert_all(&tx, std::slice::from_ref(row)),
        }
    }
    for id in stored.keys() {
        written += tx
            .execute(
                "DELETE FROM plain_events WHERE scope = ?1 AND id = ?2",
                params![SCOPE, id],
            )
            .expect("delete") as u64;
    }
    tx.commit().expect("commit");
    written
}

/// Validate and hash every event: the least work that can notice a change.
pub fn hash_only(events: &[SourceEvent]) -> usize {
    events
        .iter()
        .map(|e| {
            let checked = check_event(e).expect("bench events are valid");
            event_hash(e, checked.span)[0] as usize
        })
        .sum()
}
