//! What the engine reasons about: source events, windows and time ranges, and
//! the rules that decide whether an input is acceptable.

mod event;
mod event_json;
mod intervals;
mod local_time;
mod validate;
mod window;
pub mod zone_rules;

pub use event::{Availability, EventStatus, EventTime, Participation, SourceEvent};
pub use event_json::{event_to_json, events_from_json, events_to_json};
pub use intervals::merge_intervals;
pub use local_time::{DayPart, Zone, date_from_days, days_from_date, parse_date, parse_instant};
pub use validate::{CheckedEvent, Span, check_event, check_scope, interval_overlaps};
pub use window::{CheckedWindow, TimeRange, TimeWindow, window_of_days};
