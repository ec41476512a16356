//! Flow State Heat Engine core.
//!
//! Keeps a local SQLite "window store" of a calendar in sync with the device
//! calendar by reconciling the *state of a time window* rather than replaying
//! event-by-event changes: the source events of a window are normalized and
//! fingerprinted, compared with the store's fingerprint of the same window,
//! and, only when they differ, the differing days are replaced atomically.
//!
//! - [`model`]: events, windows, validation, the JSON format;
//! - [`heat`]: heat maps, busy time, free blocks, day summaries (pure);
//! - [`window_diff`]: the set `S`, its Merkle fingerprint, the change plan (pure);
//! - [`store`]: the SQLite file and the `HeatStore` API;
//! - [`sync`]: the background sync job, the policy of a run (once for both
//!   platforms).
//!
//! This crate knows nothing of FFI; `bindings/` exposes it to Swift and Kotlin.

pub mod error;
pub mod heat;
mod interrupt;
pub mod limits;
pub mod model;
pub mod store;
pub mod sync;
pub mod window_diff;

pub use error::{Error, InvalidInput, Result};
pub use heat::{DaySummary, HeatMap, HeatSlot};
#[cfg(feature = "event-json")]
pub use model::events_from_json;
pub use model::zone_rules::ZoneDatabase;
pub use model::{
    Availability, EventStatus, EventTime, Participation, SourceEvent, TimeRange, TimeWindow, window_of_days,
};
pub use store::{HeatStore, ReconcileOptions, ReconcileOutcome, StoreVersion, SyncRecord};
pub use sync::{
    CalendarAccess, CalendarRead, CalendarSource, SourceError, StoreProblem, SyncCancellation,
    SyncDisposition, SyncJob, SyncPlan, SyncStop, SyncSummary, WindowSync,
};
