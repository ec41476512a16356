//! Source events as Swift and Kotlin see them.

pub use heat_core::model::{Availability, EventStatus, EventTime, Participation, SourceEvent};

/// One occurrence of a calendar event, as the device calendar reports it
/// (recurring events already expanded). The core's types, exported as they
/// are (UniFFI remote types): one declaration, no conversion.
#[uniffi::remote(Record)]
pub struct SourceEvent {
    /// Stable per occurrence (series id + original occurrence start).
    pub id: String,
    pub calendar_id: String,
    /// Personal data: the engine never logs it or puts it in an error.
    pub title: String,
    #[uniffi(default = None)]
    pub location: Option<String>,
    pub time: EventTime,
    pub availability: Availability,
    pub status: EventStatus,
    pub participation: Participation,
}

/// When an event happens.
#[uniffi::remote(Enum)]
pub enum EventTime {
    /// `[startMs, endMs)` in Unix epoch milliseconds (UTC).
    Timed { start_ms: i64, end_ms: i64 },
    /// Whole days `[startDate, endDate)` (`YYYY-MM-DD`, end exclusive), from
    /// local midnight to local midnight in the window's time zone.
    AllDay { start_date: String, end_date: String },
}

#[uniffi::remote(Enum)]
pub enum Availability {
    Busy,
    Tentative,
    Free,
    Unavailable,
}

#[uniffi::remote(Enum)]
pub enum EventStatus {
    Confirmed,
    Tentative,
    Cancelled,
}

/// The user's own response to the event (`None`: organizer, or no attendees).
#[uniffi::remote(Enum)]
pub enum Participation {
    None,
    Accepted,
    Tentative,
    NeedsAction,
    Declined,
}
