//! `eventsFromJson`: the binding tests load the shared fixtures with the
//! core's own reader, so all three languages read them the same way.

use heat_core::model;
use heat_core::model::SourceEvent;

use crate::error::HeatError;
use crate::guard::guarded;

/// Parses the event JSON of the `heat` command line (`{"events": [...]}`),
/// e.g. a fixture or an export; errors name the field and event id.
#[uniffi::export]
pub fn events_from_json(json: String) -> Result<Vec<SourceEvent>, HeatError> {
    guarded(|| Ok::<_, HeatError>(model::events_from_json(&json)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use heat_core::model::{EventTime, Participation};

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
