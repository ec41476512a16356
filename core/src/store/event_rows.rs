//! Reading and writing rows of the `events` table.
//!
//! Rows carry `lo_ms`/`hi_ms`, instants that bound the event in any time
//! zone, so a window is found by an index range scan; the exact overlap is
//! then decided in Rust in the window's zone (all-day events move with it).

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::engine::{Digest, StoredEvent, WindowEvent, event_hash};
use crate::error::{Error, Result};
use crate::heat::{Occupancy, weight_halves};
use crate::limits::{MAX_INSTANT_MS, MIN_INSTANT_MS};
use crate::model::{
    Availability, EventStatus, EventTime, Participation, SourceEvent, Span, Zone, date_from_days,
};

const MS_PER_DAY: i64 = 86_400_000;

/// Columns every scan reads first, in this order, to place the row in time.
const SPAN_COLUMNS: &str = "all_day, time_start, time_end";

fn span_of(row: &Row<'_>) -> rusqlite::Result<Span> {
    let (all_day, start, end): (bool, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
    // Only validated spans are written; anything else is damage (and would
    // overflow the time arithmetic done on it).
    let unit = if all_day { MS_PER_DAY } else { 1 };
    let valid = |v: i64| {
        v.checked_mul(unit)
            .is_some_and(|ms| (MIN_INSTANT_MS..=MAX_INSTANT_MS).contains(&ms))
    };
    if !(valid(start) && valid(end) && start <= end) {
        return Err(corrupt_column(1));
    }
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
/// `extra` names the columns after the span columns that `map` reads. Run
/// it inside a transaction.
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
    const RANGE: &str = "scope = ?1 AND lo_ms >= ?2 - ?4 AND lo_ms <= ?3 AND hi_ms >= ?2";
    let range = params![scope, from_ms, to_ms, max_span];
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SPAN_COLUMNS}, {extra}, lo_ms, hi_ms FROM events WHERE {RANGE}"
    ))?;
    let bounds_at = stmt.column_count() - 2;
    let mut rows = stmt.query(range)?;
    let (mut out, mut found) = (Vec::new(), 0_i64);
    while let Some(row) = rows.next()? {
        found += 1;
        let span = span_of(row)?;
        // The bounds the index found the row by must be its own: a damaged
        // time would otherwise drop the row from the window without a word.
        if (row.get(bounds_at)?, row.get(bounds_at + 1)?) != span.bounds() {
            return Err(corrupt_column(bounds_at).into());
        }
        if span.overlaps(zone, from_ms, to_ms) {
            out.push(map(row, span)?);
        }
    }
    // An index entry whose row cannot be found (a damaged key or page) is
    // skipped without an error in a WITHOUT ROWID table: count the entries
    // (index only) to notice. The caller's transaction makes both one snapshot.
    let indexed: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM events WHERE {RANGE}"))?
        .query_row(range, |r| r.get(0))?;
    if indexed != found {
        return Err(Error::CorruptDatabase("an index entry has no row".into()));
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

/// Verified rows (see `verified_event`), as time and weight.
pub fn occupancy(conn: &Connection, scope: &str, range: (i64, i64), zone: Zone) -> Result<Vec<Occupancy>> {
    scan(conn, scope, range, zone, EVENT_COLUMNS, |row, span| {
        let event = verified_event(row, span)?;
        let (start_ms, end_ms) = span.resolve(zone);
        Ok(Occupancy {
            start_ms,
            end_ms,
            weight_halves: weight_halves(&event),
        })
    })
}

/// Whole verified events (see `verified_event`), ordered by their start in
/// `zone`, then id.
pub fn source_events(
    conn: &Connection,
    scope: &str,
    range: (i64, i64),
    zone: Zone,
) -> Result<Vec<SourceEvent>> {
    let mut events = scan(conn, scope, range, zone, EVENT_COLUMNS, |row, span| {
        Ok((span.resolve(zone).0, verified_event(row, span)?))
    })?;
    events.sort_by(|(a_start, a), (b_start, b)| a_start.cmp(b_start).then_with(|| a.id.cmp(&b.id)));
    Ok(events.into_iter().map(|(_, e)| e).collect())
}

/// The columns after the span columns that `verified_event` reads.
const EVENT_COLUMNS: &str =
    "id, calendar_id, title, location, availability, status, participation, weight_halves, content_hash";

/// A whole event, checked against what was stored with it: its content hash
/// and weight. SQLite keeps no checksums, so a flipped bit in a row would
/// otherwise reach a screen as data; this turns it into `CorruptDatabase`.
fn verified_event(row: &Row<'_>, span: Span) -> rusqlite::Result<SourceEvent> {
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
    let stored_weight: i64 = row.get(10)?;
    let sound = digest_column(row, 11)? == event_hash(&event, span)
        && stored_weight == i64::from(weight_halves(&event));
    if sound { Ok(event) } else { Err(corrupt_column(11)) }
}

fn digest_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Digest> {
    let bytes: Vec<u8> = row.get(index)?;
    bytes.try_into().map_err(|_| corrupt_column(index))
}

fn code_column<T>(row: &Row<'_>, index: usize, from_code: fn(i64) -> Option<T>) -> rusqlite::Result<T> {
    from_code(row.get(index)?).ok_or_else(|| corrupt_column(index))
}

/// A stored value that cannot be what we wrote (see `Error::from`).
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
