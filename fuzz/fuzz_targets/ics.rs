//! `import_ics` on any text: an import or `InvalidInput`, never a panic or
//! another error; every event it returns is valid and lies in the window,
//! events that share an id are equal (the reconcile rule), so a reconcile
//! accepts the list; every skipped component and warning names a line of
//! the text.
#![no_main]

use heat_core::ZoneDatabase;
use heat_core::limits::MAX_WINDOW_DAYS;
use heat_core::model::{MS_PER_DAY, check_event, interval_overlaps};
use heat_core::{Error, TimeWindow};
use libfuzzer_sys::fuzz_target;

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
];
/// 2026-01-01T00:00Z.
const BASE_MS: i64 = 1_767_225_600_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The window is the longest there is, over the fixtures' year, so that a
    // fixture file seeds the target as it is; its zone and whether to look
    // for the user's own ATTENDEE vary with the input's length.
    let window = TimeWindow {
        start_ms: BASE_MS,
        end_ms: BASE_MS + MAX_WINDOW_DAYS * MS_PER_DAY,
        time_zone: ZONES[data.len() % ZONES.len()].into(),
    };
    let me = (data.len() % 2 == 0).then_some("me@example.org");
    match heat_ics::import_ics(text, &window, me) {
        Err(Error::InvalidInput(_)) => {}
        Err(other) => panic!("not an InvalidInput: {other:?}"),
        Ok(import) => {
            let lines = text.split('\n').count();
            for issue in import.skipped.iter().chain(&import.warnings) {
                assert!(
                    (1..=lines).contains(&issue.line),
                    "line {} of {lines}",
                    issue.line
                );
            }
            let events = import.events;
            let zone = ZoneDatabase::bundled().zone(&window.time_zone, "tz").unwrap();
            let mut by_id = std::collections::HashMap::new();
            for event in &events {
                let checked = check_event(event).expect("an imported event is valid");
                let (start, end) = checked.span.resolve(&zone);
                assert!(
                    interval_overlaps(start, end, window.start_ms, window.end_ms),
                    "outside the window"
                );
                if let Some(other) = by_id.insert(event.id.as_str(), event) {
                    assert_eq!(other, event, "two different occurrences share an id");
                }
            }
        }
    }
});
