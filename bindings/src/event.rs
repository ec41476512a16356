//! Source events as Swift and Kotlin see them, and the event JSON reader.

use heat_core::model;
pub use heat_core::model::{Availability, EventStatus, EventTime, Participation, SourceEvent};

use crate::error::HeatError;
use crate::guard::guarded;

/// One occurrence of a calendar event, as the device calendar reports it
/// (recurring events already expanded). The core's types, exported as they
/// are (UniFFI remote types): one declaration, no conversion.
#[uniffi::remote(Record)]
pub struct SourceEvent {
    /// Stable per occurrence (series id + original occurrence start).
    pub id: String,
    pub calendar_id: String,
    /// Personal data: the engine never logs it or puts it in an error.
    pub title: String,
    #[uniffi(default = None)]
    pub location: Option<String>,
    pub time: EventTime,
    pub availability: Availability,
    pub status: EventStatus,
    pub participation: Participation,
}

/// When an event happens.
#[uniffi::remote(Enum)]
pub enum EventTime {
    /// `[startMs, endMs)` in Unix epoch milliseconds (UTC).
    Timed { start_ms: i64, end_ms: i64 },
    /// Whole days `[startDate, endDate)` (`YYYY-MM-DD`, end exclusive), from
    /// local midnight to local midnight in the window's time zone.
    AllDay { start_date: String, end_date: String },
}

#[uniffi::remote(Enum)]
pub enum Availability {
    Busy,
    Tentative,
    Free,
    Unavailable,
}

#[uniffi::remote(Enum)]
pub enum EventStatus {
    Confirmed,
    Tentative,
    Cancelled,
}

/// The user's own response to the event (`None`: organizer, or no attendees).
#[uniffi::remote(Enum)]
pub enum Participation {
    None,
    Accepted,
    Tentative,
    NeedsAction,
    Declined,
}

/// Parses the event JSON of the `heat` command line (`{"events": [...]}`),
/// e.g. a fixture or an export; errors name the field and event id.
#[uniffi::export]
pub fn events_from_json(json: String) -> Result<Vec<SourceEvent>, HeatError> {
    guarded(|| Ok::<_, HeatError>(model::events_from_json(&json)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_reader_of_the_bindings_is_the_cores() {
        let json = r#"{"events": [
            {"id": "e1", "calendarId": "work", "title": "T", "location": "L",
             "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z",
             "availability": "tentative", "status": "cancelled", "participation": "needsAction"},
            {"id": "h1", "calendarId": "hol", "title": "H", "allDay": true,
             "startDate": "2026-12-25", "endDate": "2026-12-26", "availability": "free"}
        ]}"#;
        let core_events = model::events_from_json(json).unwrap();
        let mirrored = events_from_json(json.into()).unwrap();
        assert_eq!(mirrored, core_events);
        assert_eq!(mirrored[0].participation, Participation::NeedsAction);
        assert_eq!(
            mirrored[1].time,
            EventTime::AllDay {
                start_date: "2026-12-25".into(),
                end_date: "2026-12-26".into()
            }
        );
    }

    #[test]
    fn malformed_json_names_the_field() {
        let err = events_from_json("{\"events\": [{}]}".into()).unwrap_err();
        assert!(matches!(err, HeatError::InvalidInput { .. }), "{err:?}");
    }
}
