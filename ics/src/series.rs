//! From `VEVENT`s to occurrences: events are grouped by `UID` into a master
//! and its `RECURRENCE-ID` overrides, the master is expanded, overrides
//! replace (or, cancelled, still stand in for) the occurrences they name,
//! and what overlaps the window is returned.
//!
//! Ids: a non-recurring event keeps its `UID`; an occurrence of a series is
//! `UID@` + its *original* start ([`Frame::occurrence_key`]), so a moved
//! occurrence keeps its id and ids never depend on the order of the file.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDateTime, TimeDelta};
use chrono_tz::Tz;

use heat_core::error::InvalidInput;
use heat_core::limits::{MAX_EVENTS_PER_CALL, MAX_ID_BYTES};
use heat_core::model::{
    CheckedWindow, EventTime, SourceEvent, Span, check_event, days_from_date, interval_overlaps, parse_date,
};

use crate::expand::{Budget, Recurrence, occurrence_walls};
use crate::frame::Frame;
use crate::report::{Fault, Report};
use crate::values::{Length, Stamp};
use crate::vevent::{Details, Vevent};
use crate::zones::Clock;

/// Every calendar id of an imported file; callers that keep several files
/// apart do so with the reconcile scope.
pub const ICS_CALENDAR_ID: &str = "ics";

/// Slack around the window when choosing which wall times to expand: covers
/// any UTC offset (the exact overlap test comes after).
const WALL_SLACK: TimeDelta = TimeDelta::days(2);

/// The events of one `UID`.
#[derive(Default)]
struct Group<'a> {
    master: Option<Vevent<'a>>,
    overrides: Vec<Vevent<'a>>,
}

/// Why a group produced no events: its own fault (it is skipped and
/// reported), or a limit of the whole import.
enum Stop {
    Skip(Fault),
    File(InvalidInput),
}

/// The occurrences of `vevents` in the window; a series that cannot be
/// expanded, or whose occurrences the reconcile would refuse, is skipped
/// and added to `report`.
pub fn occurrences(
    vevents: Vec<Vevent<'_>>,
    window: &CheckedWindow,
    window_zone: Tz,
    report: &mut Report,
) -> Result<Vec<SourceEvent>, InvalidInput> {
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Group<'_>> = HashMap::new();
    for vevent in vevents {
        let group = groups.entry(vevent.uid.clone()).or_insert_with(|| {
            order.push(vevent.uid.clone());
            Group::default()
        });
        if vevent.recurrence_id.is_some() {
            group.overrides.push(vevent);
        } else {
            keep_latest(&mut group.master, vevent);
        }
    }
    let mut out = Output {
        window,
        window_zone,
        events: Vec::new(),
        warnings: Vec::new(),
    };
    let mut budget = Budget::default();
    for uid in order {
        let Some(group) = groups.remove(&uid) else {
            continue;
        };
        let first = group
            .master
            .iter()
            .chain(&group.overrides)
            .map(|v| (v.line, v.has_uid))
            .min();
        let (kept, warned) = (out.events.len(), out.warnings.len());
        match out.group(group, &mut budget) {
            Ok(()) => {}
            Err(Stop::File(error)) => return Err(error),
            Err(Stop::Skip(fault)) => {
                out.events.truncate(kept);
                out.warnings.truncate(warned);
                let named = first.is_some_and(|(_, named)| named);
                report.skip(fault, named.then_some(uid.as_str()));
            }
        }
    }
    for (fault, uid) in out.warnings {
        report.warn(fault, uid.as_deref());
    }
    Ok(out.events)
}

/// Of two copies of one event, the higher `SEQUENCE` wins, then the later
/// `DTSTAMP`, then the later one in the file.
fn keep_latest<'a>(slot: &mut Option<Vevent<'a>>, candidate: Vevent<'a>) {
    if slot
        .as_ref()
        .is_none_or(|kept| (candidate.sequence, candidate.dtstamp) >= (kept.sequence, kept.dtstamp))
    {
        *slot = Some(candidate);
    }
}

struct Output<'w> {
    window: &'w CheckedWindow,
    window_zone: Tz,
    events: Vec<SourceEvent>,
    /// Repairs, with the `UID` when the file gave one.
    warnings: Vec<(Fault, Option<String>)>,
}

