//! `events_from_json` on any text: an error or events, never a panic; and
//! what the core writes back as JSON reads back as the same events.
#![no_main]

use heat_core::model::events_to_json;
use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    if let Ok(events) = heat_core::events_from_json(text) {
        let written = events_to_json(&events).to_string();
        let again = heat_core::events_from_json(&written).expect("the core's own JSON parses");
        assert_eq!(again, events, "the JSON round trip changed the events");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text);
    // The seeds are the fixture files as they are; they hold their events
    // under "source".
    if let Ok(serde_json::Value::Object(root)) = serde_json::from_str(text)
        && let Some(source) = root.get("source")
    {
        check(&source.to_string());
    }
});
