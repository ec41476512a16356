//! Reading and writing rows of the `events` table.
//!
//! Rows carry `lo_ms`/`hi_ms`, instants that bound the event in any time
//! zone, so a window is found by an index range scan; the exact overlap is
//! then decided in Rust in the window's zone (all-day events move with it).

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::engine::{Digest, StoredEvent, WindowEvent};
use crate::error::{Error, Result};
use crate::heat::Occupancy;
use crate::model::{
    Availability, EventStatus, EventTime, Participation, SourceEvent, Span, Zone, date_from_days,
};

/// Columns every scan reads first, in this order, to place the row in time.
const SPAN_COLUMNS: &str = "all_day, time_start, time_end";

fn span_of(row: &Row<'_>) -> rusqlite::Result<Span> {
    let (all_day, start, end): (bool, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
    Ok(if all_day {
        Span::AllDay {
            start_day: start,
            end_day: end,
        }
    } else {
        Span::Timed {
            start_ms: start,
            end_ms: end,
        }
    })
}

/// The rows of `scope` overlapping `[from_ms, to_ms)` seen from `zone`;
/// `extra` names the columns after the span columns that `map` reads.
fn scan<T>(
    conn: &Connection,
    scope: &str,
    (from_ms, to_ms): (i64, i64),
    zone: Zone,
    extra: &str,
    map: impl Fn(&Row<'_>, Span) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let max_span: i64 = conn
        .prepare_cached("SELECT max_span_ms FROM scopes WHERE scope = ?1")?
        .query_row([scope], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let sql = format!(
        "SELECT {SPAN_COLUMNS}, {extra} FROM events \
         WHERE scope = ?1 AND lo_ms >= ?2 - ?4 AND lo_ms <= ?3 AND hi_ms >= ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![scope, from_ms, to_ms, max_span])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let span = span_of(row)?;
        if span.overlaps(zone, from_ms, to_ms) {
            out.push(map(row, span)?);
        }
    }
    Ok(out)
}

/// Id, hash and span: what comparing and planning need.
pub fn stored_events(
    conn: &Connection,
    scope: &str,
    range: (i64, i64),
    zone: Zone,
) -> Result<Vec<StoredEvent>> {
    scan(conn, scope, range, zone, "id, content_hash", |row, span| {
        Ok(StoredEvent {
            id: row.get(3)?,
            hash: digest_column(row, 4)?,
            span,
        })
    })
}

pub fn occupancy(conn: &Connection, scope: &str, range: (i64, i64), zone: Zone) -> Result<Vec<Occupancy>> {
    scan(conn, scope, range, zone, "weight_halves", |row, span| {
        let (start_ms, end_ms) = span.resolve(zone);
        Ok(Occupancy {
            start_ms,
            end_ms,
            weight_halves: row.get(3)?,
        })
    })
}

/// Whole events, ordered by their start in `zone`, then id.
pub fn source_events(
    conn: &Connection,
    scope: &str,
    range: (i64, i64),
    zone: Zone,
) -> Result<Vec<SourceEvent>> {
    let extra = "id, calendar_id, title, location, availability, status, participation";
    let mut events = scan(conn, scope, range, zone, extra, |row, span| {
        let time = match span {
            Span::Timed { start_ms, end_ms } => EventTime::Timed { start_ms, end_ms },
            Span::AllDay { start_day, end_day } => EventTime::AllDay {
                start_date: date_from_days(start_day).format("%Y-%m-%d").to_string(),
                end_date: date_from_days(end_day).format("%Y-%m-%d").to_string(),
            },
        };
        let event = SourceEvent {
            id: row.get(3)?,
            calendar_id: row.get(4)?,
            title: row.get(5)?,
            location: row.get(6)?,
            time,
            availability: code_column(row, 7, Availability::from_code)?,
            status: code_column(row, 8, EventStatus::from_code)?,
            participation: code_column(row, 9, Participation::from_code)?,
        };
        Ok((span.resolve(zone).0, event))
    })?;
    events.sort_by(|(a_start, a), (b_start, b)| a_start.cmp(b_start).then_with(|| a.id.cmp(&b.id)));
    Ok(events.into_iter().map(|(_, e)| e).collect())
}

fn digest_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Digest> {
    let bytes: Vec<u8> = row.get(index)?;
    bytes.try_into().map_err(|_| corrupt_column(index))
}

fn code_column<T>(row: &Row<'_>, index: usize, from_code: fn(i64) -> Option<T>) -> rusqlite::Result<T> {
    from_code(row.get(index)?).ok_or_else(|| corrupt_column(index))
}

fn corrupt_column(index: usize) -> rusqlite::Error {
    rusqlite::Error::IntegralValueOutOfRange(index, -1)
}

/// Deletes the row with `id`, returning its span if there was one.
pub fn delete(conn: &Connection, scope: &str, id: &str) -> Result<Option<Span>> {
    conn.prepare_cached(&format!(
        "DELETE FROM events WHERE scope = ?1 AND id = ?2 RETURNING {SPAN_COLUMNS}"
    ))?
    .query_row(params![scope, id], span_of)
    .optional()
    .map_err(Error::from)
}

/// Inserts the event unless a row with its id exists; says whether it did.
/// (Trying the insert first costs one index probe on the common path, where
/// the id is new, instead of a delete probe plus an insert.)
pub fn insert_new(conn: &Connection, scope: &str, event: &WindowEvent<'_>) -> Result<bool> {
    let e = event.checked.event;
    let span = event.checked.span;
    let (all_day, start, end) = match span {
        Span::Timed { start_ms, end_ms } => (false, start_ms, end_ms),
        Span::AllDay { start_day, end_day } => (true, start_day, end_day),
    };
    let (lo, hi) = span.bounds();
    let inserted = conn
        .prepare_cached(
            "INSERT INTO events (scope, id, calendar_id, title, location, all_day, time_start, time_end, \
         availability, status, participation, weight_halves, lo_ms, hi_ms, content_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
         ON CONFLICT (scope, id) DO NOTHING",
        )?
        .execute(params![
            scope,
            e.id,
            e.calendar_id,
            e.title,
            e.location,
            all_day,
            start,
            end,
            e.availability.code(),
            e.status.code(),
            e.participation.code(),
            event.weight_halves(),
            lo,
            hi,
            &event.hash[..],
        ])?;
    Ok(inserted == 1)
}

/// Records that `scope` now holds an event `span_ms` long, widening scans.
pub fn widen_scope_span(conn: &Connection, scope: &str, span_ms: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO scopes (scope, max_span_ms) VALUES (?1, ?2) \
         ON CONFLICT (scope) DO UPDATE SET max_span_ms = excluded.max_span_ms \
         WHERE excluded.max_span_ms > max_span_ms",
    )?
    .execute(params![scope, span_ms])?;
    Ok(())
}