impl Output<'_> {
    fn group(&mut self, group: Group<'_>, budget: &mut Budget) -> Result<(), Stop> {
        let zone = self.window_zone;
        // Overrides are keyed by the original start they replace, on the
        // master's frame (or their own when the master is missing).
        let frame = group.master.as_ref().map(|m| Frame::of(m.start));
        let mut overrides: BTreeMap<NaiveDateTime, Vevent<'_>> = BTreeMap::new();
        for o in group.overrides {
            let Some(rid) = o.recurrence_id else { continue };
            let key = frame.unwrap_or(Frame::of(rid.stamp)).wall_of(rid.stamp, zone);
            let mut slot = overrides.remove(&key);
            keep_latest(&mut slot, o);
            overrides.extend(slot.map(|o| (key, o)));
        }
        if let Some(master) = &group.master {
            let recurrence = recurrence_of(master, zone);
            self.drop_orphans(master, &recurrence, &mut overrides, budget)?;
            self.series(master, &recurrence, &overrides, budget)?;
        }
        for (key, o) in &overrides {
            let rid_frame = o.recurrence_id.map(|rid| Frame::of(rid.stamp));
            let key_frame = frame.or(rid_frame).unwrap_or(Frame::of(o.start));
            let id = event_id(&o.uid, Some(&key_frame.occurrence_key(*key, zone)));
            self.push(id, &o.details, override_time(o, zone), o.line)?;
        }
        Ok(())
    }

    /// Removes the overrides of occurrences the master does not have: one
    /// whose original start an `EXDATE` excludes (RFC 5545 §3.8.5.1: it is
    /// not in the recurrence set, so there is nothing to override), and one
    /// older than the master (lower `SEQUENCE`) whose original start is no
    /// longer an occurrence: the series was changed after the override was
    /// made (§3.8.7.4), so it is stale and ignored with a warning. An
    /// override as new as the master stays wherever it points (ADR 0020).
    /// Only older overrides that would show in the window are checked, in
    /// one expansion from the first to the last start they name.
    fn drop_orphans(
        &mut self,
        master: &Vevent<'_>,
        recurrence: &Recurrence<'_>,
        overrides: &mut BTreeMap<NaiveDateTime, Vevent<'_>>,
        budget: &mut Budget,
    ) -> Result<(), Stop> {
        overrides.retain(|key, _| !recurrence.excludes(*key));
        let older: Vec<NaiveDateTime> = overrides
            .iter()
            .filter(|(_, o)| o.sequence < master.sequence)
            .filter(|(_, o)| overlaps(&override_time(o, self.window_zone), self.window))
            .map(|(key, _)| *key)
            .collect();
        let (Some(&first), Some(&last)) = (older.first(), older.last()) else {
            return Ok(());
        };
        let occurring = occurrence_walls(recurrence, first, last, budget).map_err(Stop::Skip)?;
        for key in older.into_iter().filter(|key| !occurring.contains(key)) {
            let Some(o) = overrides.remove(&key) else { continue };
            let fault = Fault::new(
                o.line,
                format!(
                    "RECURRENCE-ID: the override (SEQUENCE {}) is older than its series (SEQUENCE {}) \
                     and names a start the series no longer has; ignored",
                    o.sequence, master.sequence
                ),
            );
            self.warnings.push((fault, o.has_uid.then_some(o.uid)));
        }
        Ok(())
    }

    fn series(
        &mut self,
        master: &Vevent<'_>,
        recurrence: &Recurrence<'_>,
        overrides: &BTreeMap<NaiveDateTime, Vevent<'_>>,
        budget: &mut Budget,
    ) -> Result<(), Stop> {
        let zone = self.window_zone;
        let frame = Frame::of(master.start);
        let recurring = !master.rules.is_empty() || !master.rdates.is_empty();
        if !recurring && overrides.is_empty() {
            let time = frame.event_time(recurrence.start, master.length, zone);
            return self.push(event_id(&master.uid, None), &master.details, time, master.line);
        }
        // THISANDFUTURE overrides: later occurrences take their details, length
        // and shift. In key order, so the latest one at or before an occurrence wins.
        let futures: Vec<(NaiveDateTime, &Vevent<'_>)> = overrides
            .iter()
            .filter(|(_, o)| o.recurrence_id.is_some_and(|r| r.this_and_future))
            .map(|(key, o)| (*key, o))
            .collect();
        let shifts = futures
            .iter()
            .map(|(key, o)| (frame.wall_of(o.start, zone) - *key).abs());
        let slack = WALL_SLACK + shifts.max().unwrap_or_default() + longest(master, &futures);
        let period_lengths: BTreeMap<NaiveDateTime, Length> = master
            .rdates
            .iter()
            .filter_map(|(at, length)| Some((frame.wall_of(*at, zone), (*length)?)))
            .collect();
        let from = frame_wall(frame, self.window.start_ms, zone) - slack;
        let upto = frame_wall(frame, self.window.end_ms, zone) + slack;
        for wall in occurrence_walls(recurrence, from, upto, budget).map_err(Stop::Skip)? {
            if overrides.contains_key(&wall) {
                continue;
            }
            let id = event_id(&master.uid, Some(&frame.occurrence_key(wall, zone)));
            let (details, time) = match futures.iter().rev().find(|(key, _)| *key <= wall) {
                Some((key, future)) => {
                    let shifted = wall + (frame.wall_of(future.start, zone) - *key);
                    (&future.details, frame.event_time(shifted, future.length, zone))
                }
                None => {
                    let length = period_lengths.get(&wall).copied().unwrap_or(master.length);
                    (&master.details, frame.event_time(wall, length, zone))
                }
            };
            self.push(id, details, time, master.line)?;
        }
        Ok(())
    }

    /// Adds the occurrence if it overlaps the window; `line` is its
    /// `VEVENT`'s, for the report.
    fn push(&mut self, id: String, details: &Details, time: EventTime, line: usize) -> Result<(), Stop> {
        if !overlaps(&time, self.window) {
            return Ok(());
        }
        if self.events.len() == MAX_EVENTS_PER_CALL {
            return Err(Stop::File(InvalidInput::new(
                "ics",
                format!("more than {MAX_EVENTS_PER_CALL} occurrences in the window"),
            )));
        }
        let event = SourceEvent {
            id,
            calendar_id: ICS_CALENDAR_ID.to_owned(),
            title: details.title.clone(),
            location: details.location.clone(),
            time,
            availability: details.availability,
            status: details.status,
            participation: details.participation,
        };
        // What the reconcile would refuse (a UID with a NUL) is refused
        // here, by the same rules.
        check_event(&event)
            .map_err(|e| Stop::Skip(Fault::new(line, format!("{}: {}", e.field, e.reason))))?;
        self.events.push(event);
        Ok(())
    }
}

