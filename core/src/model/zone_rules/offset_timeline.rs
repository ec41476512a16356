//! A zone's rules as a list of offset changes over a span of instants: the
//! shape host platforms can hand over in one call (docs/time-zones.md).

use chrono::{LocalResult, NaiveDateTime};

use super::ZoneRules;

/// The largest UTC offset a timeline may hold: ±18 hours, java.time's bound,
/// beyond every offset ever observed; local-time resolution searches within it.
pub const MAX_OFFSET_SECONDS: i32 = 18 * 3600;

/// The offset in force from `at_ms` (inclusive) until the next transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetTransition {
    pub at_ms: i64,
    pub offset_seconds: i32,
}

/// A zone's UTC offsets: `initial_offset_seconds` before the first
/// transition, then each transition's offset from its instant on. Outside
/// the span it was fetched for, the nearest known offset holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetTimeline {
    initial_offset_seconds: i32,
    transitions: Vec<OffsetTransition>,
}

/// Why host-supplied transitions were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineFault {
    OffsetOutOfRange,
    TransitionsOutOfOrder,
}

impl OffsetTimeline {
    /// Checks and normalizes host data: offsets within ±18 hours, instants
    /// strictly increasing; transitions that keep the offset (a change of
    /// DST flag or abbreviation only) are dropped.
    pub fn new(initial_offset_seconds: i32, transitions: &[OffsetTransition]) -> Result<Self, TimelineFault> {
        let in_range = |o: i32| (-MAX_OFFSET_SECONDS..=MAX_OFFSET_SECONDS).contains(&o);
        if !in_range(initial_offset_seconds) || !transitions.iter().all(|t| in_range(t.offset_seconds)) {
            return Err(TimelineFault::OffsetOutOfRange);
        }
        if transitions.windows(2).any(|w| w[0].at_ms >= w[1].at_ms) {
            return Err(TimelineFault::TransitionsOutOfOrder);
        }
        let mut kept: Vec<OffsetTransition> = Vec::with_capacity(transitions.len());
        let mut current = initial_offset_seconds;
        for t in transitions {
            if t.offset_seconds != current {
                kept.push(*t);
                current = t.offset_seconds;
            }
        }
        Ok(OffsetTimeline {
            initial_offset_seconds,
            transitions: kept,
        })
    }

    pub fn transitions(&self) -> &[OffsetTransition] {
        &self.transitions
    }

    /// The index of the period holding `utc_ms`: 0 before the first
    /// transition, k from the k-th transition (1-based) on.
    fn period_of(&self, utc_ms: i64) -> usize {
        self.transitions.partition_point(|t| t.at_ms <= utc_ms)
    }

    fn period_offset(&self, period: usize) -> i32 {
        match period {
            0 => self.initial_offset_seconds,
            k => self.transitions[k - 1].offset_seconds,
        }
    }
}

impl ZoneRules for OffsetTimeline {
    fn offset_seconds_at(&self, utc_ms: i64) -> i32 {
        self.period_offset(self.period_of(utc_ms))
    }

    fn instants_of_local(&self, local: NaiveDateTime) -> LocalResult<i64> {
        let local_ms = local.and_utc().timestamp_millis();
        let reach = i64::from(MAX_OFFSET_SECONDS) * 1000;
        // A period can show `local` only if its instant `local - offset`
        // lies in it; offsets are bounded, so only periods near `local` can.
        // Candidates come out in period order, which is instant order.
        let mut found = (None, None);
        for period in self.period_of(local_ms - reach)..=self.period_of(local_ms + reach) {
            let instant = local_ms - i64::from(self.period_offset(period)) * 1000;
            if self.period_of(instant) == period {
                found = match found {
                    (None, _) => (Some(instant), None),
                    (first, _) => (first, Some(instant)),
                };
            }
        }
        match found {
            (Some(first), Some(last)) => LocalResult::Ambiguous(first, last),
            (Some(only), None) => LocalResult::Single(only),
            _ => LocalResult::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const HOUR_MS: i64 = 3_600_000;

    fn at(h: i64, offset_hours: i32) -> OffsetTransition {
        OffsetTransition {
            at_ms: h * HOUR_MS,
            offset_seconds: offset_hours * 3600,
        }
    }

    fn local(hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(1970, 1, 2)
            .unwrap()
            .and_hms_opt(hour, 30, 0)
            .unwrap()
    }

    /// +1 until 1970-01-02T01:00Z, +2 until 05:00Z, then +1 again.
    fn spring_and_fall() -> OffsetTimeline {
        OffsetTimeline::new(3600, &[at(25, 2), at(29, 1)]).unwrap()
    }

    #[test]
    fn offsets_change_at_the_transition_instant() {
        let t = spring_and_fall();
        assert_eq!(t.offset_seconds_at(25 * HOUR_MS - 1), 3600);
        assert_eq!(t.offset_seconds_at(25 * HOUR_MS), 7200);
        assert_eq!(t.offset_seconds_at(i64::MAX / 2), 3600);
    }

    #[test]
    fn local_times_resolve_to_one_none_or_two_instants() {
        let t = spring_and_fall();
        // 01:30 local is before the change (00:30Z); 02:30 is skipped.
        assert_eq!(
            t.instants_of_local(local(1)),
            LocalResult::Single(24 * HOUR_MS + HOUR_MS / 2)
        );
        assert_eq!(t.instants_of_local(local(2)), LocalResult::None);
        // 06:30 local happens at 04:30Z (+2) and 05:30Z (+1).
        assert_eq!(
            t.instants_of_local(local(6)),
            LocalResult::Ambiguous(28 * HOUR_MS + HOUR_MS / 2, 29 * HOUR_MS + HOUR_MS / 2)
        );
    }

    #[test]
    fn transitions_that_keep_the_offset_are_dropped() {
        let t = OffsetTimeline::new(3600, &[at(1, 1), at(2, 2), at(3, 2)]).unwrap();
        assert_eq!(t.transitions(), &[at(2, 2)]);
    }

    #[test]
    fn malformed_host_data_is_refused() {
        assert_eq!(
            OffsetTimeline::new(0, &[at(2, 1), at(1, 0)]),
            Err(TimelineFault::TransitionsOutOfOrder)
        );
        assert_eq!(
            OffsetTimeline::new(0, &[at(1, 19)]),
            Err(TimelineFault::OffsetOutOfRange)
        );
    }
}
