//! Recurrence expansion (`RRULE`, `RDATE`, `EXDATE`) with the `rrule` crate,
//! on the series' wall clock, bounded in work and output.
//!
//! The wall clock is handed to `rrule` as if it were UTC, which has no DST:
//! the rule then yields local wall times (a weekly 09:00 stays 09:00) and
//! [`Frame`](crate::frame::Frame) turns them into instants afterwards, so DST, floating times and
//! fixed-offset zones all follow one path. `rrule` cannot start mid-series,
//! so every occurrence from `DTSTART` up to the window is stepped over;
//! [`Budget`] caps those steps per series and per file.
//!
//! A date-only `EXDATE` of a timed series (Google writes
//! `EXDATE;VALUE=DATE:20240115` on a series at 09:00) excludes every
//! occurrence of that day on the series' clock, as the readers people use
//! do (docs/ics.md): it is kept apart from the exact `EXDATE`s, which the
//! rule set matches to the second.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use rrule::{RRule, RRuleSet};

use crate::report::Fault;

/// Most occurrences one series may step through before the window ends
/// (a daily series since 1900 is ~46,000).
pub const MAX_STEPS_PER_SERIES: usize = 250_000;
/// Most occurrences all the series of one file may step through.
pub const MAX_STEPS_PER_FILE: usize = 5_000_000;

/// Work left for this file (or for one zone's observances).
#[derive(Debug)]
pub struct Budget {
    steps_left: usize,
}

impl Budget {
    pub fn new(steps: usize) -> Self {
        Budget { steps_left: steps }
    }

    /// A budget of at most `steps` taken from this one; hand what is left
    /// back with [`Budget::give_back`].
    pub fn take(&mut self, steps: usize) -> Budget {
        let taken = steps.min(self.steps_left);
        self.steps_left -= taken;
        Budget::new(taken)
    }

    pub fn give_back(&mut self, part: Budget) {
        self.steps_left += part.steps_left;
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(MAX_STEPS_PER_FILE)
    }
}

/// A recurring series on its frame's wall clock.
pub struct Recurrence<'a> {
    /// Where a cap error points: the component's `BEGIN`.
    pub line: usize,
    pub start: NaiveDateTime,
    pub rules: &'a [RRule],
    pub rdates: Vec<NaiveDateTime>,
    pub exdates: Vec<NaiveDateTime>,
    /// Days whose every occurrence is excluded (date-only `EXDATE`s of a
    /// timed series).
    pub excluded_days: Vec<NaiveDate>,
}

impl Recurrence<'_> {
    /// Whether an `EXDATE` removes the occurrence starting at `wall`.
    pub fn excludes(&self, wall: NaiveDateTime) -> bool {
        self.exdates.contains(&wall) || self.excluded_days.contains(&wall.date())
    }
}

/// The wall-clock starts of the occurrences in `[from, upto]`, ascending;
/// a fault when the series needs more steps than the caps allow.
pub fn occurrence_walls(
    recurrence: &Recurrence<'_>,
    from: NaiveDateTime,
    upto: NaiveDateTime,
    budget: &mut Budget,
) -> Result<Vec<NaiveDateTime>, Fault> {
    let as_utc = |wall: &NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(wall);
    let dt_start = as_utc(&recurrence.start);
    let mut set = RRuleSet::new(dt_start).limit();
    for rule in recurrence.rules {
        set = set.rrule(rule.clone());
    }
    // DTSTART is the first occurrence even when the rule does not produce it.
    let mut rdates: Vec<_> = recurrence.rdates.iter().map(as_utc).collect();
    rdates.push(dt_start);
    set = set
        .set_rdates(rdates)
        .set_exdates(recurrence.exdates.iter().map(as_utc).collect());

    let mut walls: Vec<NaiveDateTime> = Vec::new();
    let mut steps = 0usize;
    for occurrence in &set {
        let wall = occurrence.naive_utc();
        if wall > upto {
            break;
        }
        steps += 1;
        if steps > MAX_STEPS_PER_SERIES || budget.steps_left == 0 {
            return Err(Fault::new(
                recurrence.line,
                format!(
                    "RRULE: the series starting {} steps through more than {} occurrences before the \
                     window ends (caps: {MAX_STEPS_PER_SERIES} per series, {MAX_STEPS_PER_FILE} per file); \
                     the rule is too dense to expand",
                    recurrence.start.format("%Y-%m-%dT%H:%M:%S"),
                    steps - 1,
                ),
            ));
        }
        budget.steps_left -= 1;
        // A set yields a date twice when an RDATE equals a rule date.
        if wall >= from && walls.last() != Some(&wall) && !recurrence.excluded_days.contains(&wall.date()) {
            walls.push(wall);
        }
    }
    Ok(walls)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_line::content_lines;
    use crate::frame::Frame;
    use crate::rule::read_rules;
    use crate::zones::Clock;

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn expand(rrule: &str, start: &str, from: &str, upto: &str) -> Result<Vec<NaiveDateTime>, Fault> {
        let lines: Vec<_> = content_lines(rrule).into_iter().map(Result::unwrap).collect();
        let frame = Frame::Clock(Clock::Iana(chrono_tz::Europe::Berlin));
        let rules = read_rules(lines.iter(), wall(start), frame, chrono_tz::UTC, &mut Vec::new());
        let recurrence = Recurrence {
            line: 7,
            start: wall(start),
            rules: &rules,
            rdates: vec![],
            exdates: vec![],
            excluded_days: vec![],
        };
        occurrence_walls(&recurrence, wall(from), wall(upto), &mut Budget::default())
    }

    #[test]
    fn only_the_range_is_returned_and_until_is_inclusive() {
        let walls = expand(
            "RRULE:FREQ=DAILY;UNTIL=20261205T080000Z",
            "2026-11-01T09:00",
            "2026-12-01T00:00",
            "2027-01-01T00:00",
        )
        .unwrap();
        assert_eq!(walls.first(), Some(&wall("2026-12-01T09:00")));
        assert_eq!(walls.last(), Some(&wall("2026-12-05T09:00")));
        assert_eq!(walls.len(), 5);
    }

    #[test]
    fn a_runaway_rule_stops_at_the_cap_with_a_fault() {
        let started = std::time::Instant::now();
        let fault = expand(
            "RRULE:FREQ=SECONDLY",
            "2020-01-01T00:00",
            "2026-12-01T00:00",
            "2026-12-02T00:00",
        )
        .unwrap_err();
        assert_eq!(fault.line, 7);
        assert!(fault.reason.starts_with("RRULE: "), "{fault:?}");
        assert!(started.elapsed().as_secs() < 30);
    }

    #[test]
    fn a_rule_that_never_matches_ends_without_hanging() {
        let walls = expand(
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "2026-01-30T09:00",
            "2026-01-01T00:00",
            "2027-01-01T00:00",
        )
        .unwrap();
        assert_eq!(walls, [wall("2026-01-30T09:00")]);
    }
}
