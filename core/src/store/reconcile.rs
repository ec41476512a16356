//! `reconcileHeat`: make the store's window equal the source's
//! (`docs/contract.md` "Reconcile semantics").
//!
//! 1. Build `S` and its digests from the input (no database access).
//! 2. In a read transaction, compare the stored day digests with `S`'s; when
//!    every day matches, return without writing anything.
//! 3. Otherwise take the write lock (`BEGIN IMMEDIATE`), compare again (another
//!    process may have written in between), and rewrite only the differing
//!    days, all in one transaction: a kill at any point leaves the old state
//!    or the new one.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};
use crate::interrupt::{CHECK_EVERY, InterruptScope};
use crate::model::{
    CheckedWindow, DayPart, SourceEvent, Span, TimeRange, TimeWindow, check_scope, merge_intervals,
};
use crate::window_diff::{Plan, SourceState, StoredEvent, day_digests_from_rows, plan_changes, to_hex};

use super::last_reconcile::SyncRecord;
use super::{HeatStore, day_digests, event_rows, last_reconcile};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReconcileOptions {
    /// Let an empty source clear a window that holds events. Pass it only
    /// when the calendar is readable and really empty.
    pub allow_empty: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconcileOutcome {
    pub changed: bool,
    /// Hex of the window digest of `S`.
    pub window_digest: String,
    pub events_inserted: u64,
    pub events_deleted: u64,
    pub events_unchanged: u64,
    pub ignored_outside_window: u64,
    /// Local days whose stored state was replaced.
    pub days_replaced: u32,
    /// Time ranges whose stored state changed (replaced days, merged, plus
    /// where moved events used to be), for screens to refresh.
    pub replaced_ranges: Vec<TimeRange>,
    pub duration_micros: u64,
}

impl HeatStore {
    pub fn reconcile_heat(
        &self,
        scope: &str,
        window: &TimeWindow,
        events: &[SourceEvent],
        options: ReconcileOptions,
    ) -> Result<ReconcileOutcome> {
        self.reconcile_heat_with_cancel(scope, window, events, options, None)
    }

    /// `reconcile_heat` that also stops (`Error::Interrupted`, store
    /// unchanged) as soon as `cancel` is set: the sync job's `cancel()`.
    pub(crate) fn reconcile_heat_with_cancel(
        &self,
        scope: &str,
        window: &TimeWindow,
        events: &[SourceEvent],
        options: ReconcileOptions,
        cancel: Option<&AtomicBool>,
    ) -> Result<ReconcileOutcome> {
        let started = Instant::now();
        let interrupt = self.interrupter.begin(cancel);
        self.check_writable()?;
        check_scope(scope)?;
        let state = SourceState::build(window.check(&self.zones)?, events, &interrupt)?;

        let mut conn = self.connection();
        let clean = {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
            dirty_days(&tx, scope, &state)?.iter().all(|d| !d)
        };
        let changes = if clean {
            None
        } else {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let changes = write_changes(&tx, scope, &state, options, &interrupt)?;
            if changes.is_some() {
                interrupt.check()?;
                tx.commit()?;
            }
            changes
        };
        drop(conn);

        let changed = changes.is_some();
        let record = SyncRecord::new(now_ms(), &state.window, &state.window_digest, changed);
        self.remember_sync(scope, record);
        let changes = changes.unwrap_or_default();
        let inserted = changes.inserted;
        Ok(ReconcileOutcome {
            changed,
            window_digest: to_hex(&state.window_digest),
            events_inserted: inserted,
            events_deleted: changes.deleted,
            events_unchanged: state.events.len() as u64 - inserted,
            ignored_outside_window: state.ignored_outside_window,
            days_replaced: changes.days_replaced,
            replaced_ranges: changes.ranges,
            duration_micros: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        })
    }
}

#[derive(Debug, Default)]
struct Changes {
    inserted: u64,
    deleted: u64,
    days_replaced: u32,
    ranges: Vec<TimeRange>,
}

/// Which days of the window differ from `S`: whole days by their stored
/// digest when there is one, other days from the event rows.
fn dirty_days(conn: &Connection, scope: &str, state: &SourceState<'_>) -> Result<Vec<bool>> {
    let zone = &state.window.zone;
    let stored = day_digests::load(conn, scope, zone, &state.days)?;
    let mut dirty: Vec<bool> = stored
        .iter()
        .zip(&state.day_digests)
        .map(|(stored, source)| stored.is_some_and(|s| s != *source))
        .collect();
    let unknown: Vec<usize> = (0..state.days.len()).filter(|&i| stored[i].is_none()).collect();
    if let (Some(&first), Some(&last)) = (unknown.first(), unknown.last()) {
        let days = &state.days[first..=last];
        let rows = rows_over(conn, scope, days, &state.window)?;
        let digests = day_digests_from_rows(days, zone, &rows);
        for &i in &unknown {
            dirty[i] = digests[i - first] != state.day_digests[i];
        }
    }
    Ok(dirty)
}

fn rows_over(
    conn: &Connection,
    scope: &str,
    days: &[DayPart],
    window: &CheckedWindow,
) -> Result<Vec<StoredEvent>> {
    match (days.first(), days.last()) {
        (Some(first), Some(last)) => {
            event_rows::stored_events(conn, scope, (first.start_ms, last.end_ms), &window.zone)
        }
        _ => Ok(Vec::new()),
    }
}

/// Applies the plan inside the caller's write transaction; `None` when, under
/// the write lock, nothing differs after all.
fn write_changes(
    conn: &Connection,
    scope: &str,
    state: &SourceState<'_>,
    options: ReconcileOptions,
    interrupt: &InterruptScope<'_>,
) -> Result<Option<Changes>> {
    let dirty = dirty_days(conn, scope, state)?;
    let dirty_indices: Vec<usize> = (0..dirty.len()).filter(|&i| dirty[i]).collect();
    let (Some(&first), Some(&last)) = (dirty_indices.first(), dirty_indices.last()) else {
        return Ok(None);
    };
    let stored = stored_on_dirty_days(conn, scope, state, &dirty, first..=last)?;
    if state.events.is_empty() && !stored.is_empty() && !options.allow_empty {
        return Err(Error::EmptySourceRefused {
            stored_events: stored.len() as u64,
        });
    }
    let plan = plan_changes(state, &dirty, &stored);
    let applied = apply_plan(conn, scope, state, &plan, interrupt)?;

    interrupt.check()?;
    for (lo, hi) in merge_intervals(applied.touched.iter().map(|s| s.bounds())) {
        day_digests::invalidate(conn, scope, lo, hi)?;
    }
    let zone = &state.window.zone;
    for (day, digest) in state.days.iter().zip(&state.day_digests) {
        if day.is_whole_day() {
            day_digests::save(conn, scope, zone, day, digest)?;
        }
    }
    let record = SyncRecord::new(now_ms(), &state.window, &state.window_digest, true);
    last_reconcile::save(conn, scope, &record, &state.window_digest)?;

    let replaced_days = dirty_indices
        .iter()
        .map(|&i| (state.days[i].start_ms, state.days[i].end_ms));
    let moved = applied.moved_away.iter().map(|r| (r.start_ms, r.end_ms));
    let ranges = merge_intervals(replaced_days.chain(moved))
        .into_iter()
        .map(|(start_ms, end_ms)| TimeRange { start_ms, end_ms })
        .collect();
    Ok(Some(Changes {
        inserted: plan.insert.len() as u64,
        deleted: applied.deleted,
        days_replaced: dirty_indices.len() as u32,
        ranges,
    }))
}

/// Stored rows that overlap at least one dirty day (within `dirty_span`).
fn stored_on_dirty_days(
    conn: &Connection,
    scope: &str,
    state: &SourceState<'_>,
    dirty: &[bool],
    dirty_span: std::ops::RangeInclusive<usize>,
) -> Result<Vec<StoredEvent>> {
    let zone = &state.window.zone;
    Ok(rows_over(conn, scope, &state.days[dirty_span], &state.window)?
        .into_iter()
        .filter(|row| {
            let (start, end) = row.span.resolve(zone);
            crate::window_diff::overlapped_days(&state.days, start, end)
                .is_some_and(|mut days| days.any(|d| dirty[d]))
        })
        .collect())
}

/// What writing a plan did, for the digests and the outcome.
struct Applied {
    deleted: u64,
    /// Spans of every row deleted or inserted: their days' digests are stale.
    touched: Vec<Span>,
    /// Where events that moved into the window used to be, outside it.
    moved_away: Vec<TimeRange>,
}

fn apply_plan(
    conn: &Connection,
    scope: &str,
    state: &SourceState<'_>,
    plan: &Plan<'_>,
    interrupt: &InterruptScope<'_>,
) -> Result<Applied> {
    let zone = &state.window.zone;
    let mut writer = event_rows::EventWriter::new(conn)?;
    let mut applied = Applied {
        deleted: 0,
        touched: Vec::new(),
        moved_away: Vec::new(),
    };
    for (n, id) in plan.delete_ids.iter().enumerate() {
        if n % CHECK_EVERY == 0 {
            interrupt.check()?;
        }
        if let Some(span) = writer.delete(scope, id)? {
            applied.touched.push(span);
            applied.deleted += 1;
        }
    }
    let mut widest = 0_i64;
    for (n, event) in plan.insert.iter().enumerate() {
        if n % CHECK_EVERY == 0 {
            interrupt.check()?;
        }
        if !writer.insert_new(scope, event)? {
            // The id is stored elsewhere (it moved into the window): replace it.
            if let Some(old) = writer.delete(scope, &event.checked.event.id)? {
                let (start, end) = old.resolve(zone);
                if !crate::model::interval_overlaps(start, end, state.window.start_ms, state.window.end_ms) {
                    applied.moved_away.push(TimeRange {
                        start_ms: start,
                        end_ms: end,
                    });
                }
                applied.touched.push(old);
                applied.deleted += 1;
            }
            writer.insert_new(scope, event)?;
        }
        applied.touched.push(event.checked.span);
        let (lo, hi) = event.checked.span.bounds();
        widest = widest.max(hi - lo);
    }
    if !plan.insert.is_empty() {
        event_rows::widen_scope_span(conn, scope, widest)?;
    }
    Ok(applied)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
