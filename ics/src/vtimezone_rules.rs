//! A zone the file defines: a `VTIMEZONE` evaluated from its own
//! `STANDARD`/`DAYLIGHT` observances (RFC 5545 §3.6.5), for custom zones
//! such as Outlook's "Customized Time Zone" or "(UTC+01:00) Amsterdam,
//! Berlin, Bern, Rome, Stockholm, Vienna", whether or not an IANA zone has
//! the same rules.
//!
//! Each observance's onsets (`DTSTART`, `RRULE`, `RDATE`, read on its
//! `TZOFFSETFROM`; a DATE as its midnight) become transitions to its `TZOFFSETTO`, expanded once
//! up to a horizon past the window; before the first onset the first
//! `TZOFFSETFROM` applies, after the horizon the last offset stays.

use chrono::{DateTime, NaiveDateTime, TimeDelta};

use crate::component::Component;
use crate::expand::{Budget, Recurrence, occurrence_walls};
use crate::frame::Frame;
use crate::rule::read_rules;
use crate::values::parse_wall;
use crate::zones::{Clock, minus_offset, parse_utc_offset};

/// Most onsets one zone may step through: a yearly rule from 1601 to 2100
/// is 500; a zone needing more is not a real zone and is left undefined.
const MAX_ZONE_STEPS: usize = 20_000;
/// Most onsets all the zones of one file may step through.
pub const MAX_ZONE_STEPS_PER_FILE: usize = 1_000_000;
const DAY_MS: i64 = 86_400_000;

/// Offsets of a defined zone: `(instant, offset after it)` in instant order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinedZone {
    /// Seconds east of UTC before the first transition.
    initial: i32,
    transitions: Vec<(i64, i32)>,
}

impl DefinedZone {
    /// The zone `vtimezone` defines, up to `horizon`, stepping through at
    /// most `MAX_ZONE_STEPS` onsets of the file's `budget`; `None` when it
    /// has no observance with a `DTSTART` and both offsets, or needs more.
    pub fn read(
        vtimezone: &Component,
        horizon: NaiveDateTime,
        file_budget: &mut Budget,
    ) -> Option<DefinedZone> {
        let mut budget = file_budget.take(MAX_ZONE_STEPS);
        let zone = Self::expand(vtimezone, horizon, &mut budget);
        file_budget.give_back(budget);
        zone
    }

    fn expand(vtimezone: &Component, horizon: NaiveDateTime, budget: &mut Budget) -> Option<DefinedZone> {
        let mut onsets: Vec<(i64, i32, i32)> = Vec::new();
        for observance in vtimezone
            .children
            .iter()
            .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
        {
            let offset = |name: &str| observance.property(name).and_then(|p| parse_utc_offset(&p.value));
            let (Some(before), Some(after)) = (offset("TZOFFSETFROM"), offset("TZOFFSETTO")) else {
                continue;
            };
            let Some(start) = observance
                .property("DTSTART")
                .and_then(|p| parse_wall(p.value.trim()))
            else {
                continue;
            };
            let frame = Frame::Clock(Clock::Fixed(before));
            // Rule faults inside a zone are not the events' faults: a rule
            // that cannot be read leaves only the DTSTART onset.
            let rules = read_rules(
                observance.properties_named("RRULE"),
                start,
                frame,
                chrono_tz::UTC,
                &mut Vec::new(),
            );
            let rdates = observance
                .properties_named("RDATE")
                .flat_map(|p| p.value.split(','))
                .filter_map(|v| parse_wall(v.trim()))
                .collect();
            let recurrence = Recurrence {
                line: observance.line,
                start,
                rules: &rules,
                rdates,
                exdates: Vec::new(),
                excluded_days: Vec::new(),
            };
            let walls = occurrence_walls(&recurrence, NaiveDateTime::MIN, horizon, budget).ok()?;
            let (from, to) = (before.local_minus_utc(), after.local_minus_utc());
            onsets.extend(walls.into_iter().map(|wall| (minus_offset(wall, from), from, to)));
        }
        onsets.sort_unstable();
        let &(_, initial, _) = onsets.first()?;
        Some(DefinedZone {
            initial,
            transitions: onsets.into_iter().map(|(at, _, to)| (at, to)).collect(),
        })
    }

