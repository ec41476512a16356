//! The zone database a store, a sync job or a window constructor resolves
//! zone names with, handed to it rather than registered for the process
//! (docs/adr/0016): two stores in one process can use different rules, and
//! a test builds the database it needs without global set-up.

use std::fmt;
use std::sync::Arc;

use super::host::{HostRules, HostZoneSource, Lookup};
use crate::error::InvalidInput;
use crate::model::Zone;

/// Where zone rules come from. Cheap to clone: clones share the rules the
/// host has answered so far.
#[derive(Clone)]
pub struct ZoneDatabase {
    source: Arc<Source>,
}

enum Source {
    #[cfg(feature = "bundled-tz")]
    Bundled,
    Host(HostRules),
}

impl ZoneDatabase {
    /// The IANA database compiled into the library (`chrono-tz`), frozen at
    /// build time.
    #[cfg(feature = "bundled-tz")]
    pub fn bundled() -> Self {
        ZoneDatabase {
            source: Arc::new(Source::Bundled),
        }
    }

    /// The host platform's rules, asked once per zone and kept for the life
    /// of this database (and its clones).
    pub fn host(source: Arc<dyn HostZoneSource>) -> Self {
        ZoneDatabase {
            source: Arc::new(Source::Host(HostRules::new(source))),
        }
    }

    /// The zone `name`; `field` names the input in the error.
    pub fn zone(&self, name: &str, field: &str) -> Result<Zone, InvalidInput> {
        let unknown = || InvalidInput::new(field, format!("unknown IANA time zone {name:?}"));
        match &*self.source {
            #[cfg(feature = "bundled-tz")]
            Source::Bundled => super::bundled::find(name).map(Zone::bundled).ok_or_else(unknown),
            Source::Host(rules) => match rules.lookup(name) {
                Lookup::Found(zone) => Ok(Zone::host(zone)),
                Lookup::Unknown => Err(unknown()),
                Lookup::Failed(_) => Err(InvalidInput::new(
                    field,
                    format!("the device's rules for time zone {name:?} could not be read"),
                )),
            },
        }
    }
}

impl fmt::Debug for ZoneDatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match &*self.source {
            #[cfg(feature = "bundled-tz")]
            Source::Bundled => "ZoneDatabase::Bundled",
            Source::Host(_) => "ZoneDatabase::Host",
        })
    }
}
