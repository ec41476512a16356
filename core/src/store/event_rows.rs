//! Reading and writing rows of the `events` table.
//!
//! Rows carry `lo_ms`/`hi_ms`, instants that bound the event in any time
//! zone, so a window is found by an index range scan; the exact overlap is
//! then decided in Rust in the window's zone (all-day events move with it).

use rusqlite::{CachedStatement, Connection, OptionalExtension, Row, params};

use super::day_digests;

use crate::error::{Error, Result};
use crate::heat::{Occupancy, weight_halves};
use crate::limits::{MAX_INSTANT_MS, MIN_INSTANT_MS};
use crate::model::{
    Availability, EventStatus, EventTime, MS_PER_DAY, Participation, SourceEvent, Span, Zone, date_from_days,
};
use crate::window_diff::{Digest, StoredEvent, WindowEvent, event_hash};

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

/// What every scan reads first: the span (as `span_of` expects), the index
/// bounds, and what the day digests are made of.
const SCAN_COLUMNS: &str = "all_day, time_start, time_end, lo_ms, hi_ms, id, content_hash";

/// The rows of `scope` overlapping `[from_ms, to_ms)` seen from `zone`, each
/// as id, hash and span plus what `map` makes of the columns in `extra`
/// (`", a, b"`, read from index 7). Run it inside a transaction.
///
/// SQLite keeps no checksums and a WITHOUT ROWID table silently skips an
/// index entry whose row it cannot find, so damage would read as data;
/// every scan checks what it found, and reports damage as `CorruptDatabase`:
/// each row's index bounds are its own (else a damaged time drops it from
/// the range), every index entry has its row, and the rows of each whole
/// day hash to the day's stored digest (else a damaged index hides rows).
fn scan<T>(
    conn: &Connection,
    scope: &str,
    (from_ms, to_ms): (i64, i64),
    zone: &Zone,
    extra: &str,
    map: impl Fn(&Row<'_>, &StoredEvent) -> rusqlite::Result<T>,
) -> Result<Vec<(StoredEvent, T)>> {
    let max_span: i64 = conn
        .prepare_cached("SELECT max_span_ms FROM scopes WHERE scope = ?1")?
        .query_row([scope], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    const RANGE: &str = "scope = ?1 AND lo_ms >= ?2 - ?4 AND lo_ms <= ?3 AND hi_ms >= ?2";
    let range = params![scope, from_ms, to_ms, max_span];
    let mut stmt = conn.prepare_cached(&format!("SELECT {SCAN_COLUMNS}{extra} FROM events WHERE {RANGE}"))?;
    let mut rows = stmt.query(range)?;
    let (mut out, mut found) = (Vec::new(), 0_i64);
    while let Some(row) = rows.next()? {
        found += 1;
        let span = span_of(row)?;
        if (row.get(3)?, row.get(4)?) != span.bounds() {
            return Err(corrupt_column(3).into());
        }
        if span.overlaps(zone, from_ms, to_ms) {
            let stored = StoredEvent {
                id: row.get(5)?,
                hash: digest_column(row, 6)?,
                span,
            };
            let mapped = map(row, &stored)?;
            out.push((stored, mapped));
        }
    }
    let indexed: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM events WHERE {RANGE}"))?
        .query_row(range, |r| r.get(0))?;
    if indexed != found {
        return Err(Error::CorruptDatabase("an index entry has no row".into()));
    }
    let days = zone.day_parts(from_ms, to_ms);
    day_digests::check(conn, scope, zone, &days, out.iter().map(|(stored, _)| stored))?;
    Ok(out)
}

/// Id, hash and span: what comparing and planning need.
pub fn stored_events(
    conn: &Connection,
    scope: &str,
    range: (i64, i64),
    zone: &Zone,
) -> Result<Vec<StoredEvent>> {
    let rows = scan(conn, scope, range, zone, "", |_, _| Ok(()))?;
    Ok(rows.into_iter().map(|(stored, ())| stored).collect())
}

/// Verified rows (see `verified_event`), as time and weight.
pub fn occupancy(conn: &Connection, scope: &str, range: (i64, i64), zone: &Zone) -> Result<Vec<Occupancy>> {
    let rows = scan(conn, scope, range, zone, EVENT_COLUMNS, |row, stored| {
        let event = verified_event(row, stored)?;
        let (start_ms, end_ms) = stored.span.resolve(zone);
        Ok(Occupancy {
            start_ms,
            end_ms,
            weight_halves: weight_halves(&event),
        })
    })?;
    Ok(rows.into_iter().map(|(_, occupancy)| occupancy).collect())
}

/// Whole verified events (see `verified_event`), ordered by their start in
/// `zone`, then id.
pub fn source_events(
    conn: &Connection,
    scope: &str,
    range: (i64, i64),
    zone: &Zone,
) -> Result<Vec<SourceEvent>> {
    let mut events = scan(conn, scope, range, zone, EVENT_COLUMNS, |row, stored| {
        verified_event(row, stored)
    })?;
    events.sort_by_cached_key(|(stored, event)| (stored.span.resolve(zone).0, event.id.clone()));
    Ok(events.into_iter().map(|(_, e)| e).collect())
}

/// The columns after `SCAN_COLUMNS` that `verified_event` reads.
const EVENT_COLUMNS: &str =
    ", calendar_id, title, location, availability, status, participation, weight_halves";

/// A whole event, checked against the hash and weight stored with it (a
/// flipped bit in a row would otherwise reach a screen as data).
fn verified_event(row: &Row<'_>, stored: &StoredEvent) -> rusqlite::Result<SourceEvent> {
    let time = match stored.span {
        Span::Timed { start_ms, end_ms } => EventTime::Timed { start_ms, end_ms },
        Span::AllDay { start_day, end_day } => EventTime::AllDay {
            start_date: date_from_days(start_day).format("%Y-%m-%d").to_string(),
            end_date: date_from_days(end_day).format("%Y-%m-%d").to_string(),
        },
    };
    let event = SourceEvent {
        id: stored.id.clone(),
        calendar_id: row.get(7)?,
        title: row.get(8)?,
        location: row.get(9)?,
        time,
        availability: code_column(row, 10, Availability::from_code)?,
        status: code_column(row, 11, EventStatus::from_code)?,
        participation: code_column(row, 12, Participation::from_code)?,
    };
    let stored_weight: i64 = row.get(13)?;
    let sound =
        stored.hash == event_hash(&event, stored.span) && stored_weight == i64::from(weight_halves(&event));
    if sound { Ok(event) } else { Err(corrupt_column(6)) }
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

/// The two statements a reconcile writes events with, prepared once per
/// call rather than looked up per row (a measurable share of a cold fill).
pub struct EventWriter<'conn> {
    delete: CachedStatement<'conn>,
    insert: CachedStatement<'conn>,
}

impl<'conn> EventWriter<'conn> {
    pub fn new(conn: &'conn Connection) -> Result<Self> {
        Ok(EventWriter {
            delete: conn.prepare_cached(&format!(
                "DELETE FROM events WHERE scope = ?1 AND id = ?2 RETURNING {SPAN_COLUMNS}"
            ))?,
            insert: conn.prepare_cached(
                "INSERT INTO events (scope, id, calendar_id, title, location, all_day, time_start, time_end, \
                 availability, status, participation, weight_halves, lo_ms, hi_ms, content_hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
                 ON CONFLICT (scope, id) DO NOTHING",
            )?,
        })
    }

    /// Deletes the row with `id`, returning its span if there was one.
    pub fn delete(&mut self, scope: &str, id: &str) -> Result<Option<Span>> {
        self.delete
            .query_row(params![scope, id], span_of)
            .optional()
            .map_err(Error::from)
    }

    /// Inserts the event unless a row with its id exists; says whether it
    /// did. (Trying the insert first costs one index probe on the common
    /// path, where the id is new, instead of a delete probe plus an insert.)
    pub fn insert_new(&mut self, scope: &str, event: &WindowEvent<'_>) -> Result<bool> {
        let e = event.checked.event;
        let span = event.checked.span;
        let (all_day, start, end) = match span {
            Span::Timed { start_ms, end_ms } => (false, start_ms, end_ms),
            Span::AllDay { start_day, end_day } => (true, start_day, end_day),
        };
        let (lo, hi) = span.bounds();
        let inserted = self.insert.execute(params![
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
