//! iCalendar import for subscribed calendars (team schedules, school
//! timetables, holiday feeds) that the device calendar does not expand.

use heat_core::ics as core;

use crate::error::HeatError;
use crate::event::SourceEvent;
use crate::guard::guarded;
use crate::window::TimeWindow;

/// The occurrences of the events of an `.ics` file that overlap `window`,
/// recurring events expanded (one `SourceEvent` per occurrence, ids
/// `UID@originalStart`). `me` is the user's address (with or without
/// `mailto:`) and sets `participation` from the user's own `PARTSTAT`.
/// Malformed files are an `InvalidInput` naming the property and line.
#[uniffi::export]
pub fn events_from_ics(
    data: String,
    window: TimeWindow,
    me: Option<String>,
) -> Result<Vec<SourceEvent>, HeatError> {
    guarded(|| {
        let events = core::events_from_ics(&data, &window.into(), me.as_deref())?;
        Ok::<_, HeatError>(events.into_iter().map(Into::into).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventTime, Participation};
    use crate::window::window_of_days;

    const WEEKLY: &str = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Standup\r\n\
        DTSTART;TZID=W. Europe Standard Time:20261019T090000\r\nDURATION:PT15M\r\nRRULE:FREQ=WEEKLY\r\n\
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn expands_a_series_into_mirrored_events() {
        let window = window_of_days("2026-10-19".into(), 14, "Europe/Berlin".into()).unwrap();
        let events = events_from_ics(WEEKLY.into(), window, Some("mailto:Me@example.org".into())).unwrap();
        let ids: Vec<_> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["s@2026-10-19T07:00:00Z", "s@2026-10-26T08:00:00Z"]);
        assert_eq!(events[1].participation, Participation::Accepted);
        assert!(
            matches!(events[1].time, EventTime::Timed { start_ms, end_ms } if end_ms - start_ms == 900_000)
        );
    }

    #[test]
    fn a_malformed_file_is_an_invalid_input_naming_the_line() {
        let window = window_of_days("2026-10-19".into(), 1, "UTC".into()).unwrap();
        let broken = WEEKLY.replace("DURATION:PT15M", "DURATION:soon");
        let err = events_from_ics(broken, window, None).unwrap_err();
        assert!(
            matches!(&err, HeatError::InvalidInput { field, event_id, reason }
                if field == "DURATION" && event_id.as_deref() == Some("s") && reason.starts_with("line 6:")),
            "{err:?}"
        );
    }
}
