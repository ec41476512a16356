//! `SyncPlan`: which days a run covers, in windows of how many days, within
//! what time. The defaults are written once, in the core: Swift and Kotlin
//! start from `defaultSyncPlan` and change only what they must.

use heat_core::{InvalidInput, sync};

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncPlan {
    pub scope: String,
    /// IANA name (`Europe/Berlin`): the device's zone.
    pub time_zone: String,
    /// The device's local date, `YYYY-MM-DD`.
    pub today: String,
    pub past_days: i32,
    pub future_days: i32,
    pub window_days: i32,
    pub budget_millis: i64,
}

/// The contract's plan for a device: a week back, six weeks ahead, in
/// weeks, within a minute (`docs/contract.md` "Sync job").
#[uniffi::export]
pub fn default_sync_plan(scope: String, time_zone: String, today: String) -> SyncPlan {
    sync::SyncPlan::new(&scope, &time_zone, &today).into()
}

impl From<sync::SyncPlan> for SyncPlan {
    fn from(plan: sync::SyncPlan) -> Self {
        let signed = |days: u32| i32::try_from(days).unwrap_or(i32::MAX);
        SyncPlan {
            past_days: signed(plan.past_days),
            future_days: signed(plan.future_days),
            window_days: signed(plan.window_days),
            budget_millis: i64::try_from(plan.budget_millis).unwrap_or(i64::MAX),
            scope: plan.scope,
            time_zone: plan.time_zone,
            today: plan.today,
        }
    }
}

impl TryFrom<SyncPlan> for sync::SyncPlan {
    /// Which field is invalid, and why.
    type Error = InvalidInput;

    fn try_from(plan: SyncPlan) -> Result<Self, InvalidInput> {
        let count = |value: i32, field: &str| {
            u32::try_from(value).map_err(|_| InvalidInput::new(field, "must not be negative"))
        };
        Ok(sync::SyncPlan {
            past_days: count(plan.past_days, "pastDays")?,
            future_days: count(plan.future_days, "futureDays")?,
            window_days: count(plan.window_days, "windowDays")?,
            budget_millis: u64::try_from(plan.budget_millis)
                .map_err(|_| InvalidInput::new("budgetMillis", "must not be negative"))?,
            scope: plan.scope,
            time_zone: plan.time_zone,
            today: plan.today,
        })
    }
}
