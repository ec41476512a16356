//! Heat maps: the window cut into slots, each with its summed weight.

use crate::error::InvalidInput;
use crate::limits::{MAX_SLOTS, MIN_SLOT_MINUTES};

use super::{MS_PER_MINUTE, Occupancy, busy_ms};

#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    pub slot_minutes: u32,
    /// Length of the union of occupied time, in minutes.
    pub busy_minutes: f64,
    pub slots: Vec<HeatSlot>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeatSlot {
    pub start_ms: i64,
    /// `Σ weight · |event ∩ slot| / |slot|`; 2.0 means double-booked.
    pub heat: f64,
}

/// Slots start at `from_ms`; the last one may be shorter.
pub fn heat_map(
    occupancy: &[Occupancy],
    from_ms: i64,
    to_ms: i64,
    slot_minutes: u32,
) -> Result<HeatMap, InvalidInput> {
    if slot_minutes < MIN_SLOT_MINUTES {
        return Err(InvalidInput::new(
            "slotMinutes",
            format!("must be at least {MIN_SLOT_MINUTES}"),
        ));
    }
    let slot_ms = i64::from(slot_minutes) * 60_000;
    let count = (to_ms - from_ms + slot_ms - 1) / slot_ms;
    if count > MAX_SLOTS {
        return Err(InvalidInput::new(
            "slotMinutes",
            format!("the map would have more than {MAX_SLOTS} slots"),
        ));
    }
    // Σ weight_halves · overlap_ms per slot, exact.
    let mut weighted = vec![0_i64; count as usize];
    for occ in occupancy {
        let Some((start, end)) = occ.clipped(from_ms, to_ms) else {
            continue;
        };
        let first = (start - from_ms) / slot_ms;
        let last = (end - 1 - from_ms) / slot_ms;
        for slot in first..=last {
            let slot_start = from_ms + slot * slot_ms;
            let overlap = end.min(slot_start + slot_ms) - start.max(slot_start);
            weighted[slot as usize] += i64::from(occ.weight_halves) * overlap;
        }
    }
    let slots = weighted
        .iter()
        .enumerate()
        .map(|(slot, &sum)| {
            let start_ms = from_ms + slot as i64 * slot_ms;
            let len = (start_ms + slot_ms).min(to_ms) - start_ms;
            HeatSlot {
                start_ms,
                heat: sum as f64 / (2 * len) as f64,
            }
        })
        .collect();
    Ok(HeatMap {
        slot_minutes,
        busy_minutes: busy_ms(occupancy, from_ms, to_ms) as f64 / MS_PER_MINUTE,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    fn occ(start_min: i64, end_min: i64, weight_halves: u8) -> Occupancy {
        Occupancy {
            start_ms: start_min * MIN,
            end_ms: end_min * MIN,
            weight_halves,
        }
    }

    #[test]
    fn double_booking_tentative_and_a_short_last_slot() {
        // 0-90 min busy twice over 30-60; tentative 90-100; window 0-100, 60-min slots.
        let events = [occ(0, 60, 2), occ(30, 90, 2), occ(90, 100, 1), occ(10, 20, 0)];
        let map = heat_map(&events, 0, 100 * MIN, 60).unwrap();
        assert_eq!(map.slots.len(), 2);
        assert_eq!(map.slots[0].heat, 1.5); // 60 + 30 busy minutes over 60
        assert_eq!(map.slots[1].heat, 0.875); // (30 busy + 10 × 0.5) / 40
        assert_eq!(map.busy_minutes, 100.0);
    }

    #[test]
    fn zero_length_events_add_no_heat() {
        let map = heat_map(&[occ(5, 5, 2)], 0, 60 * MIN, 15).unwrap();
        assert!(map.slots.iter().all(|s| s.heat == 0.0));
    }

    #[test]
    fn rejects_zero_and_too_fine_slots() {
        assert_eq!(heat_map(&[], 0, MIN, 0).unwrap_err().field, "slotMinutes");
        assert!(heat_map(&[], 0, 200_000 * MIN, 1).is_err());
    }
}
