//! Zone rules supplied by the host platform (java.time on Android,
//! Foundation `TimeZone` on iOS), one offset timeline per zone.
//!
//! The host answers one question per zone: its offset transitions over the
//! whole span the engine accepts (the years 1900 to 2200, `crate::limits`).
//! The answer is checked and kept by the [`ZoneDatabase`](super::ZoneDatabase)
//! that asked, and shared by every window in that zone, so a window costs no
//! call to the host once its zone has been seen (docs/adr/0016).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::{OffsetTimeline, offset_timeline::TimelineFault};
use crate::limits::{MAX_INSTANT_MS, MIN_INSTANT_MS};

/// Two days of margin on each side of the accepted instants: resolving a
/// local midnight at the limits looks up to a day beyond them.
const MARGIN_MS: i64 = 2 * 86_400_000;
/// The span every host zone is fetched for.
pub const FETCH_FROM_MS: i64 = MIN_INSTANT_MS - MARGIN_MS;
pub const FETCH_TO_MS: i64 = MAX_INSTANT_MS + MARGIN_MS;

/// Why the host could not supply a zone's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostZoneFault {
    /// The host's implementation failed (threw, or reported an error).
    Failed,
    /// The host's answer was not a valid timeline.
    Malformed(TimelineFault),
}

/// The host platform's zone database.
pub trait HostZoneSource: Send + Sync {
    /// The offsets of zone `name` over `[from_ms, to_ms)`, or `None` when
    /// the host does not know the zone.
    fn timeline(&self, name: &str, from_ms: i64, to_ms: i64)
    -> Result<Option<OffsetTimeline>, HostZoneFault>;
}

/// A zone the host knows, with its rules.
#[derive(Debug, PartialEq, Eq)]
pub struct HostZone {
    pub name: String,
    pub timeline: OffsetTimeline,
}

/// What the host says about one zone name.
pub enum Lookup {
    Unknown,
    Failed(HostZoneFault),
    Found(Arc<HostZone>),
}

/// A host source and the zones it has answered so far.
pub struct HostRules {
    source: Arc<dyn HostZoneSource>,
    zones: Mutex<HashMap<String, Arc<HostZone>>>,
}

impl HostRules {
    pub fn new(source: Arc<dyn HostZoneSource>) -> Self {
        HostRules {
            source,
            zones: Mutex::new(HashMap::new()),
        }
    }

    /// The host's rules for `name`, asking the host on first use. A failed
    /// or unknown zone is not remembered: the next lookup asks again.
    pub fn lookup(&self, name: &str) -> Lookup {
        let known = self
            .zones
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(name)
            .cloned();
        if let Some(zone) = known {
            return Lookup::Found(zone);
        }
        // The host is called without holding the lock; two threads meeting a
        // new zone at once both ask, and the first answer is kept.
        match self.source.timeline(name, FETCH_FROM_MS, FETCH_TO_MS) {
            Ok(Some(timeline)) => {
                let mut zones = self.zones.lock().unwrap_or_else(PoisonError::into_inner);
                let zone = zones.entry(name.to_owned()).or_insert_with(|| {
                    Arc::new(HostZone {
                        name: name.to_owned(),
                        timeline,
                    })
                });
                Lookup::Found(Arc::clone(zone))
            }
            Ok(None) => Lookup::Unknown,
            Err(fault) => Lookup::Failed(fault),
        }
    }
}
