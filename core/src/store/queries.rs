//! What app screens read: events, heat maps, free blocks, day summaries.
//! Each query is one read of the window's rows; heat itself is computed by
//! the pure functions of `heat`.

use crate::error::Result;
use crate::heat::{DaySummary, HeatMap, Occupancy, day_summaries, free_blocks, heat_map};
use crate::model::{CheckedWindow, SourceEvent, TimeRange, TimeWindow, check_scope};

use super::{HeatStore, event_rows};

impl HeatStore {
    /// Stored events overlapping the window, by start then id.
    pub fn events(&self, scope: &str, window: &TimeWindow) -> Result<Vec<SourceEvent>> {
        let window = self.checked(scope, window)?;
        let conn = self.connection();
        let snapshot = conn.unchecked_transaction()?;
        event_rows::source_events(&snapshot, scope, range(&window), &window.zone)
    }

    pub fn heat_map(&self, scope: &str, window: &TimeWindow, slot_minutes: u32) -> Result<HeatMap> {
        let (window, occupancy) = self.occupancy(scope, window)?;
        Ok(heat_map(
            &occupancy,
            window.start_ms,
            window.end_ms,
            slot_minutes,
        )?)
    }

    /// Maximal free intervals of at least `min_minutes`.
    pub fn free_blocks(&self, scope: &str, window: &TimeWindow, min_minutes: u32) -> Result<Vec<TimeRange>> {
        let (window, occupancy) = self.occupancy(scope, window)?;
        Ok(free_blocks(
            &occupancy,
            window.start_ms,
            window.end_ms,
            min_minutes,
        ))
    }

    /// One summary per local day of the window (edge days clipped to it).
    pub fn day_summaries(&self, scope: &str, window: &TimeWindow) -> Result<Vec<DaySummary>> {
        let (window, occupancy) = self.occupancy(scope, window)?;
        Ok(day_summaries(&occupancy, &window.day_parts()))
    }

    fn occupancy(&self, scope: &str, window: &TimeWindow) -> Result<(CheckedWindow, Vec<Occupancy>)> {
        let window = self.checked(scope, window)?;
        let conn = self.connection();
        let snapshot = conn.unchecked_transaction()?;
        let occupancy = event_rows::occupancy(&snapshot, scope, range(&window), &window.zone)?;
        Ok((window, occupancy))
    }

    fn checked(&self, scope: &str, window: &TimeWindow) -> Result<CheckedWindow> {
        check_scope(scope)?;
        Ok(window.check(&self.zones)?)
    }
}

fn range(window: &CheckedWindow) -> (i64, i64) {
    (window.start_ms, window.end_ms)
}
