//! `CalendarSource`: the device calendar, implemented in Swift (EventKit)
//! or Kotlin (CalendarContract), and the adapter that hands it to the core.
//!
//! A foreign exception that is not a `SourceError` reaches Rust as UniFFI's
//! unexpected-callback error; it becomes `SourceError::Unavailable` with a
//! fixed text, because its message may quote user data. `access()` may throw
//! too: a non-throwing callback that throws would be a panic in Rust whose
//! message quotes the exception.

use std::sync::Arc;

use heat_core::sync;
pub use heat_core::sync::CalendarAccess;

use crate::event::SourceEvent;
use crate::window::TimeRange;

/// The app's calendar permission, as the platform reports it (the core's
/// type, exported as is).
#[uniffi::remote(Enum)]
pub enum CalendarAccess {
    FullAccess,
    WriteOnly,
    Denied,
    Restricted,
    NotDetermined,
}

/// One read of a time range.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CalendarRead {
    /// How many calendars the read covered; only a successful read of at
    /// least one calendar may empty a window.
    pub calendar_count: u32,
    pub events: Vec<SourceEvent>,
}

/// A read that failed. The reason reaches the sync summary as is: never put
/// event titles or other user data in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum SourceError {
    #[error("calendar unavailable: {reason}")]
    Unavailable { reason: String },
}

/// What a foreign error that is not a `SourceError` is reported as.
pub(crate) const UNEXPECTED_SOURCE_ERROR: &str =
    "the calendar source threw an unexpected error (its message is not kept: it may quote user data)";

impl From<uniffi::UnexpectedUniFFICallbackError> for SourceError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        SourceError::Unavailable {
            reason: UNEXPECTED_SOURCE_ERROR.into(),
        }
    }
}

/// The device calendar; `read` is called once per window with exactly the
/// window's range, from the thread that called `SyncJob.run`.
#[uniffi::export(with_foreign)]
pub trait CalendarSource: Send + Sync {
    /// The app's calendar permission now. May throw (a `SourceError`, or
    /// anything else): the run then stops with `sourceFailed`.
    fn access(&self) -> Result<CalendarAccess, SourceError>;

    /// Occurrences overlapping `range`, recurring events expanded.
    fn read(&self, range: TimeRange) -> Result<CalendarRead, SourceError>;
}

/// The foreign source as the core's `CalendarSource`.
pub(crate) struct ForeignSource(pub Arc<dyn CalendarSource>);

impl sync::CalendarSource for ForeignSource {
    fn access(&self) -> Result<sync::CalendarAccess, sync::SourceError> {
        self.0.access().map_err(Into::into)
    }

    fn read(&self, range: heat_core::TimeRange) -> Result<sync::CalendarRead, sync::SourceError> {
        let read = self.0.read(range)?;
        Ok(sync::CalendarRead {
            calendar_count: read.calendar_count,
            events: read.events,
        })
    }
}

impl From<SourceError> for sync::SourceError {
    fn from(SourceError::Unavailable { reason }: SourceError) -> Self {
        sync::SourceError { reason }
    }
}
