//! Per-day summaries for calendar screens: one row per local day.

use crate::model::{DayPart, interval_overlaps};

use super::{MS_PER_MINUTE, Occupancy, busy_ms, free_blocks};

#[derive(Debug, Clone, PartialEq)]
pub struct DaySummary {
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    pub busy_minutes: f64,
    /// Events of weight > 0 overlapping the day (what occupies it).
    pub event_count: u32,
    /// Highest summed weight at any instant of the day.
    pub peak_heat: f64,
    pub longest_free_minutes: f64,
}

/// One summary per day part (days clipped to the window).
pub fn day_summaries(occupancy: &[Occupancy], days: &[DayPart]) -> Vec<DaySummary> {
    days.iter()
        .map(|day| {
            let (from, to) = (day.start_ms, day.end_ms);
            let event_count = occupancy
                .iter()
                .filter(|o| o.weight_halves > 0 && interval_overlaps(o.start_ms, o.end_ms, from, to))
                .count();
            let longest_free_ms = free_blocks(occupancy, from, to, 0)
                .iter()
                .map(|b| b.end_ms - b.start_ms)
                .max()
                .unwrap_or(0);
            DaySummary {
                date: day.date.format("%Y-%m-%d").to_string(),
                busy_minutes: busy_ms(occupancy, from, to) as f64 / MS_PER_MINUTE,
                event_count: u32::try_from(event_count).unwrap_or(u32::MAX),
                peak_heat: f64::from(peak_halves(occupancy, from, to)) / 2.0,
                longest_free_minutes: longest_free_ms as f64 / MS_PER_MINUTE,
            }
        })
        .collect()
}

/// Sweep line over clipped intervals; an end at `t` is processed before a
/// start at `t` (back-to-back meetings are not a double booking).
fn peak_halves(occupancy: &[Occupancy], from_ms: i64, to_ms: i64) -> u32 {
    let mut edges: Vec<(i64, i32)> = Vec::new();
    for occ in occupancy {
        if let Some((start, end)) = occ.clipped(from_ms, to_ms) {
            let w = i32::from(occ.weight_halves);
            edges.push((start, w));
            edges.push((end, -w));
        }
    }
    edges.sort_unstable();
    let (mut level, mut peak) = (0_i32, 0_i32);
    for (_, delta) in edges {
        level += delta;
        peak = peak.max(level);
    }
    peak.unsigned_abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::zone_rules::ZoneDatabase;

    #[test]
    fn summarises_each_day_part() {
        let utc = ZoneDatabase::bundled().zone("UTC", "tz").unwrap();
        let hour = 3_600_000;
        let days = utc.day_parts(0, 48 * hour);
        let events = [
            Occupancy {
                start_ms: 9 * hour,
                end_ms: 11 * hour,
                weight_halves: 2,
            },
            Occupancy {
                start_ms: 10 * hour,
                end_ms: 12 * hour,
                weight_halves: 1,
            },
            Occupancy {
                start_ms: 12 * hour,
                end_ms: 13 * hour,
                weight_halves: 2,
            },
            Occupancy {
                start_ms: 14 * hour,
                end_ms: 15 * hour,
                weight_halves: 0,
            },
        ];
        let summaries = day_summaries(&events, &days);
        assert_eq!(summaries[0].date, "1970-01-01");
        assert_eq!(summaries[0].busy_minutes, 240.0);
        assert_eq!(summaries[0].event_count, 3);
        assert_eq!(summaries[0].peak_heat, 1.5);
        assert_eq!(summaries[0].longest_free_minutes, 11.0 * 60.0);
        assert_eq!(summaries[1].busy_minutes, 0.0);
        assert_eq!(summaries[1].longest_free_minutes, 24.0 * 60.0);
    }
}
