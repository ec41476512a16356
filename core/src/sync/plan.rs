//! Which windows a run reconciles, and in what order: what the user looks at
//! first (the week from today), then the rest of the future, then the past,
//! newest first. A run cut short by the budget or the OS has done the
//! windows that matter most.

use chrono::{Days, NaiveDate};

use crate::error::InvalidInput;
use crate::limits::{MAX_SYNC_DAYS, MAX_WINDOW_DAYS};
use crate::model::zone_rules::ZoneDatabase;
use crate::model::{TimeWindow, Zone, check_scope, parse_date};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncPlan {
    pub scope: String,
    /// IANA name; local days of this zone cut the windows.
    pub time_zone: String,
    /// The device's local date, `YYYY-MM-DD`.
    pub today: String,
    pub past_days: u32,
    pub future_days: u32,
    pub window_days: u32,
    pub budget_millis: u64,
}

impl SyncPlan {
    /// The defaults of the contract, the one place they are written: a
    /// week back, six weeks ahead, in weeks, within a minute.
    pub fn new(scope: &str, time_zone: &str, today: &str) -> Self {
        SyncPlan {
            scope: scope.to_owned(),
            time_zone: time_zone.to_owned(),
            today: today.to_owned(),
            past_days: 7,
            future_days: 42,
            window_days: 7,
            budget_millis: 60_000,
        }
    }

    /// The windows of a run, in run order; why the plan is invalid otherwise.
    /// A local day that the zone skipped (Pacific/Apia's 2011-12-30) has no
    /// time in it: a window made only of such days is left out. `zones`
    /// resolves the plan's zone.
    pub fn windows(&self, zones: &ZoneDatabase) -> Result<Vec<TimeWindow>, InvalidInput> {
        check_scope(&self.scope)?;
        let zone = zones.zone(&self.time_zone, "timeZone")?;
        let today = parse_date(&self.today, "today")?;
        if self.window_days == 0 || i64::from(self.window_days) > MAX_WINDOW_DAYS {
            return Err(InvalidInput::new(
                "windowDays",
                format!("must be 1 to {MAX_WINDOW_DAYS}"),
            ));
        }
        for (field, days) in [("pastDays", self.past_days), ("futureDays", self.future_days)] {
            if days > MAX_SYNC_DAYS {
                return Err(InvalidInput::new(
                    field,
                    format!("must be at most {MAX_SYNC_DAYS}"),
                ));
            }
        }
        if self.past_days == 0 && self.future_days == 0 {
            return Err(InvalidInput::new("pastDays + futureDays", "must be at least 1"));
        }
        let mut windows = Vec::new();
        let mut offset = 0;
        while offset < self.future_days {
            let days = self.window_days.min(self.future_days - offset);
            windows.extend(window(zones, &zone, shift(today, i64::from(offset))?, days)?);
            offset += days;
        }
        let mut back = 0;
        while back < self.past_days {
            let days = self.window_days.min(self.past_days - back);
            back += days;
            windows.extend(window(zones, &zone, shift(today, -i64::from(back))?, days)?);
        }
        Ok(windows)
    }
}

/// `days` local days from `start`; `None` when the zone skipped them all.
fn window(
    zones: &ZoneDatabase,
    zone: &Zone,
    start: NaiveDate,
    days: u32,
) -> Result<Option<TimeWindow>, InvalidInput> {
    let window = TimeWindow::of_local_days(zone, start, shift(start, i64::from(days))?);
    if window.start_ms == window.end_ms {
        return Ok(None);
    }
    window.check(zones)?;
    Ok(Some(window))
}

fn shift(date: NaiveDate, days: i64) -> Result<NaiveDate, InvalidInput> {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.ok_or_else(|| InvalidInput::new("today", "too far from the present"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones() -> ZoneDatabase {
        ZoneDatabase::bundled()
    }

    fn starts(plan: &SyncPlan) -> Vec<(String, i64)> {
        let zone = zones().zone(&plan.time_zone, "timeZone").unwrap();
        plan.windows(&zones())
            .unwrap()
            .iter()
            .map(|w| {
                let days = (0..).take_while(|&d| {
                    zone.day_start_ms(shift(zone.date_of(w.start_ms), d).unwrap()) < w.end_ms
                });
                (zone.date_of(w.start_ms).to_string(), days.count() as i64)
            })
            .collect()
    }

    #[test]
    fn future_in_order_then_past_newest_first_with_short_edges() {
        let plan = SyncPlan {
            past_days: 10,
            future_days: 16,
            ..SyncPlan::new("me", "Europe/Berlin", "2026-11-30")
        };
        let expected = [
            ("2026-11-30", 7),
            ("2026-12-07", 7),
            ("2026-12-14", 2),
            ("2026-11-23", 7),
            ("2026-11-20", 3),
        ];
        let expected: Vec<(String, i64)> = expected.iter().map(|(d, n)| ((*d).into(), *n)).collect();
        assert_eq!(starts(&plan), expected);
    }

    #[test]
    fn the_defaults_give_six_future_weeks_and_one_past_week() {
        let windows = SyncPlan::new("me", "UTC", "2026-11-30")
            .windows(&zones())
            .unwrap();
        assert_eq!(windows.len(), 7);
        assert_eq!(windows[6].end_ms, windows[0].start_ms);
    }

    #[test]
    fn invalid_plans_are_refused_with_the_field() {
        let base = SyncPlan::new("me", "Europe/Berlin", "2026-11-30");
        let reason = |plan: SyncPlan| plan.windows(&zones()).unwrap_err().to_string();
        assert!(
            reason(SyncPlan {
                window_days: 0,
                ..base.clone()
            })
            .starts_with("windowDays")
        );
        assert!(
            reason(SyncPlan {
                past_days: 0,
                future_days: 0,
                ..base.clone()
            })
            .starts_with("pastDays")
        );
        assert!(
            reason(SyncPlan {
                time_zone: "Mars/Base".into(),
                ..base.clone()
            })
            .contains("timeZone")
        );
        assert!(
            reason(SyncPlan {
                today: "2026-02-30".into(),
                ..base.clone()
            })
            .contains("today")
        );
        assert!(
            reason(SyncPlan {
                scope: String::new(),
                ..base
            })
            .contains("scope")
        );
    }

    #[test]
    fn day_counts_at_the_limit_are_checked_before_they_are_added() {
        let huge = SyncPlan {
            past_days: u32::MAX,
            future_days: u32::MAX,
            ..SyncPlan::new("me", "UTC", "2026-11-30")
        };
        assert_eq!(huge.windows(&zones()).unwrap_err().field, "pastDays");
    }

    #[test]
    fn a_day_the_zone_skipped_does_not_make_the_plan_invalid() {
        // Samoa skipped 2011-12-30 (from UTC-10 to UTC+14).
        for today in ["2011-12-30", "2011-12-29", "2011-12-31"] {
            let plan = SyncPlan {
                past_days: 3,
                future_days: 3,
                window_days: 1,
                ..SyncPlan::new("me", "Pacific/Apia", today)
            };
            let windows = plan.windows(&zones()).unwrap_or_else(|e| panic!("{today}: {e}"));
            assert_eq!(windows.len(), 5, "{today}: the skipped day is no window");
            assert!(windows.iter().all(|w| w.start_ms < w.end_ms));
        }
    }
}
