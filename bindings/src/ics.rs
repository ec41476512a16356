//! iCalendar import for subscribed calendars (team schedules, school
//! timetables, holiday feeds) that the device calendar does not expand.
//!
//! Behind the cargo feature `ics` (on by default): an app built without it
//! does not ship the parser and the `rrule` crate (docs/performance.md).

use heat_ics as ics;

use crate::error::HeatError;
use crate::event::SourceEvent;
use crate::guard::guarded;
use crate::window::TimeWindow;

/// The result of `importIcs`: the occurrences, and what the import could
/// not use. Reasons name lines, properties and UIDs, never titles.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IcsImport {
    pub events: Vec<SourceEvent>,
    /// Components skipped because they cannot be understood.
    pub skipped: Vec<IcsIssue>,
    /// Faults repaired or ignored; the components they are in were imported.
    pub warnings: Vec<IcsIssue>,
}

/// One skipped component or repaired fault.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IcsIssue {
    /// 1-based physical line of the fault (or of the component's `BEGIN`).
    pub line: i64,
    /// The component's `UID`, when it has one.
    pub uid: Option<String>,
    pub reason: String,
}

impl From<ics::IcsIssue> for IcsIssue {
    fn from(issue: ics::IcsIssue) -> Self {
        IcsIssue {
            line: i64::try_from(issue.line).unwrap_or(i64::MAX),
            uid: issue.uid,
            reason: issue.reason,
        }
    }
}

/// The occurrences of the events of an `.ics` file that overlap `window`,
/// recurring events expanded (one `SourceEvent` per occurrence, ids
/// `UID@originalStart`), and a report of the components skipped and the
/// faults repaired. `me` is the user's address (with or without `mailto:`)
/// and sets `participation` from the user's own `PARTSTAT`. Throws an
/// `InvalidInput` only when nothing in `data` is iCalendar, the file is too
/// large, or the window is invalid.
#[uniffi::export]
pub fn import_ics(data: String, window: TimeWindow, me: Option<String>) -> Result<IcsImport, HeatError> {
    guarded(|| {
        let import = ics::import_ics(&data, &window, me.as_deref())?;
        Ok::<_, HeatError>(IcsImport {
            events: import.events,
            skipped: import.skipped.into_iter().map(Into::into).collect(),
            warnings: import.warnings.into_iter().map(Into::into).collect(),
        })
    })
}

/// Deprecated: use `importIcs`, which also says what was skipped or
/// repaired. The same events as `importIcs(data, window, me).events`.
#[uniffi::export]
pub fn events_from_ics(
    data: String,
    window: TimeWindow,
    me: Option<String>,
) -> Result<Vec<SourceEvent>, HeatError> {
    import_ics(data, window, me).map(|import| import.events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventTime, Participation};
    use crate::zone_database::ZoneDatabase;

    fn window_of_days(start_date: &str, days: i32, time_zone: &str) -> TimeWindow {
        ZoneDatabase::bundled()
            .window_of_days(start_date.into(), days, time_zone.into())
            .unwrap()
    }

    const WEEKLY: &str = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Standup\r\n\
        DTSTART;TZID=W. Europe Standard Time:20261019T090000\r\nDURATION:PT15M\r\nRRULE:FREQ=WEEKLY\r\n\
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn expands_a_series_into_mirrored_events() {
        let window = window_of_days("2026-10-19", 14, "Europe/Berlin");
        let events = events_from_ics(WEEKLY.into(), window, Some("mailto:Me@example.org".into())).unwrap();
        let ids: Vec<_> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["s@2026-10-19T07:00:00Z", "s@2026-10-26T08:00:00Z"]);
        assert_eq!(events[1].participation, Participation::Accepted);
        assert!(
            matches!(events[1].time, EventTime::Timed { start_ms, end_ms } if end_ms - start_ms == 900_000)
        );
    }

    #[test]
    fn the_report_names_skipped_and_repaired_lines() {
        let window = window_of_days("2026-10-19", 14, "UTC");
        let text = WEEKLY.replace("RRULE:FREQ=WEEKLY", "RRULE:").replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Secret\r\nDURATION:soon\r\nDTSTART:20261020T090000Z\r\nEND:VEVENT\r\n\
             END:VCALENDAR",
        );
        let import = import_ics(text, window, None).unwrap();
        assert_eq!(import.events.len(), 1);
        assert_eq!(
            import.warnings,
            [IcsIssue {
                line: 7,
                uid: Some("s".into()),
                reason: "RRULE: empty rule; the event does not repeat".into()
            }]
        );
        assert_eq!(import.skipped.len(), 1);
        let skipped = &import.skipped[0];
        assert_eq!((skipped.line, skipped.uid.as_deref()), (13, Some("b")));
        assert!(skipped.reason.starts_with("DURATION: "), "{skipped:?}");
        assert!(!format!("{import:?}").contains("Secret"));
    }

    #[test]
    fn a_file_with_nothing_of_icalendar_is_an_invalid_input() {
        let window = window_of_days("2026-10-19", 1, "UTC");
        let err = import_ics("Secret notes".into(), window, None).unwrap_err();
        assert!(
            matches!(&err, HeatError::InvalidInput { field, reason, .. }
                if field == "BEGIN" && reason.contains("not an iCalendar file")),
            "{err:?}"
        );
    }
}
