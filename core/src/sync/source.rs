//! What the job needs of the device calendar: its access state and the
//! occurrences of a time range. Implemented by the platforms (and by fakes
//! in tests); everything else is the job's.

use crate::model::{SourceEvent, TimeRange};

/// The app's calendar permission, as the platform reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalendarAccess {
    FullAccess,
    WriteOnly,
    Denied,
    Restricted,
    NotDetermined,
}

/// One read of a time range.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalendarRead {
    /// How many calendars the read covered. A successful read of at least
    /// one calendar is the only read that may empty a window.
    pub calendar_count: u32,
    /// Occurrences overlapping the range, recurring events expanded.
    pub events: Vec<SourceEvent>,
}

/// A read that failed. `reason` reaches the summary as is: it must not
/// quote user data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub reason: String,
}

pub trait CalendarSource {
    /// Fails only when the platform cannot tell (the run then stops with
    /// `SourceFailed`).
    fn access(&self) -> Result<CalendarAccess, SourceError>;

    /// Occurrences overlapping `range` (`[start_ms, end_ms)`).
    fn read(&self, range: TimeRange) -> Result<CalendarRead, SourceError>;
}
