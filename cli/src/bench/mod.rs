//! `heat bench`: the engine's workloads side by side with the naive designs
//! the seed rejects and with the physical limits (hashing alone, SQLite bulk
//! insert alone), in one process on one temporary store, so the ratios
//! compare like with like. See `docs/performance.md`.

mod baselines;
mod calendar_data;
mod measure;
mod report;
mod sync_job;
mod workloads;

pub use report::Report;
pub use sync_job::peak_rss_of_sync_at_event_limit;
pub use workloads::{Plan, peak_rss_of_cold_fill, run_all};