/// When an override happens, on its own frame.
fn override_time(o: &Vevent<'_>, zone: Tz) -> EventTime {
    let own = Frame::of(o.start);
    own.event_time(own.wall_of(o.start, zone), o.length, zone)
}

/// The master's recurrence on its own frame. A date-only `EXDATE` of a
/// timed series excludes that day on the series' clock; any other `EXDATE`
/// is matched as a wall time of the series (a DATE-TIME in an all-day
/// series as its date).
fn recurrence_of<'v>(master: &'v Vevent<'_>, zone: Tz) -> Recurrence<'v> {
    let frame = Frame::of(master.start);
    let mut exdates = Vec::new();
    let mut excluded_days = Vec::new();
    for at in &master.exdates {
        match (frame, at) {
            (Frame::Clock(_), Stamp::Date(day)) => excluded_days.push(*day),
            _ => exdates.push(frame.wall_of(*at, zone)),
        }
    }
    Recurrence {
        line: master.line,
        start: frame.wall_of(master.start, zone),
        rules: &master.rules,
        rdates: master
            .rdates
            .iter()
            .map(|(at, _)| frame.wall_of(*at, zone))
            .collect(),
        exdates,
        excluded_days,
    }
}

/// The longest occurrence a series can have, so that one starting before
/// the window but reaching into it is expanded too.
fn longest(master: &Vevent<'_>, futures: &[(NaiveDateTime, &Vevent<'_>)]) -> TimeDelta {
    let span = |l: Length| TimeDelta::days(l.days) + TimeDelta::seconds(l.seconds);
    futures
        .iter()
        .map(|(_, f)| span(f.length))
        .chain(master.rdates.iter().filter_map(|(_, l)| l.map(span)))
        .chain([span(master.length)])
        .max()
        .unwrap_or_default()
}

/// The wall time of instant `ms` on `frame` (for dates: the window zone's).
fn frame_wall(frame: Frame<'_>, ms: i64, zone: Tz) -> NaiveDateTime {
    match frame {
        Frame::Date => Clock::Floating.to_wall(ms, zone),
        Frame::Clock(clock) => clock.to_wall(ms, zone),
    }
}

/// `UID` or `UID@key`; the UID is hashed when the id would exceed the id
/// limit (Exchange UIDs can be long).
fn event_id(uid: &str, key: Option<&str>) -> String {
    let with_key = |uid: &str| match key {
        Some(key) => format!("{uid}@{key}"),
        None => uid.to_owned(),
    };
    let id = with_key(uid);
    if id.len() <= MAX_ID_BYTES {
        return id;
    }
    with_key(&format!("ics-{}", &blake3::hash(uid.as_bytes()).to_hex()[..32]))
}

fn overlaps(time: &EventTime, window: &CheckedWindow) -> bool {
    match time {
        EventTime::Timed { start_ms, end_ms } => {
            interval_overlaps(*start_ms, *end_ms, window.start_ms, window.end_ms)
        }
        EventTime::AllDay { start_date, end_date } => {
            let day = |d: &str| parse_date(d, "date").map(days_from_date).unwrap_or_default();
            Span::AllDay {
                start_day: day(start_date),
                end_day: day(end_date),
            }
            .overlaps(&window.zone, window.start_ms, window.end_ms)
        }
    }
}
