//! The core's one error type.
//!
//! Every failure the engine can report is a variant here; the FFI layer maps
//! them onto its small public error in one place. Messages name fields and
//! event ids, never titles or locations: those are personal data and must not
//! reach logs or crash reports.

use std::fmt;

/// A rejected input: which field, of which event (if any), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidInput {
    /// The offending field, in the JSON / bindings spelling (`endMs`, `timeZone`).
    pub field: String,
    /// The id of the event the field belongs to, when the field is an event's.
    pub event_id: Option<String>,
    /// What is wrong, without echoing personal data.
    pub reason: String,
}

impl InvalidInput {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            event_id: None,
            reason: reason.into(),
        }
    }

    pub fn of_event(mut self, event_id: &str) -> Self {
        self.event_id = Some(event_id.to_owned());
        self
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.event_id {
            Some(id) => write!(f, "{} of event {id:?}: {}", self.field, self.reason),
            None => write!(f, "{}: {}", self.field, self.reason),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid input: {0}")]
    InvalidInput(InvalidInput),

    #[error(
        "refused to empty the window: the source has no events but the store holds {stored_events}; \
         pass allowEmpty if the calendar is readable and really empty"
    )]
    EmptySourceRefused { stored_events: u64 },

    #[error("interrupted: the call was cancelled and the store is unchanged")]
    Interrupted,

    #[error("storage error: {0}")]
    Storage(String),

    /// Another connection held the write lock past the busy timeout (or the
    /// wait was cancelled): transient.
    #[error("storage error: {0}")]
    Busy(String),

    /// The disk (or the app's quota) is full: transient, nothing written.
    #[error("storage error: {0}")]
    DiskFull(String),

    /// The file's schema is not the one this build reads: newer (written by a
    /// newer app; never touched) or, for a read-only open, older (the writer
    /// upgrades it on its next open).
    #[error("incompatible database: {}", incompatibility(*found, *supported))]
    IncompatibleDatabase { found: i64, supported: i64 },

    /// A SQLite file of another application: never touched, never deleted.
    #[error("incompatible database: the file is a SQLite database of another application")]
    ForeignDatabase,

    #[error("corrupt database: {0}; delete the file to rebuild it from the calendar")]
    CorruptDatabase(String),

    /// A write through a store opened with `open_read_only`.
    #[error("read-only store: {0}; sync through a store opened for writing")]
    ReadOnly(String),
}

fn incompatibility(found: i64, supported: i64) -> String {
    if found > supported {
        format!(
            "schema version {found} is newer than this build supports ({supported}); \
             update the app or delete the file to rebuild it from the calendar"
        )
    } else {
        format!(
            "schema version {found} is older than this build reads ({supported}); \
             open the file for writing once (the sync job does) to upgrade it"
        )
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<InvalidInput> for Error {
    fn from(value: InvalidInput) -> Self {
        Error::InvalidInput(value)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        if let rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..)
        | rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::Utf8Error(..) = err
        {
            // Only reading a stored row fails this way, and every row was
            // written by us with the right types: the file was damaged.
            return Error::CorruptDatabase("a stored row fails its type or checksum check".into());
        }
        match err.sqlite_error_code() {
            Some(ErrorCode::OperationInterrupted) => Error::Interrupted,
            Some(ErrorCode::NotADatabase) => {
                Error::CorruptDatabase("the file is not a SQLite database".into())
            }
            Some(ErrorCode::DatabaseCorrupt) => {
                Error::CorruptDatabase("SQLite reports the file as malformed".into())
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy(err.to_string()),
            Some(ErrorCode::DiskFull) => Error::DiskFull(err.to_string()),
            // SQLite's own messages name tables and columns, never bound values,
            // so they are safe to pass on.
            _ => Error::Storage(err.to_string()),
        }
    }
}