    /// Seconds east of UTC at instant `ms`.
    fn offset_at(&self, ms: i64) -> i32 {
        match self.transitions.partition_point(|&(at, _)| at <= ms) {
            0 => self.initial,
            i => self.transitions[i - 1].1,
        }
    }

    pub fn to_wall(&self, ms: i64) -> NaiveDateTime {
        let utc = DateTime::from_timestamp_millis(ms)
            .unwrap_or_default()
            .naive_utc();
        utc + TimeDelta::seconds(self.offset_at(ms).into())
    }

    /// As for IANA zones (RFC 5545 §3.3.5): a wall time in a gap is read
    /// with the offset before the gap, a repeated one as its first occurrence.
    pub fn to_instant(&self, wall: NaiveDateTime) -> i64 {
        let as_utc = wall.and_utc().timestamp_millis();
        let (before, after) = (self.offset_at(as_utc - DAY_MS), self.offset_at(as_utc + DAY_MS));
        let fits = |offset: i32| self.offset_at(minus_offset(wall, offset)) == offset;
        match (fits(before), fits(after)) {
            (true, true) => minus_offset(wall, before).min(minus_offset(wall, after)),
            (false, true) => minus_offset(wall, after),
            _ => minus_offset(wall, before),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::component::components;
    use crate::content_line::content_lines;
    use chrono::{Offset, TimeZone};

    fn zone(observances: &str) -> Option<DefinedZone> {
        let text = format!(
            "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Custom\n{observances}END:VTIMEZONE\nEND:VCALENDAR\n"
        );
        let calendar = components(content_lines(&text)).unwrap().calendars.remove(0);
        DefinedZone::read(
            &calendar.children[0],
            wall("2100-01-01T00:00"),
            &mut Budget::default(),
        )
    }

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    const CENTRAL_EUROPE: &str = "BEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\n\
        TZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n\
        BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\n";

    #[test]
    fn outlook_custom_rules_give_berlins_offsets_every_hour_of_2026_and_2090() {
        let custom = zone(CENTRAL_EUROPE).unwrap();
        let berlin = chrono_tz::Europe::Berlin;
        for start in ["2026-01-01T00:00", "2090-01-01T00:00"] {
            let mut ms = wall(start).and_utc().timestamp_millis();
            for _ in 0..(366 * 24) {
                let utc = DateTime::from_timestamp_millis(ms).unwrap().naive_utc();
                let expected = berlin.offset_from_utc_datetime(&utc).fix().local_minus_utc();
                assert_eq!(custom.offset_at(ms), expected, "{utc}");
                ms += 3_600_000;
            }
        }
    }

    #[test]
    fn gap_and_repeated_wall_times_follow_rfc_5545() {
        let custom = zone(CENTRAL_EUROPE).unwrap();
        let utc = |text: &str| wall(text).and_utc().timestamp_millis();
        // 02:30 does not exist on 2026-03-29: read at +01:00.
        assert_eq!(
            custom.to_instant(wall("2026-03-29T02:30")),
            utc("2026-03-29T01:30")
        );
        // 02:30 happens twice on 2026-10-25: the first is at +02:00.
        assert_eq!(
            custom.to_instant(wall("2026-10-25T02:30")),
            utc("2026-10-25T00:30")
        );
        assert_eq!(custom.to_wall(utc("2026-07-01T10:00")), wall("2026-07-01T12:00"));
    }

    #[test]
    fn rules_no_iana_zone_follows_are_evaluated_as_written() {
        // Daylight time from the last Sunday of March to the last of September.
        let odd = zone(&CENTRAL_EUROPE.replace("BYMONTH=10", "BYMONTH=9")).unwrap();
        let utc = |text: &str| wall(text).and_utc().timestamp_millis();
        assert_eq!(odd.to_wall(utc("2026-10-10T10:00")), wall("2026-10-10T11:00"));
        assert_eq!(odd.to_wall(utc("2026-09-10T10:00")), wall("2026-09-10T12:00"));
    }

    #[test]
    fn a_zone_without_usable_observances_is_not_defined() {
        assert_eq!(zone("BEGIN:STANDARD\nTZOFFSETTO:+0100\nEND:STANDARD\n"), None);
    }
}
