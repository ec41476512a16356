//! Cancellation from another thread.
//!
//! A background task that the OS is about to expire calls `interrupt()`. The
//! call that is running notices at its next check (between batches of Rust
//! work) or inside SQLite (through SQLite's own interrupt), fails with
//! `Error::Interrupted`, and its transaction rolls back. Calls that start
//! after the interrupt are not affected: each call remembers the generation
//! it started in.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

#[derive(Debug, Default)]
pub struct Interrupter {
    generation: AtomicU64,
}

impl Interrupter {
    pub fn interrupt(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Starts a call that `interrupt()` can cancel.
    pub fn begin(&self) -> InterruptScope<'_> {
        InterruptScope {
            owner: self,
            started_at: self.generation.load(Ordering::SeqCst),
        }
    }
}

/// One cancellable call.
#[derive(Debug)]
pub struct InterruptScope<'a> {
    owner: &'a Interrupter,
    started_at: u64,
}

impl InterruptScope<'_> {
    pub fn check(&self) -> Result<()> {
        if self.owner.generation.load(Ordering::SeqCst) == self.started_at {
            Ok(())
        } else {
            Err(Error::Interrupted)
        }
    }
}

/// How many items a loop processes between interrupt checks.
pub const CHECK_EVERY: usize = 1_024;
