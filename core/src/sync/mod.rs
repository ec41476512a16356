//! The background sync job: the whole policy of a phone's background run,
//! written once for iOS and Android (`docs/contract.md` "Sync job").
//!
//! Which windows, in what order, what a failed, empty or revoked read
//! means, what to do with odd events, a damaged file or a cancellation is
//! decided here. A platform only brings what only it can: a
//! [`CalendarSource`] that reads the device calendar (EventKit,
//! CalendarContract) and maps its rows to [`SourceEvent`](crate::SourceEvent)s.

mod cancellation;
mod job;
mod odd_events;
mod plan;
mod run_lock;
mod source;
mod store_file;
mod summary;

pub use cancellation::SyncCancellation;
pub use job::SyncJob;
pub use plan::SyncPlan;
pub use source::{CalendarAccess, CalendarRead, CalendarSource, SourceError};
pub use summary::{StoreProblem, SyncDisposition, SyncStop, SyncSummary, WindowSync};
