//! Reliability (`docs/contract.md` "Store file", "Limits", "Privacy" and
//! "Reconcile semantics" 6): the store survives SIGKILLs at any instruction,
//! concurrent writers and readers in several processes, damaged files, full
//! and read-only disks and oversized calls, and never lets a title or a
//! location into an error. Figures and commands: `docs/reliability.md`.
//!
//! One test binary, so the harnesses share one build. Tests that need a
//! process of their own (a victim to kill, a second writer, a private mount
//! namespace, a clean peak-memory reading) run this binary again as a child,
//! filtered to one `#[ignore]`d entry point (see `child`).

mod bad_disks;
mod bad_files;
mod child;
mod concurrency;
mod kill;
mod limits;
mod privacy;
mod rng;
