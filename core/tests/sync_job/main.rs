//! The sync job (`docs/contract.md` "Sync job"): a model-based property test
//! of whole runs, cancellation, one run at a time, and the store file
//! policy (damaged files rebuilt, newer and foreign files never touched, no
//! lock held between runs).

#[path = "../support/mod.rs"]
mod support;

mod access_failure;
mod calendar;
mod cancel;
mod model_runs;
mod one_run_at_a_time;
mod store_file;
