//! A source event: one occurrence as the device calendar reports it.

/// One occurrence of a calendar event. Recurring events arrive already
/// expanded by the platform, one `SourceEvent` per occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceEvent {
    /// Stable per occurrence (series id + original occurrence start).
    pub id: String,
    pub calendar_id: String,
    /// Personal data: never logged, never put in an error.
    pub title: String,
    /// Personal data, like the title.
    pub location: Option<String>,
    pub time: EventTime,
    pub availability: Availability,
    pub status: EventStatus,
    pub participation: Participation,
}

/// When an event happens: an absolute interval, or floating whole days.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventTime {
    /// `[start_ms, end_ms)` in Unix epoch milliseconds (UTC).
    Timed { start_ms: i64, end_ms: i64 },
    /// `[start_date, end_date)` as ISO `YYYY-MM-DD`, `end_date` exclusive;
    /// occupies local midnight to local midnight in the window's time zone.
    AllDay { start_date: String, end_date: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Availability {
    #[default]
    Busy,
    Tentative,
    Free,
    Unavailable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EventStatus {
    #[default]
    Confirmed,
    Tentative,
    Cancelled,
}

/// The user's own response to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Participation {
    /// Organizer, or an event without attendees.
    #[default]
    None,
    Accepted,
    Tentative,
    NeedsAction,
    Declined,
}

/// Wire names shared by the JSON format, the store and the fingerprint, so
/// one spelling exists per value.
macro_rules! wire_names {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),+];

            pub fn wire_name(self) -> &'static str {
                match self { $(<$ty>::$variant => $name),+ }
            }

            pub fn from_wire_name(name: &str) -> Option<Self> {
                match name { $($name => Some(<$ty>::$variant),)+ _ => None }
            }

            /// Stable small integer used in the store and the fingerprint.
            pub fn code(self) -> u8 {
                Self::ALL.iter().position(|v| *v == self).unwrap_or(0) as u8
            }

            pub fn from_code(code: i64) -> Option<Self> {
                usize::try_from(code).ok().and_then(|i| Self::ALL.get(i).copied())
            }
        }
    };
}

wire_names!(Availability { Busy => "busy", Tentative => "tentative", Free => "free", Unavailable => "unavailable" });
wire_names!(EventStatus { Confirmed => "confirmed", Tentative => "tentative", Cancelled => "cancelled" });
wire_names!(Participation {
    None => "none",
    Accepted => "accepted",
    Tentative => "tentative",
    NeedsAction => "needsAction",
    Declined => "declined",
});
