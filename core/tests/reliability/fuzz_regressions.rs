//! Inputs the fuzz targets (`fuzz/`) found failing, kept as tests.

use heat_core::{Error, InvalidInput, events_from_ics, window_of_days};

fn one_event_file(uid: &str, summary: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261130T090000Z\r\n\
         DTEND:20261130T100000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

fn import_error(text: &str) -> InvalidInput {
    let window = window_of_days("2026-11-30", 7, "Europe/Berlin").unwrap();
    match events_from_ics(text, &window, None) {
        Err(Error::InvalidInput(invalid)) => invalid,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// `fuzz/ics`, 2026-11-26: a UID with a NUL character became an event the
/// reconcile refuses (its id check), so the import "succeeded" with events
/// no sync could store. The importer now applies the reconcile's checks.
#[test]
fn an_ics_uid_with_a_nul_is_refused_at_import() {
    assert_eq!(import_error(&one_event_file("a\0b", "x")).field, "id");
}
