//! Why a command failed, and the exit status that tells a script so.
//!
//! `docs/contract.md` "Exit status": 0 success; 2 bad input or bad arguments
//! (the store is unchanged); 3 refused by the empty-source guard; 1 anything
//! else.
//! `exit_code` is the one place that maps engine errors onto those.

use std::fmt;

use heat_core::{Error, InvalidInput};

pub const EXIT_BAD_INPUT: u8 = 2;
pub const EXIT_REFUSED_EMPTY: u8 = 3;
pub const EXIT_OTHER: u8 = 1;

#[derive(Debug)]
pub enum Failure {
    /// The engine rejected the input or could not do its job.
    Engine(Error),
    /// An argument clap accepted that names something unusable, such as an
    /// events file that cannot be read.
    BadArgument(String),
    /// The machine failed us: a temporary directory or an output file could
    /// not be written.
    Io(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::BadArgument(_) => EXIT_BAD_INPUT,
            // A file that is not a store, or a newer one, is bad input
            // (`docs/contract.md` "Bad input").
            Failure::Engine(
                Error::InvalidInput(_)
                | Error::CorruptDatabase(_)
                | Error::IncompatibleDatabase { .. }
                | Error::ForeignDatabase,
            ) => EXIT_BAD_INPUT,
            Failure::Engine(Error::EmptySourceRefused { .. }) => EXIT_REFUSED_EMPTY,
            Failure::Engine(
                Error::Interrupted
                | Error::Storage(_)
                | Error::Busy(_)
                | Error::DiskFull(_)
                | Error::ReadOnly(_),
            )
            | Failure::Io(_) => EXIT_OTHER,
        }
    }
}

/// One line, fit for stderr and for scripts that read it.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Failure::Engine(Error::EmptySourceRefused { stored_events }) => format!(
                "refused to empty the window: the source has no events in it but the store holds \
                 {stored_events}; pass --allow-empty if the calendar really is empty"
            ),
            Failure::Engine(error) => error.to_string(),
            Failure::BadArgument(message) | Failure::Io(message) => message.clone(),
        };
        f.write_str(&text.replace(['\n', '\r'], " "))
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Engine(error)
    }
}

impl From<InvalidInput> for Failure {
    fn from(error: InvalidInput) -> Self {
        Failure::Engine(Error::InvalidInput(error))
    }
}
