//! Source events as Swift and Kotlin see them, and the event JSON reader.

use heat_core::model;

use crate::error::HeatError;
use crate::guard::guarded;

/// One occurrence of a calendar event, as the device calendar reports it
/// (recurring events already expanded).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum EventTime {
    /// `[startMs, endMs)` in Unix epoch milliseconds (UTC).
    Timed { start_ms: i64, end_ms: i64 },
    /// Whole days `[startDate, endDate)` (`YYYY-MM-DD`, end exclusive), from
    /// local midnight to local midnight in the window's time zone.
    AllDay { start_date: String, end_date: String },
}

/// Declares a plain enum mirroring a core enum variant for variant, with
/// conversions both ways.
macro_rules! mirror_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name { $($variant),+ }

        impl From<model::$name> for $name {
            fn from(value: model::$name) -> Self {
                match value { $(model::$name::$variant => $name::$variant),+ }
            }
        }

        impl From<$name> for model::$name {
            fn from(value: $name) -> Self {
                match value { $($name::$variant => model::$name::$variant),+ }
            }
        }
    };
}

mirror_enum!(Availability {
    Busy,
    Tentative,
    Free,
    Unavailable
});
mirror_enum!(EventStatus {
    Confirmed,
    Tentative,
    Cancelled
});
mirror_enum!(
    /// The user's own response to the event (`None`: organizer, or no attendees).
    Participation { None, Accepted, Tentative, NeedsAction, Declined }
);

impl From<model::EventTime> for EventTime {
    fn from(time: model::EventTime) -> Self {
        match time {
            model::EventTime::Timed { start_ms, end_ms } => EventTime::Timed { start_ms, end_ms },
            model::EventTime::AllDay { start_date, end_date } => EventTime::AllDay { start_date, end_date },
        }
    }
}

impl From<EventTime> for model::EventTime {
    fn from(time: EventTime) -> Self {
        match time {
            EventTime::Timed { start_ms, end_ms } => model::EventTime::Timed { start_ms, end_ms },
            EventTime::AllDay { start_date, end_date } => model::EventTime::AllDay { start_date, end_date },
        }
    }
}

impl From<model::SourceEvent> for SourceEvent {
    fn from(e: model::SourceEvent) -> Self {
        SourceEvent {
            id: e.id,
            calendar_id: e.calendar_id,
            title: e.title,
            location: e.location,
            time: e.time.into(),
            availability: e.availability.into(),
            status: e.status.into(),
            participation: e.participation.into(),
        }
    }
}

impl From<SourceEvent> for model::SourceEvent {
    fn from(e: SourceEvent) -> Self {
        model::SourceEvent {
            id: e.id,
            calendar_id: e.calendar_id,
            title: e.title,
            location: e.location,
            time: e.time.into(),
            availability: e.availability.into(),
            status: e.status.into(),
            participation: e.participation.into(),
        }
    }
}

/// Parses the event JSON of the `heat` command line (`{"events": [...]}`),
/// e.g. a fixture or an export; errors name the field and event id.
#[uniffi::export]
pub fn events_from_json(json: String) -> Result<Vec<SourceEvent>, HeatError> {
    guarded(|| {
        Ok::<_, HeatError>(
            model::events_from_json(&json)?
                .into_iter()
                .map(Into::into)
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_survives_the_round_trip_through_the_mirror() {
        let json = r#"{"events": [
            {"id": "e1", "calendarId": "work", "title": "T", "location": "L",
             "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z",
             "availability": "tentative", "status": "cancelled", "participation": "needsAction"},
            {"id": "h1", "calendarId": "hol", "title": "H", "allDay": true,
             "startDate": "2026-12-25", "endDate": "2026-12-26", "availability": "free"}
        ]}"#;
        let core_events = model::events_from_json(json).unwrap();
        let mirrored = events_from_json(json.into()).unwrap();
        let back: Vec<model::SourceEvent> = mirrored.iter().cloned().map(Into::into).collect();
        assert_eq!(back, core_events);
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
