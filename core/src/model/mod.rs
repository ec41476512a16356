//! What the engine reasons about: source events, windows and time ranges, and
//! the rules that decide whether an input is acceptable.

mod event;
#[cfg(feature = "event-json")]
mod event_json;
mod intervals;
mod local_time;
mod validate;
mod window;
pub mod zone_rules;

/// Milliseconds in a day of UTC (a local day lasts 23 or 25 hours across a
/// DST change: see `Zone`); all-day spans are stored as days since 1970.
pub const MS_PER_DAY: i64 = 86_400_000;

pub use event::{Availability, EventStatus, EventTime, Participation, SourceEvent};
#[cfg(feature = "event-json")]
pub use event_json::{event_to_json, events_from_json, events_to_json};
pub use intervals::merge_intervals;
pub use local_time::{DayPart, Zone, date_from_days, days_from_date, parse_date, parse_instant};
pub use validate::{CheckedEvent, Span, check_event, check_scope, interval_overlaps};
pub use window::{CheckedWindow, TimeRange, TimeWindow, window_of_days};
