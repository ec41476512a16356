//! Exports that only the binding tests call, behind the `test-seams`
//! feature: an app's library never carries them (nor the JSON parser they
//! pull in).

mod events_json;
mod zone_queries;

pub use events_json::events_from_json;
pub use zone_queries::{BundledZoneList, bundled_zone_list};
