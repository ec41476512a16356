//! The sync job for Swift and Kotlin: the core's `SyncJob`, with the device
//! calendar as a foreign trait the platforms implement. The policy lives in
//! `heat_core::sync`; this module only translates.

mod cancellation;
mod job;
mod plan;
mod source;
mod summary;

pub use cancellation::SyncCancellation;
pub use job::SyncJob;
pub use plan::{SyncPlan, default_sync_plan};
pub use source::{CalendarAccess, CalendarRead, CalendarSource, SourceError};
pub use summary::{StoreProblem, SyncDisposition, SyncStop, SyncSummary, WindowSync};
