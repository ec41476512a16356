//! `SyncPlan`: which days a run covers, in windows of how many days, within
//! what time. Defaults are the contract's: a week back, six weeks ahead.

use heat_core::sync;

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncPlan {
    pub scope: String,
    /// IANA name (`Europe/Berlin`): the device's zone.
    pub time_zone: String,
    /// The device's local date, `YYYY-MM-DD`.
    pub today: String,
    #[uniffi(default = 7)]
    pub past_days: i32,
    #[uniffi(default = 42)]
    pub future_days: i32,
    #[uniffi(default = 7)]
    pub window_days: i32,
    #[uniffi(default = 60000)]
    pub budget_millis: i64,
}

impl TryFrom<SyncPlan> for sync::SyncPlan {
    /// Why the plan is invalid.
    type Error = String;

    fn try_from(plan: SyncPlan) -> Result<Self, String> {
        let count = |value: i32, field: &str| {
            u32::try_from(value).map_err(|_| format!("{field}: must not be negative"))
        };
        Ok(sync::SyncPlan {
            past_days: count(plan.past_days, "pastDays")?,
            future_days: count(plan.future_days, "futureDays")?,
            window_days: count(plan.window_days, "windowDays")?,
            budget_millis: u64::try_from(plan.budget_millis)
                .map_err(|_| "budgetMillis: must not be negative".to_owned())?,
            scope: plan.scope,
            time_zone: plan.time_zone,
            today: plan.today,
        })
    }
}
