//! Inputs the core must refuse, with personal data in every title and
//! location: one catalogue for the bad-input test (each call gets its typed
//! error naming the field and event id, and the file stays byte-identical)
//! and for the privacy test (no error text quotes a title or a location).
//! Contract: `docs/contract.md` "Bad input".

use heat_core::limits::MAX_EVENTS_PER_CALL;
use heat_core::{EventTime, SourceEvent, TimeWindow};

use super::{DAY, HOUR, T0, all_day, timed, window};

/// Stands for a title or location: it must never appear in an error or a log.
pub const MARKER: &str = "PRIVATE-MARKER-7f3a";

/// `event` with the marker in its title and its location.
pub fn secret(mut event: SourceEvent) -> SourceEvent {
    event.title = format!("Dinner with {MARKER}");
    event.location = Some(format!("{MARKER} Street 1"));
    event
}

/// The valid window of the catalogue's calls: one day in Berlin from `T0`.
pub fn good_window() -> TimeWindow {
    window(T0, T0 + DAY, "Europe/Berlin")
}

/// One reconcile call the core must refuse, and what its error must name.
pub struct BadCall {
    pub name: &'static str,
    pub scope: &'static str,
    pub window: TimeWindow,
    pub events: Vec<SourceEvent>,
    /// The field the error must name.
    pub field: &'static str,
    /// The event id the error must name, if the field is an event's.
    pub event_id: Option<&'static str>,
}

impl BadCall {
    /// A call whose window is the bad part.
    pub fn names_the_window(&self) -> bool {
        self.field.starts_with("window.")
    }
}

/// Every class of bad reconcile input, once.
pub fn bad_calls() -> Vec<BadCall> {
    let ok = secret(timed("ok", T0, T0 + HOUR));
    let call = |name, events, field, event_id| BadCall {
        name,
        scope: "s",
        window: good_window(),
        events,
        field,
        event_id,
    };
    let changed = |change: &dyn Fn(&mut SourceEvent)| {
        let mut event = ok.clone();
        change(&mut event);
        event
    };
    let with_time = |time: EventTime| SourceEvent { time, ..ok.clone() };
    let bad_window = |name, window, field| BadCall {
        window,
        ..call(name, vec![ok.clone()], field, None)
    };
    vec![
        call(
            "empty id",
            vec![ok.clone(), changed(&|e| e.id.clear())],
            "id",
            None,
        ),
        call(
            "id with NUL",
            vec![changed(&|e| e.id = "a\0b".into())],
            "id",
            None,
        ),
        call(
            "id too long",
            vec![changed(&|e| e.id = "x".repeat(5_000))],
            "id",
            None,
        ),
        call(
            "empty calendar",
            vec![changed(&|e| e.calendar_id.clear())],
            "calendarId",
            Some("ok"),
        ),
        call(
            "title too long",
            vec![changed(&|e| e.title = MARKER.repeat(1_000))],
            "title",
            Some("ok"),
        ),
        call(
            "location too long",
            vec![changed(&|e| e.location = Some(MARKER.repeat(1_000)))],
            "location",
            Some("ok"),
        ),
        call(
            "end before start",
            vec![with_time(EventTime::Timed {
                start_ms: T0,
                end_ms: T0 - 1,
            })],
            "endMs",
            Some("ok"),
        ),
        call(
            "instant out of range",
            vec![with_time(EventTime::Timed {
                start_ms: i64::MIN,
                end_ms: 0,
            })],
            "startMs",
            Some("ok"),
        ),
        call(
            "malformed start date",
            vec![secret(all_day("h1", "2026-11-31", "2026-12-01"))],
            "startDate",
            Some("h1"),
        ),
        call(
            "malformed end date",
            vec![secret(all_day("h2", "2026-11-30", "30.11.2026"))],
            "endDate",
            Some("h2"),
        ),
        call(
            "end date before start date",
            vec![secret(all_day("h3", "2026-11-30", "2026-11-29"))],
            "endDate",
            Some("h3"),
        ),
        call(
            "conflicting duplicate ids",
            vec![ok.clone(), changed(&|e| e.title = format!("{MARKER} (moved)"))],
            "id",
            Some("ok"),
        ),
        call(
            "too many events",
            vec![ok.clone(); MAX_EVENTS_PER_CALL + 1],
            "events",
            None,
        ),
        BadCall {
            scope: "",
            ..call("empty scope", vec![ok.clone()], "scope", None)
        },
        bad_window(
            "unknown time zone",
            window(T0, T0 + DAY, "Europe/Atlantis"),
            "window.timeZone",
        ),
        bad_window("window end equals start", window(T0, T0, "UTC"), "window.endMs"),
        bad_window(
            "window end before start",
            window(T0, T0 - 1, "UTC"),
            "window.endMs",
        ),
        bad_window(
            "window too long",
            window(T0, T0 + 400 * DAY, "UTC"),
            "window.endMs",
        ),
    ]
}

/// One event JSON text, valid but for `extra` fields appended to the event,
/// with the marker as its title and location.
pub fn event_json(extra: &str) -> String {
    format!(
        r#"{{"events": [{{"id": "e1", "calendarId": "c", "title": "{MARKER}", "location": "{MARKER}",
            "start": "2026-11-30T09:00:00Z", "end": "2026-11-30T10:00:00Z"{extra}}}]}}"#
    )
}

/// Every class of bad event JSON, once, and the field its error must name.
pub fn bad_json() -> Vec<(String, &'static str)> {
    vec![
        (event_json(r#", "color": "x""#), "color"),
        (event_json(&format!(r#", "status": "{MARKER}""#)), "status"),
        (
            event_json(&format!(r#", "availability": "{MARKER}""#)),
            "availability",
        ),
        (
            event_json(&format!(r#", "participation": "{MARKER}""#)),
            "participation",
        ),
        (event_json(r#", "allDay": "yes""#), "allDay"),
        (event_json(&format!(r#", "startDate": "{MARKER}""#)), "startDate"),
        (event_json("").replace("2026-11-30T09:00:00Z", MARKER), "start"),
        (
            event_json("").replace(&format!(r#""title": "{MARKER}""#), r#""title": 7"#),
            "title",
        ),
        (
            event_json("").replace(&format!(r#""location": "{MARKER}""#), r#""location": ["x"]"#),
            "location",
        ),
        (
            r#"{"events": [{"id": "e1", "calendarId": "c", "title": "t"}]}"#.into(),
            "start",
        ),
        (r#"{"events": [{"calendarId": "c", "title": "t"}]}"#.into(), "id"),
        (
            format!(r#"{{"events": [{{"id": "e1", "title": "{MARKER}"#),
            "json",
        ),
        (format!(r#"{{"events": "{MARKER}"}}"#), "events"),
        (format!(r#"["{MARKER}"]"#), "json"),
        ("[]".into(), "json"),
    ]
}
