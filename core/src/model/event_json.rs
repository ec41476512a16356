//! The event JSON format of the CLI and of `eventsFromJson`
//! (`docs/contract.md` "Event JSON"): `{"events": [...]}`, unknown fields
//! rejected.
//!
//! Parsed by hand from a `serde_json::Value` rather than with derived
//! deserializers so that every error names the field and event id and never
//! echoes a value, which could be a title.

use serde_json::{Map, Value, json};

use crate::error::InvalidInput;
use crate::limits::MAX_EVENTS_PER_CALL;

use super::event::{Availability, EventStatus, EventTime, Participation, SourceEvent};

const FIELDS: &[&str] = &[
    "id",
    "calendarId",
    "title",
    "location",
    "start",
    "end",
    "allDay",
    "startDate",
    "endDate",
    "availability",
    "status",
    "participation",
];

/// Parses `{"events": [...]}`.
pub fn events_from_json(text: &str) -> Result<Vec<SourceEvent>, InvalidInput> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        InvalidInput::new(
            "json",
            format!("malformed JSON at line {} column {}", e.line(), e.column()),
        )
    })?;
    let Value::Object(mut root) = root else {
        return Err(InvalidInput::new(
            "json",
            "expected an object {\"events\": [...]}",
        ));
    };
    if let Some(unknown) = root.keys().find(|k| k.as_str() != "events") {
        return Err(InvalidInput::new(short(unknown), "unknown field"));
    }
    let Some(Value::Array(items)) = root.remove("events") else {
        return Err(InvalidInput::new("events", "missing, or not an array"));
    };
    if items.len() > MAX_EVENTS_PER_CALL {
        return Err(InvalidInput::new(
            "events",
            format!("more than {MAX_EVENTS_PER_CALL} events in one call"),
        ));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| match item {
            Value::Object(fields) => event_from_object(&fields),
            _ => Err(InvalidInput::new(
                format!("events[{index}]"),
                "expected an object",
            )),
        })
        .collect()
}

fn event_from_object(fields: &Map<String, Value>) -> Result<SourceEvent, InvalidInput> {
    let id = required_string(fields, "id")?;
    let in_event = |e: InvalidInput| e.of_event(&id);
    if let Some(unknown) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(in_event(InvalidInput::new(short(unknown), "unknown field")));
    }
    let all_day = match fields.get("allDay") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(in_event(InvalidInput::new("allDay", "expected true or false"))),
    };
    let time = event_time(fields, all_day).map_err(in_event)?;
    let location = match fields.get("location") {
        None | Some(Value::Null) => None,
        Some(_) => Some(required_string(fields, "location").map_err(in_event)?),
    };
    Ok(SourceEvent {
        calendar_id: required_string(fields, "calendarId").map_err(in_event)?,
        title: required_string(fields, "title").map_err(in_event)?,
        location,
        time,
        availability: enum_field(
            fields,
            "availability",
            Availability::from_wire_name,
            Availability::ALL,
            Availability::wire_name,
        )
        .map_err(in_event)?,
        status: enum_field(
            fields,
            "status",
            EventStatus::from_wire_name,
            EventStatus::ALL,
            EventStatus::wire_name,
        )
        .map_err(in_event)?,
        participation: enum_field(
            fields,
            "participation",
            Participation::from_wire_name,
            Participation::ALL,
            Participation::wire_name,
        )
        .map_err(in_event)?,
        id,
    })
}

fn event_time(fields: &Map<String, Value>, all_day: bool) -> Result<EventTime, InvalidInput> {
    let (wanted, unwanted) = if all_day {
        (["startDate", "endDate"], ["start", "end"])
    } else {
        (["start", "end"], ["startDate", "endDate"])
    };
    if let Some(extra) = unwanted.iter().find(|k| fields.contains_key(**k)) {
        let kind = if all_day { "all-day" } else { "timed" };
        return Err(InvalidInput::new(
            *extra,
            format!("not allowed on a {kind} event"),
        ));
    }
    let [start, end] = wanted.map(|k| required_string(fields, k));
    let (start, end) = (start?, end?);
    if all_day {
        return Ok(EventTime::AllDay {
            start_date: start,
            end_date: end,
        });
    }
    Ok(EventTime::Timed {
        start_ms: rfc3339(&start, "start")?,
        end_ms: rfc3339(&end, "end")?,
    })
}

fn rfc3339(text: &str, field: &str) -> Result<i64, InvalidInput> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp_millis())
        .map_err(|_| InvalidInput::new(field, "not an RFC 3339 date-time with offset"))
}

