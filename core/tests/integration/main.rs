//! The core's integration tests, in one binary (one link instead of nine):
//! the reconcile model, bad input, interrupts, the store schema and its
//! migrations, time zones, the golden fixtures, the sync job and the
//! reliability harnesses; `support` holds their helpers (the ICS tests share
//! none of them).

mod bad_input;
mod golden_fixtures;
mod interrupt;
mod reconcile_model;
mod reliability;
mod store_schema;
mod support;
mod sync_job;
mod time_zones;
mod zone_rule_change;
