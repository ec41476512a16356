//! Zone rules supplied by the host platform, registered once at start-up.
//!
//! The host answers one question per zone: its offset transitions over the
//! whole span the engine accepts (the years 1900 to 2200, `crate::limits`).
//! The answer is checked, kept for the life of the registration, and shared
//! by every window in that zone, so a window costs no call to the host once
//! its zone has been seen (docs/time-zones.md, docs/adr/0016).
//!
//! A zone's rules are leaked (`&'static`) so `Zone` stays a plain `Copy`
//! value; the memory is bounded by the zones the host knows (a few hundred,
//! some kilobytes each) per registration, and apps register once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

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
#[derive(Debug)]
pub struct HostZone {
    name: String,
    timeline: OffsetTimeline,
}

impl HostZone {
    pub fn name(&'static self) -> &'static str {
        &self.name
    }

    pub fn timeline(&'static self) -> &'static OffsetTimeline {
        &self.timeline
    }
}

/// What the registration says about one zone name.
pub enum Lookup {
    /// No host rules are registered: use the bundled database, if built in.
    NotRegistered,
    Unknown,
    Failed(HostZoneFault),
    Found(&'static HostZone),
}

struct Registration {
    source: Arc<dyn HostZoneSource>,
    zones: Mutex<HashMap<String, &'static HostZone>>,
}

static REGISTRATION: RwLock<Option<Arc<Registration>>> = RwLock::new(None);

/// Makes `source` the rules of every zone parsed from now on, replacing an
/// earlier registration (and forgetting the rules it supplied).
pub fn register(source: Arc<dyn HostZoneSource>) {
    let registration = Registration {
        source,
        zones: Mutex::new(HashMap::new()),
    };
    *REGISTRATION.write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(registration));
}

/// Returns zone parsing to the bundled database.
pub fn unregister() {
    *REGISTRATION.write().unwrap_or_else(PoisonError::into_inner) = None;
}

/// The registered host's rules for `name`, asking the host on first use.
pub fn lookup(name: &str) -> Lookup {
    let Some(registration) = REGISTRATION
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
    else {
        return Lookup::NotRegistered;
    };
    let known = |zones: &Mutex<HashMap<String, &'static HostZone>>| {
        zones
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(name)
            .copied()
    };
    if let Some(zone) = known(&registration.zones) {
        return Lookup::Found(zone);
    }
    // The host is called without holding a lock; two threads meeting a new
    // zone at once both ask, and the first answer is kept.
    match registration.source.timeline(name, FETCH_FROM_MS, FETCH_TO_MS) {
        Ok(Some(timeline)) => {
            let mut zones = registration.zones.lock().unwrap_or_else(PoisonError::into_inner);
            let zone = zones.entry(name.to_owned()).or_insert_with(|| {
                Box::leak(Box::new(HostZone {
                    name: name.to_owned(),
                    timeline,
                }))
            });
            Lookup::Found(zone)
        }
        Ok(None) => Lookup::Unknown,
        Err(fault) => Lookup::Failed(fault),
    }
}