fn required_string(fields: &Map<String, Value>, key: &str) -> Result<String, InvalidInput> {
    match fields.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(InvalidInput::new(key, "expected a string")),
        None => Err(InvalidInput::new(key, "missing")),
    }
}

fn enum_field<T: Default + Copy>(
    fields: &Map<String, Value>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Result<T, InvalidInput> {
    match fields.get(key) {
        None => Ok(T::default()),
        Some(Value::String(s)) => parse(s).ok_or_else(|| {
            let names: Vec<_> = all.iter().map(|v| name(*v)).collect();
            InvalidInput::new(
                key,
                format!("unknown value; expected one of {}", names.join(", ")),
            )
        }),
        Some(_) => Err(InvalidInput::new(key, "expected a string")),
    }
}

/// Field names come from the input: cap what is echoed.
fn short(name: &str) -> String {
    name.chars().take(64).collect()
}

/// One event in the JSON format; timed events as RFC 3339 UTC.
pub fn event_to_json(event: &SourceEvent) -> Value {
    let mut object = json!({
        "id": event.id,
        "calendarId": event.calendar_id,
        "title": event.title,
    });
    let fields = object
        .as_object_mut()
        .expect("json! of an object literal is an object");
    if let Some(location) = &event.location {
        fields.insert("location".into(), json!(location));
    }
    match &event.time {
        EventTime::Timed { start_ms, end_ms } => {
            fields.insert("start".into(), json!(utc_rfc3339(*start_ms)));
            fields.insert("end".into(), json!(utc_rfc3339(*end_ms)));
        }
        EventTime::AllDay { start_date, end_date } => {
            fields.insert("allDay".into(), json!(true));
            fields.insert("startDate".into(), json!(start_date));
            fields.insert("endDate".into(), json!(end_date));
        }
    }
    fields.insert("availability".into(), json!(event.availability.wire_name()));
    fields.insert("status".into(), json!(event.status.wire_name()));
    fields.insert("participation".into(), json!(event.participation.wire_name()));
    object
}

pub fn events_to_json(events: &[SourceEvent]) -> Value {
    json!({ "events": events.iter().map(event_to_json).collect::<Vec<_>>() })
}

fn utc_rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_event_shapes_with_defaults() {
        let events = events_from_json(
            r#"{"events": [
              {"id": "e1", "calendarId": "work", "title": "Standup",
               "start": "2026-11-30T09:00:00+01:00", "end": "2026-11-30T09:15:00+01:00",
               "availability": "busy", "status": "confirmed", "participation": "accepted"},
              {"id": "h1", "calendarId": "holidays", "title": "Holiday", "allDay": true,
               "startDate": "2026-12-25", "endDate": "2026-12-26", "availability": "free"}]}"#,
        )
        .unwrap();
        assert_eq!(
            events[0].time,
            EventTime::Timed {
                start_ms: 1_796_025_600_000,
                end_ms: 1_796_026_500_000
            }
        );
        assert_eq!(events[0].participation, Participation::Accepted);
        assert_eq!(events[1].status, EventStatus::Confirmed);
        assert_eq!(events[1].availability, Availability::Free);
    }

    #[test]
    fn round_trips_through_its_own_output() {
        let text = r#"{"events": [{"id": "e1", "calendarId": "c", "title": "T", "location": "L",
            "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z", "participation": "needsAction"}]}"#;
        let events = events_from_json(text).unwrap();
        let again = events_from_json(&events_to_json(&events).to_string()).unwrap();
        assert_eq!(events, again);
    }

    #[test]
    fn rejects_unknown_fields_and_values_without_echoing_them() {
        let cases = [
            (
                r#"{"events": [{"id": "e1", "calendarId": "c", "title": "T", "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T09:00:00Z", "colour": "red"}]}"#,
                "colour",
            ),
            (
                r#"{"events": [{"id": "e1", "calendarId": "c", "title": "T", "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T09:00:00Z", "availability": "Dinner with Bob"}]}"#,
                "availability",
            ),
            (
                r#"{"events": [{"id": "e1", "calendarId": "c", "title": "T", "start": "yesterday", "end": "2026-11-30T09:00:00Z"}]}"#,
                "start",
            ),
            (r#"{"events": [], "extra": 1}"#, "extra"),
            (
                r#"{"events": [{"id": "e1", "calendarId": "c", "title": "T", "allDay": true, "startDate": "2026-11-30", "endDate": "2026-12-01", "start": "x"}]}"#,
                "start",
            ),
            (r#"{"events": [ {"id": "#, "json"),
        ];
        for (text, field) in cases {
            let err = events_from_json(text).unwrap_err();
            assert_eq!(err.field, field, "{text}");
            assert!(!err.to_string().contains("Bob"));
        }
    }
}
