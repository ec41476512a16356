//! Heat maps and day summaries: what calendar screens draw.

use heat_core::heat;

/// The window cut into slots of `slotMinutes` from its start (the last slot
/// may be shorter).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct HeatMap {
    pub slot_minutes: i32,
    /// Length of the union of occupied time (overlaps counted once).
    pub busy_minutes: f64,
    pub slots: Vec<HeatSlot>,
}

#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct HeatSlot {
    pub start_ms: i64,
    /// `Σ weight · |event ∩ slot| / |slot|`: 1.0 busy, 2.0 double-booked.
    pub heat: f64,
}

/// One local day of the window (edge days clipped to it).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DaySummary {
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    pub busy_minutes: f64,
    /// Events of weight > 0 overlapping the day.
    pub event_count: i32,
    /// Highest summed weight at any instant of the day.
    pub peak_heat: f64,
    pub longest_free_minutes: f64,
}

impl From<heat::HeatMap> for HeatMap {
    fn from(map: heat::HeatMap) -> Self {
        HeatMap {
            slot_minutes: saturating_i32(map.slot_minutes),
            busy_minutes: map.busy_minutes,
            slots: map.slots.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<heat::HeatSlot> for HeatSlot {
    fn from(slot: heat::HeatSlot) -> Self {
        HeatSlot {
            start_ms: slot.start_ms,
            heat: slot.heat,
        }
    }
}

impl From<heat::DaySummary> for DaySummary {
    fn from(day: heat::DaySummary) -> Self {
        DaySummary {
            date: day.date,
            busy_minutes: day.busy_minutes,
            event_count: saturating_i32(day.event_count),
            peak_heat: day.peak_heat,
            longest_free_minutes: day.longest_free_minutes,
        }
    }
}

fn saturating_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
