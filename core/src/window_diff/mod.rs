//! The window diff: turns the source events of a window into the set
//! `S` with its fingerprint, and decides, day by day, what the store must
//! change to equal it. Storage-agnostic: `store` applies the plan.

mod fingerprint;
mod plan;
mod source_state;

pub use fingerprint::{Digest, day_digest, event_hash, to_hex, window_digest};
pub use plan::{Plan, StoredEvent, day_digests_from_rows, plan_changes};
pub use source_state::{SourceState, WindowEvent, overlapped_days};
