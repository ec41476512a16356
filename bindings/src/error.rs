//! `HeatError`: the one error Swift and Kotlin see, mapped from the core's
//! `Error` in exactly one place (`From<heat_core::Error>`).
//!
//! How it reads on each side (UniFFI 0.32):
//! - Kotlin: `HeatException.InvalidInput` etc.; `message` is UniFFI's list of
//!   the variant's fields (`field=endMs, eventId=e1, reason=is before
//!   startMs`), `toString()` is the `Display` sentence below. A field may not
//!   be called `message` (it would clash with `Throwable.message`), and a
//!   variant without fields would have an empty message, so every variant
//!   carries a `reason`.
//! - Swift: `HeatError.InvalidInput(field:eventId:reason:)` (UniFFI keeps the
//!   Rust case names); `description` is the `Display` sentence, and the
//!   package's `HeatError+Description.swift` makes `localizedDescription`
//!   the same sentence.
//!
//! Never a title or location in here: those are personal data.

use std::fmt;

use heat_core::Error as CoreError;

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum HeatError {
    /// An argument or an event was rejected; nothing was written.
    InvalidInput {
        /// The offending field, as spelled in the bindings (`endMs`, `window.timeZone`).
        field: String,
        /// The id of the event the field belongs to, when it is an event's.
        event_id: Option<String>,
        reason: String,
    },
    /// The source had no events but the store holds some in the window;
    /// pass `allowEmpty` only when the calendar is readable and really empty.
    EmptySourceRefused { reason: String, stored_events: i64 },
    /// `interrupt()` stopped the call; the store is unchanged.
    Interrupted { reason: String },
    /// SQLite failed (disk full, I/O error, locked for too long).
    Storage { reason: String },
    /// The file's schema is not the one this build reads: written by a newer
    /// version of the engine, or (for `openReadOnly`) not yet upgraded by
    /// the writer.
    IncompatibleDatabase {
        reason: String,
        found_version: i64,
        supported_version: i64,
    },
    /// The file is a store of this engine and is damaged (or is not a
    /// database at all): deleting it and syncing again rebuilds it.
    CorruptDatabase { reason: String },
    /// Another application's SQLite file: never delete it (it may hold what
    /// its owner cannot get back); the path is wrong.
    ForeignDatabase { reason: String },
    /// A write call on a store opened with `openReadOnly`.
    ReadOnly { reason: String },
    /// A bug in the engine stopped the call (a Rust panic); the store is unchanged.
    Internal { reason: String },
}

impl From<CoreError> for HeatError {
    fn from(err: CoreError) -> Self {
        let reason = err.to_string();
        match err {
            CoreError::InvalidInput(input) => HeatError::InvalidInput {
                field: input.field,
                event_id: input.event_id,
                reason: input.reason,
            },
            CoreError::EmptySourceRefused { stored_events } => HeatError::EmptySourceRefused {
                reason,
                stored_events: saturating_i64(stored_events),
            },
            CoreError::Interrupted => HeatError::Interrupted { reason },
            CoreError::Storage(_) | CoreError::Busy(_) | CoreError::DiskFull(_) => {
                HeatError::Storage { reason }
            }
            CoreError::IncompatibleDatabase { found, supported } => HeatError::IncompatibleDatabase {
                reason,
                found_version: found,
                supported_version: supported,
            },
            CoreError::ForeignDatabase => HeatError::ForeignDatabase { reason },
            CoreError::CorruptDatabase(_) => HeatError::CorruptDatabase { reason },
            CoreError::ReadOnly(_) => HeatError::ReadOnly { reason },
        }
    }
}

impl From<heat_core::InvalidInput> for HeatError {
    fn from(input: heat_core::InvalidInput) -> Self {
        CoreError::InvalidInput(input).into()
    }
}

impl HeatError {
    /// A rejected argument of the bindings themselves (not of the core).
    pub(crate) fn invalid_argument(field: &str, reason: &str) -> Self {
        heat_core::InvalidInput::new(field, reason).into()
    }
}

impl fmt::Display for HeatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeatError::InvalidInput {
                field,
                event_id: Some(id),
                reason,
            } => {
                write!(f, "invalid input: {field} of event {id:?}: {reason}")
            }
            HeatError::InvalidInput {
                field,
                event_id: None,
                reason,
            } => {
                write!(f, "invalid input: {field}: {reason}")
            }
            HeatError::EmptySourceRefused { reason, .. }
            | HeatError::Interrupted { reason }
            | HeatError::Storage { reason }
            | HeatError::IncompatibleDatabase { reason, .. }
            | HeatError::CorruptDatabase { reason }
            | HeatError::ForeignDatabase { reason }
            | HeatError::ReadOnly { reason }
            | HeatError::Internal { reason } => f.write_str(reason),
        }
    }
}

impl std::error::Error for HeatError {}

/// Counts cross the FFI as `Int64`; no real count comes near the limit.
pub(crate) fn saturating_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_keeps_field_and_event_id_and_reads_as_a_sentence() {
        let core = heat_core::InvalidInput::new("endMs", "is before startMs").of_event("e1");
        let err = HeatError::from(CoreError::from(core));
        assert_eq!(
            err,
            HeatError::InvalidInput {
                field: "endMs".into(),
                event_id: Some("e1".into()),
                reason: "is before startMs".into(),
            }
        );
        assert_eq!(
            err.to_string(),
            "invalid input: endMs of event \"e1\": is before startMs"
        );
    }

    #[test]
    fn every_core_error_keeps_its_display_text() {
        let cases = [
            CoreError::EmptySourceRefused { stored_events: 3 },
            CoreError::Interrupted,
            CoreError::Storage("disk I/O error".into()),
            CoreError::IncompatibleDatabase {
                found: 99,
                supported: 1,
            },
            CoreError::ForeignDatabase,
            CoreError::CorruptDatabase("the file is not a SQLite database".into()),
            CoreError::ReadOnly("the store was opened read-only".into()),
        ];
        for core in cases {
            let text = core.to_string();
            assert_eq!(HeatError::from(core).to_string(), text);
        }
    }

    #[test]
    fn a_newer_schema_reports_both_versions() {
        let err = HeatError::from(CoreError::IncompatibleDatabase {
            found: 99,
            supported: 1,
        });
        assert!(matches!(
            err,
            HeatError::IncompatibleDatabase {
                found_version: 99,
                supported_version: 1,
                ..
            }
        ));
    }
}
