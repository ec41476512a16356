//! The expected fingerprint bytes, encoded from their documented layout
//! (`core/src/engine/fingerprint.rs` module doc, docs/adr/0004): BLAKE3 over
//! a domain string and fields, each text as its byte length (u64) then its
//! UTF-8 bytes, each integer as an i64, digests raw, all little-endian. Kept
//! apart from the engine's encoder so that a change of layout there fails the
//! model tests instead of moving the expected side along with it.

use heat_core::{Availability, EventStatus, EventTime, Participation, SourceEvent};

use super::interval::calendar_date;

pub type Digest = [u8; 32];

/// The domain strings that version the stored encodings.
const EVENT_DOMAIN: &str = "flowstate.heat.event.v1";
const DAY_DOMAIN: &str = "flowstate.heat.day.v1";

/// Hash of everything stored about one event: id, calendar id, title, the
/// optional location (flag 0, or flag 1 and the text), the time (0 and the
/// epoch ms of a timed event, 1 and the days since 1970-01-01 of an all-day
/// one), then the availability, status and participation codes.
pub fn event_hash(event: &SourceEvent) -> Digest {
    let mut bytes = Vec::new();
    push_text(&mut bytes, EVENT_DOMAIN);
    push_text(&mut bytes, &event.id);
    push_text(&mut bytes, &event.calendar_id);
    push_text(&mut bytes, &event.title);
    match &event.location {
        None => push_int(&mut bytes, 0),
        Some(location) => {
            push_int(&mut bytes, 1);
            push_text(&mut bytes, location);
        }
    }
    let (kind, start, end) = match &event.time {
        EventTime::Timed { start_ms, end_ms } => (0, *start_ms, *end_ms),
        EventTime::AllDay { start_date, end_date } => {
            (1, days_since_1970(start_date), days_since_1970(end_date))
        }
    };
    for value in [
        kind,
        start,
        end,
        availability_code(event.availability),
        status_code(event.status),
        participation_code(event.participation),
    ] {
        push_int(&mut bytes, value);
    }
    blake3::hash(&bytes).into()
}

/// Digest of one local day: its bounds, how many events overlap it and
/// their hashes in ascending byte order.
pub fn day_digest(day_start_ms: i64, day_end_ms: i64, mut event_hashes: Vec<Digest>) -> Digest {
    event_hashes.sort();
    let mut bytes = Vec::new();
    push_text(&mut bytes, DAY_DOMAIN);
    push_int(&mut bytes, day_start_ms);
    push_int(&mut bytes, day_end_ms);
    push_int(&mut bytes, event_hashes.len() as i64);
    bytes.extend(event_hashes.iter().flatten());
    blake3::hash(&bytes).into()
}

fn push_text(bytes: &mut Vec<u8>, text: &str) {
    bytes.extend((text.len() as u64).to_le_bytes());
    bytes.extend(text.as_bytes());
}

fn push_int(bytes: &mut Vec<u8>, value: i64) {
    bytes.extend(value.to_le_bytes());
}

fn days_since_1970(date: &str) -> i64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    (calendar_date(date) - epoch).num_days()
}

// The stored code of a value is its position in its enum's `ALL` list
// (core/src/model/event.rs), written out here so a reordering there shows.

fn availability_code(availability: Availability) -> i64 {
    match availability {
        Availability::Busy => 0,
        Availability::Tentative => 1,
        Availability::Free => 2,
        Availability::Unavailable => 3,
    }
}

fn status_code(status: EventStatus) -> i64 {
    match status {
        EventStatus::Confirmed => 0,
        EventStatus::Tentative => 1,
        EventStatus::Cancelled => 2,
    }
}

fn participation_code(participation: Participation) -> i64 {
    match participation {
        Participation::None => 0,
        Participation::Accepted => 1,
        Participation::Tentative => 2,
        Participation::NeedsAction => 3,
        Participation::Declined => 4,
    }
}
