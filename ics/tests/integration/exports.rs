//! ICS files shaped like real exports (Google Calendar, Outlook/Exchange,
//! Apple Calendar) and damaged files, imported and reconciled into a store.

use crate::support::start_key;
use heat_core::ZoneDatabase;
use heat_core::{
    Availability, EventStatus, EventTime, HeatStore, Participation, ReconcileOptions, SourceEvent,
    TimeWindow, window_of_days,
};
use heat_ics::{events_from_ics, import_ics};

fn fixture(name: &str) -> String {
    let path = format!("{}/../tests/fixtures/ics/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Three weeks in Berlin: both the European (Oct 25) and the US (Nov 1) DST end.
fn three_weeks() -> TimeWindow {
    window_of_days(&ZoneDatabase::bundled(), "2026-10-19", 21, "Europe/Berlin").unwrap()
}

fn import(name: &str) -> Vec<SourceEvent> {
    let mut events = events_from_ics(&fixture(name), &three_weeks(), Some("me@example.org")).unwrap();
    events.sort_by_key(|e| start_key(&e.time));
    events
}

/// (id suffix after the UID, start, title) of each event, in start order.
fn summary(events: &[SourceEvent]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            let key = e.id.rsplit_once('@').map_or("", |(_, k)| k);
            let key = if key.as_bytes().get(4) == Some(&b'-') {
                key
            } else {
                ""
            };
            (key.to_owned(), start_key(&e.time), e.title.clone())
        })
        .collect()
}

fn row(key: &str, start: &str, title: &str) -> (String, String, String) {
    (key.into(), start.into(), title.into())
}

fn by_title<'a>(events: &'a [SourceEvent], title: &str) -> &'a SourceEvent {
    events
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no {title}"))
}

#[test]
fn google_calendar_export() {
    let events = import("google_calendar.ics");
    assert_eq!(
        summary(&events),
        [
            // Weekly MO,WE 09:00 Berlin: 07:00Z in summer time, 08:00Z after Oct 25.
            row("2026-10-19T07:00:00Z", "2026-10-19T07:00Z", "Standup"),
            // Wed Oct 21 is an EXDATE.
            row("", "2026-10-22T13:00Z", "Quarterly review"),
            row("", "2026-10-26", "Offsite prep day"),
            // Mon Oct 26 moved to Tue 10:00; it keeps the id of its original start.
            row(
                "2026-10-26T08:00:00Z",
                "2026-10-27T09:00Z",
                "Standup (moved to Tuesday)"
            ),
            row("2026-10-28T08:00:00Z", "2026-10-28T08:00Z", "Standup"),
            row("", "2026-10-29T15:00Z", "Vendor pitch"),
            row("2026-11-02T08:00:00Z", "2026-11-02T08:00Z", "Standup"),
            row("2026-11-04T08:00:00Z", "2026-11-04T08:00Z", "Standup"),
        ]
    );
    assert_eq!(
        events[0].id,
        "7kukuqrfedlm2f9t0vcbcm7bgi@google.com@2026-10-19T07:00:00Z"
    );
    assert_eq!(events[0].location.as_deref(), Some("Room 4.12"));
    assert_eq!(events[0].participation, Participation::Accepted);
    assert_eq!(
        by_title(&events, "Standup (moved to Tuesday)").participation,
        Participation::Tentative
    );
    assert_eq!(
        by_title(&events, "Quarterly review").participation,
        Participation::NeedsAction
    );
    assert_eq!(
        by_title(&events, "Vendor pitch").participation,
        Participation::Declined
    );
    assert_eq!(
        by_title(&events, "Offsite prep day").availability,
        Availability::Free
    );
}

