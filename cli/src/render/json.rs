//! The `--json` outputs of `docs/contract.md` "JSON outputs". Field names
//! are part of the contract; instants are RFC 3339 with the window zone's offset. (`events`
//! uses the core's own event JSON, so it reads back with `--events`.)

use heat_core::{HeatMap, ReconcileOutcome, TimeRange};
use serde_json::{Value, json};

use crate::local_window::LocalWindow;

pub fn sync_outcome(outcome: &ReconcileOutcome, window: &LocalWindow) -> Value {
    json!({
        "changed": outcome.changed,
        "windowDigest": outcome.window_digest,
        "eventsInserted": outcome.events_inserted,
        "eventsDeleted": outcome.events_deleted,
        "eventsUnchanged": outcome.events_unchanged,
        "ignoredOutsideWindow": outcome.ignored_outside_window,
        "daysReplaced": outcome.days_replaced,
        "replacedRanges": outcome.replaced_ranges.iter().map(|r| range(r, window)).collect::<Vec<_>>(),
        "durationMicros": outcome.duration_micros,
    })
}

pub fn heat_map(map: &HeatMap, window: &LocalWindow) -> Value {
    json!({
        "slotMinutes": map.slot_minutes,
        "busyMinutes": map.busy_minutes,
        "slots": map.slots.iter()
            .map(|slot| json!({"start": window.rfc3339(slot.start_ms), "heat": slot.heat}))
            .collect::<Vec<_>>(),
    })
}

pub fn free_blocks(blocks: &[TimeRange], window: &LocalWindow) -> Value {
    json!({
        "blocks": blocks.iter()
            .map(|block| {
                let mut value = range(block, window);
                value["minutes"] = json!(block.minutes());
                value
            })
            .collect::<Vec<_>>(),
    })
}

fn range(range: &TimeRange, window: &LocalWindow) -> Value {
    json!({"start": window.rfc3339(range.start_ms), "end": window.rfc3339(range.end_ms)})
}

/// Pretty-printed, newline-terminated.
pub fn to_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}
