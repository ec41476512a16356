//! Host zone rules: the device's time zone database as the engine's zone
//! rules (docs/time-zones.md, docs/adr/0016).
//!
//! The platform packages implement [`HostZoneRules`] (Kotlin over
//! `java.time.zone.ZoneRules`, Swift over Foundation `TimeZone`) and build a
//! `ZoneDatabase` over it, which they hand to stores and sync jobs.
//! The engine asks once per zone for the offset transitions of the whole
//! span it accepts (the years 1900 to 2200) and keeps the answer, so a
//! window costs no call across the FFI once its zone has been seen.
//!
//! A failing or throwing implementation is never a panic: the zone is
//! refused with `HeatError.InvalidInput` on `timeZone`, naming no data.

use std::fmt;
use std::sync::Arc;

use heat_core::model::zone_rules::host::{HostZoneFault, HostZoneSource};
use heat_core::model::zone_rules::{OffsetTimeline, OffsetTransition};

/// The device's zone database, implemented by the app platform.
#[uniffi::export(with_foreign)]
pub trait HostZoneRules: Send + Sync {
    /// The offsets of `zone_id` over `[from_ms, to_ms)`: the offset in force
    /// at `from_ms` and every change after it, or `None` when the device does
    /// not know the zone. Accept IANA names only (not `+05:00` or `GMT+5`).
    fn offset_transitions(
        &self,
        zone_id: String,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Option<ZoneOffsets>, HostZoneRulesError>;
}

/// A zone's UTC offsets over a span of instants.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ZoneOffsets {
    /// Seconds east of UTC at the start of the span.
    pub initial_offset_seconds: i32,
    /// The changes in the span, in increasing instant order.
    pub transitions: Vec<ZoneOffsetTransition>,
}

/// From `at_ms` on, the zone is `offset_seconds` east of UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ZoneOffsetTransition {
    pub at_ms: i64,
    pub offset_seconds: i32,
}

/// The device could not answer (its implementation threw or gave up).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
pub enum HostZoneRulesError {
    Failed { reason: String },
}

impl fmt::Display for HostZoneRulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostZoneRulesError::Failed { reason } => {
                write!(f, "the device's time zone rules failed: {reason}")
            }
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for HostZoneRulesError {
    fn from(err: uniffi::UnexpectedUniFFICallbackError) -> Self {
        HostZoneRulesError::Failed { reason: err.reason }
    }
}

/// The app's rules as the core's host zone source.
pub(crate) struct HostZoneRulesSource(pub(crate) Arc<dyn HostZoneRules>);

impl HostZoneSource for HostZoneRulesSource {
    fn timeline(
        &self,
        name: &str,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Option<OffsetTimeline>, HostZoneFault> {
        let Some(offsets) = self
            .0
            .offset_transitions(name.to_owned(), from_ms, to_ms)
            .map_err(|_| HostZoneFault::Failed)?
        else {
            return Ok(None);
        };
        let transitions: Vec<OffsetTransition> = offsets
            .transitions
            .iter()
            .map(|t| OffsetTransition {
                at_ms: t.at_ms,
                offset_seconds: t.offset_seconds,
            })
            .collect();
        OffsetTimeline::new(offsets.initial_offset_seconds, &transitions)
            .map(Some)
            .map_err(HostZoneFault::Malformed)
    }
}