#[test]
fn outlook_exchange_export_with_windows_zone_names() {
    let events = import("outlook_exchange.ics");
    assert_eq!(
        summary(&events),
        [
            // Mon Oct 19 10:00 moved to 14:00 (W. Europe = Berlin, summer time).
            row("2026-10-19T08:00:00Z", "2026-10-19T12:00Z", "Weekly planning"),
            // NY sync, Tuesdays 09:00 Eastern: 13:00Z until the US change on Nov 1, then 14:00Z.
            row("2026-10-20T13:00:00Z", "2026-10-20T13:00Z", "NY sync"),
            row("", "2026-10-23T09:00Z", "Canceled: Budget sync"),
            row("2026-10-26T09:00:00Z", "2026-10-26T09:00Z", "Weekly planning"),
            row("2026-10-27T13:00:00Z", "2026-10-27T13:00Z", "NY sync"),
            row("", "2026-10-30", "Out of office"),
            // Mon Nov 2 is an EXDATE.
            row("2026-11-03T14:00:00Z", "2026-11-03T14:00Z", "NY sync"),
        ]
    );
    assert!(
        events[0]
            .id
            .ends_with("A1B2C3D4E5F60718293A4B5C6D7E8F90@2026-10-19T08:00:00Z"),
        "{}",
        events[0].id
    );
    assert_eq!(by_title(&events, "NY sync").availability, Availability::Tentative);
    assert_eq!(
        by_title(&events, "Out of office").availability,
        Availability::Unavailable
    );
    let cancelled = by_title(&events, "Canceled: Budget sync");
    assert_eq!(
        (cancelled.status, cancelled.availability),
        (EventStatus::Cancelled, Availability::Free)
    );
}

#[test]
fn apple_calendar_export() {
    let events = import("apple_calendar.ics");
    assert_eq!(
        summary(&events),
        [
            row("2026-10-19T13:00:00Z", "2026-10-19T13:00Z", "Yoga"),
            row("2026-10-26T13:00:00Z", "2026-10-26T13:00Z", "Yoga"),
            // A long title folded over two lines, the space at the fold kept.
            row(
                "",
                "2026-10-29T22:30Z",
                "Dinner at the place with the very long name that Apple Calendar folds over two lines"
            ),
            // A yearly all-day birthday since 1985.
            row("2026-10-30", "2026-10-30", "Sam's birthday"),
            row("2026-11-02T14:00:00Z", "2026-11-02T14:00Z", "Yoga"),
        ]
    );
    let dinner = by_title(
        &events,
        "Dinner at the place with the very long name that Apple Calendar folds over two lines",
    );
    let EventTime::Timed { start_ms, end_ms } = dinner.time else {
        panic!("timed")
    };
    assert_eq!(end_ms - start_ms, 90 * 60_000);
}

#[test]
fn damaged_files_skip_the_damaged_event_name_its_line_and_never_echo_text() {
    let window = three_weeks();
    for (name, line, reason, imported) in [
        (
            "malformed_truncated.ics",
            52,
            "BEGIN:VEVENT is never closed (truncated file?)",
            // The series before the cut is imported (Mon/Wed from Oct 19, Oct 21
            // excluded); its cut override of Oct 26 is the skipped component.
            5,
        ),
        ("malformed_bad_dtstart.ics", 8, "DTSTART: not a DATE-TIME", 0),
    ] {
        let import = import_ics(&fixture(name), &window, None).unwrap();
        assert_eq!(import.skipped.len(), 1, "{name}: {import:?}");
        let issue = &import.skipped[0];
        assert_eq!(issue.line, line, "{name}: {issue:?}");
        assert!(issue.reason.starts_with(reason), "{name}: {issue:?}");
        assert_eq!(import.events.len(), imported, "{name}");
        let text = format!("{import:?}");
        assert!(
            !text.contains("Secret") && !text.contains("Bob"),
            "{name}: {text}"
        );
    }
}

#[test]
fn reconciling_an_import_twice_is_a_no_op() {
    let temp = tempfile::tempdir().unwrap();
    let store = HeatStore::open(temp.path().join("heat.db"), ZoneDatabase::bundled()).unwrap();
    let window = three_weeks();
    let sync = |events: &[SourceEvent]| {
        store
            .reconcile_heat("ics", &window, events, ReconcileOptions::default())
            .unwrap()
    };
    let events = import("google_calendar.ics");
    let first = sync(&events);
    assert!(first.changed);
    assert_eq!(first.events_inserted, 8);
    assert_eq!(store.events("ics", &window).unwrap().len(), 8);

    let again = import("google_calendar.ics");
    let second = sync(&again);
    assert!(!second.changed);
    assert_eq!(second.window_digest, first.window_digest);
}
