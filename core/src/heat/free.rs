//! Busy time (the union of occupied intervals) and the free blocks between.

use crate::model::{TimeRange, merge_intervals};

use super::Occupancy;

/// Occupied intervals clipped to `[from_ms, to_ms)`, merged and sorted.
fn merged(occupancy: &[Occupancy], from_ms: i64, to_ms: i64) -> Vec<(i64, i64)> {
    merge_intervals(occupancy.iter().filter_map(|o| o.clipped(from_ms, to_ms)))
}

/// Milliseconds of `[from_ms, to_ms)` covered by at least one event of
/// weight > 0; overlaps count once.
pub fn busy_ms(occupancy: &[Occupancy], from_ms: i64, to_ms: i64) -> i64 {
    merged(occupancy, from_ms, to_ms).iter().map(|(s, e)| e - s).sum()
}

/// Maximal uncovered intervals of `[from_ms, to_ms)` at least `min_minutes` long.
pub fn free_blocks(occupancy: &[Occupancy], from_ms: i64, to_ms: i64, min_minutes: u32) -> Vec<TimeRange> {
    let min_ms = i64::from(min_minutes) * 60_000;
    let mut blocks = Vec::new();
    let mut cursor = from_ms;
    for (start, end) in merged(occupancy, from_ms, to_ms)
        .into_iter()
        .chain([(to_ms, to_ms)])
    {
        if start > cursor && start - cursor >= min_ms {
            blocks.push(TimeRange {
                start_ms: cursor,
                end_ms: start,
            });
        }
        cursor = cursor.max(end);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ(start: i64, end: i64, weight_halves: u8) -> Occupancy {
        Occupancy {
            start_ms: start,
            end_ms: end,
            weight_halves,
        }
    }

    #[test]
    fn busy_counts_overlaps_once_and_ignores_weightless_events() {
        let events = [occ(0, 10, 2), occ(5, 15, 1), occ(20, 30, 0), occ(-5, 2, 2)];
        assert_eq!(busy_ms(&events, 0, 100), 15);
    }

    #[test]
    fn free_blocks_are_maximal_and_respect_the_minimum() {
        let min = 60_000;
        let events = [
            occ(10 * min, 20 * min, 2),
            occ(15 * min, 25 * min, 1),
            occ(30 * min, 31 * min, 0),
        ];
        let blocks = free_blocks(&events, 0, 60 * min, 10);
        assert_eq!(
            blocks,
            vec![
                TimeRange {
                    start_ms: 0,
                    end_ms: 10 * min
                },
                TimeRange {
                    start_ms: 25 * min,
                    end_ms: 60 * min
                }
            ]
        );
        assert_eq!(free_blocks(&events, 0, 60 * min, 11).len(), 1);
        assert_eq!(free_blocks(&[], 0, 60 * min, 0).len(), 1);
    }
}
