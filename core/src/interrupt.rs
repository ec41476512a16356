//! Cancellation from another thread.
//!
//! A background task that the OS is about to expire calls `interrupt()`. The
//! call that is running notices at its next check (between batches of Rust
//! work) or inside SQLite (through SQLite's own interrupt), fails with
//! `Error::Interrupted`, and its transaction rolls back. Calls that start
//! after the interrupt are not affected: each call remembers the generation
//! it started in.
//!
//! The sync job also hands a call its own cancel flag (`begin`): a
//! `cancel()` that lands between two of the job's steps, before the next
//! call has begun, must still stop that call.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::error::{Error, Result};

#[derive(Debug, Default)]
pub struct Interrupter {
    generation: AtomicU64,
}

impl Interrupter {
    pub fn interrupt(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Starts a call that `interrupt()` (or setting `cancel`) can cancel.
    pub fn begin<'a>(&'a self, cancel: Option<&'a AtomicBool>) -> InterruptScope<'a> {
        InterruptScope {
            owner: self,
            started_at: self.generation.load(Ordering::SeqCst),
            cancel,
        }
    }
}

/// One cancellable call.
#[derive(Debug)]
pub struct InterruptScope<'a> {
    owner: &'a Interrupter,
    started_at: u64,
    cancel: Option<&'a AtomicBool>,
}

impl InterruptScope<'_> {
    pub fn check(&self) -> Result<()> {
        let interrupted = self.owner.generation.load(Ordering::SeqCst) != self.started_at;
        let cancelled = self.cancel.is_some_and(|c| c.load(Ordering::SeqCst));
        if interrupted || cancelled {
            Err(Error::Interrupted)
        } else {
            Ok(())
        }
    }
}

/// How many items a loop processes between interrupt checks.
pub const CHECK_EVERY: usize = 1_024;
