//! Damaged iCalendar files: whatever the damage, the importer answers with
//! an import (events and a report) or an `InvalidInput`, never a panic, a
//! hang or another error.

use heat_core::ZoneDatabase;
use heat_core::{Error, window_of_days};
use heat_ics::{events_from_ics, import_ics};
use proptest::prelude::*;

const FIXTURES: [&str; 3] = [
    "google_calendar.ics",
    "outlook_exchange.ics",
    "apple_calendar.ics",
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../tests/fixtures/ics/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Characters that matter to the grammar, plus digits and letters.
fn noise() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just(':'),
            Just(';'),
            Just(','),
            Just('='),
            Just('"'),
            Just('\n'),
            Just(' '),
            Just('T'),
            Just('Z'),
            Just('-'),
            Just('P'),
            Just('9'),
            Just('0'),
            Just('é'),
        ],
        0..12,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_never_panic(
        file in 0..FIXTURES.len(),
        edits in proptest::collection::vec((0.0..1.0f64, 0usize..40, noise()), 1..4),
    ) {
        let mut text = fixture(FIXTURES[file]);
        for (at, cut, insert) in edits {
            let mut start = ((text.len() as f64) * at) as usize;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, &insert);
        }
        let window = window_of_days(&ZoneDatabase::bundled(), "2026-10-19", 21, "Europe/Berlin").unwrap();
        match import_ics(&text, &window, Some("me@example.org")) {
            Ok(_) | Err(Error::InvalidInput(_)) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
}

#[test]
fn extreme_lengths_and_dates_are_refused_or_handled() {
    let window = window_of_days(&ZoneDatabase::bundled(), "2026-10-19", 21, "Europe/Berlin").unwrap();
    for body in [
        "DTSTART:20261020T090000Z\r\nDURATION:P99999999999D",
        "DTSTART:20261020T090000Z\r\nDTEND:99991231T000000Z",
        "DTSTART:00010101T090000Z\r\nRRULE:FREQ=YEARLY",
        "DTSTART:99991231T090000Z\r\nRRULE:FREQ=DAILY",
        "DTSTART;VALUE=DATE:00010101\r\nRRULE:FREQ=DAILY;INTERVAL=65535",
        "DTSTART:20261020T090000Z\r\nRRULE:FREQ=DAILY;COUNT=4294967295",
    ] {
        let text =
            format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        match events_from_ics(&text, &window, None) {
            Ok(_) | Err(Error::InvalidInput(_)) => {}
            Err(other) => panic!("{body}: {other}"),
        }
    }
}

/// Found by the fuzz target: the rrule crate slices a `BYDAY` value
/// byte-wise and panicked inside a multi-byte character.
#[test]
fn a_rule_part_that_is_not_ascii_is_ignored_with_a_warning() {
    let window = window_of_days(&ZoneDatabase::bundled(), "2026-10-19", 21, "Europe/Berlin").unwrap();
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261020T090000Z\r\n\
                DTEND:20261020T093000Z\r\nRRULE:FREQ=DAILY;COUNT=3;BYDAY=MO,TH\u{739}R\r\n\
                END:VEVENT\r\nEND:VCALENDAR\r\n";
    let import = import_ics(text, &window, None).expect("an import");
    assert_eq!(import.events.len(), 3, "the rule without its broken part");
    assert!(
        import.warnings.iter().any(|w| w.reason.contains("not ASCII")),
        "{:?}",
        import.warnings
    );
}

#[test]
fn many_hostile_zones_and_tzids_are_bounded_in_time() {
    let mut text = String::from("BEGIN:VCALENDAR\r\n");
    for i in 0..200 {
        text.push_str(&format!(
            "BEGIN:VTIMEZONE\r\nTZID:Z{i}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nRRULE:FREQ=DAILY\r\n\
             TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        ));
    }
    for i in 0..20_000 {
        let zone = if i < 200 {
            format!("Z{i}")
        } else {
            format!("Undefined {i}")
        };
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:e{i}\r\nDTSTART;TZID={zone}:20261020T090000\r\nEND:VEVENT\r\n"
        ));
    }
    text.push_str("END:VCALENDAR\r\n");
    let window = window_of_days(&ZoneDatabase::bundled(), "2026-10-19", 21, "Europe/Berlin").unwrap();
    let started = std::time::Instant::now();
    let import = import_ics(&text, &window, None).unwrap();
    assert_eq!(import.events.len(), 20_000);
    // Zones whose daily rules need more than their share are undefined (a
    // warning each), like the 19,800 TZIDs nothing defines.
    assert!(import.warnings.len() >= 19_800, "{}", import.warnings.len());
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}
