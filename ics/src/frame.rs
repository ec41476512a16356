//! The frame of reference of a series: floating dates (all-day) or a wall
//! clock. Recurrences are expanded on the wall clock (09:00 stays 09:00
//! across a DST change) and only then turned into instants.

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;

use heat_core::model::EventTime;

use crate::values::{Length, Stamp};
use crate::zones::Clock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame<'z> {
    /// `DTSTART;VALUE=DATE`: whole floating days; walls are midnights.
    Date,
    Clock(Clock<'z>),
}

impl<'z> Frame<'z> {
    pub fn of(stamp: Stamp<'z>) -> Frame<'z> {
        match stamp {
            Stamp::Date(_) => Frame::Date,
            Stamp::DateTime(_, clock) => Frame::Clock(clock),
        }
    }

    /// `stamp` as a wall time of this frame (a date as its midnight; another
    /// clock's time converted through its instant).
    pub fn wall_of(self, stamp: Stamp<'_>, window_zone: Tz) -> NaiveDateTime {
        match (self, stamp) {
            (_, Stamp::Date(date)) => date.and_time(NaiveTime::MIN),
            (Frame::Date, Stamp::DateTime(wall, _)) => wall.date().and_time(NaiveTime::MIN),
            (Frame::Clock(mine), Stamp::DateTime(wall, theirs)) if mine == theirs => wall,
            (Frame::Clock(mine), Stamp::DateTime(wall, theirs)) => {
                mine.to_wall(theirs.to_instant(wall, window_zone), window_zone)
            }
        }
    }

    /// The event time of an occurrence starting at `wall` and lasting `length`.
    pub fn event_time(self, wall: NaiveDateTime, length: Length, window_zone: Tz) -> EventTime {
        match self {
            Frame::Date => {
                let start = wall.date();
                let end = start + TimeDelta::days(length.days.max(1));
                EventTime::AllDay {
                    start_date: start.format("%Y-%m-%d").to_string(),
                    end_date: end.format("%Y-%m-%d").to_string(),
                }
            }
            Frame::Clock(clock) => {
                let start_ms = clock.to_instant(wall, window_zone);
                let end_ms = clock.to_instant(wall + TimeDelta::days(length.days), window_zone)
                    + length.seconds * 1_000;
                EventTime::Timed { start_ms, end_ms }
            }
        }
    }

    /// How an occurrence starting (originally) at `wall` is named in its id:
    /// the date for all-day series, the wall time for floating ones (they
    /// move with the window's zone), the UTC instant otherwise.
    pub fn occurrence_key(self, wall: NaiveDateTime, window_zone: Tz) -> String {
        match self {
            Frame::Date => wall.format("%Y-%m-%d").to_string(),
            Frame::Clock(Clock::Floating) => wall.format("%Y-%m-%dT%H:%M:%S").to_string(),
            Frame::Clock(clock) => {
                let utc = Clock::Utc.to_wall(clock.to_instant(wall, window_zone), window_zone);
                utc.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            }
        }
    }
}
