//! The window as the user sees it: instants placed on the local clock of
//! the window's time zone, for every human-facing and JSON rendering.

use chrono::{LocalResult, NaiveDateTime};
use heat_core::ZoneDatabase;
use heat_core::model::{CheckedWindow, DayPart};
use heat_core::{InvalidInput, TimeWindow};

#[derive(Debug, Clone)]
pub struct LocalWindow {
    checked: CheckedWindow,
}

/// Whether a local wall-clock time occurs once, or is the first or second
/// pass through the hour that repeats when clocks go back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockPass {
    Once,
    First,
    Second,
}

impl LocalWindow {
    pub fn new(window: &TimeWindow) -> Result<Self, InvalidInput> {
        Ok(LocalWindow {
            checked: window.check(&ZoneDatabase::bundled())?,
        })
    }

    pub fn window(&self) -> TimeWindow {
        self.checked.to_window()
    }

    pub fn zone_name(&self) -> &str {
        self.checked.zone.name()
    }

    pub fn end_ms(&self) -> i64 {
        self.checked.end_ms
    }

    /// The local days of the window, edge days clipped to it.
    pub fn days(&self) -> Vec<DayPart> {
        self.checked.day_parts()
    }

    pub fn local(&self, ms: i64) -> NaiveDateTime {
        self.checked.zone.local_at(ms).naive_local()
    }

    pub fn clock_pass(&self, ms: i64) -> ClockPass {
        match self.checked.zone.instants_of_local(self.local(ms)) {
            LocalResult::Ambiguous(first, _) if first == ms => ClockPass::First,
            LocalResult::Ambiguous(..) => ClockPass::Second,
            _ => ClockPass::Once,
        }
    }

    /// RFC 3339 with the zone's offset at that instant (JSON output).
    pub fn rfc3339(&self, ms: i64) -> String {
        self.checked.zone.format_rfc3339(ms)
    }

    /// `Mon 19 Oct 09:00`, for people.
    pub fn short(&self, ms: i64) -> String {
        self.local(ms).format("%a %d %b %H:%M").to_string()
    }
}
