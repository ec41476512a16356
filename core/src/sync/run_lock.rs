//! One run per store file at a time, whoever runs it: this `SyncJob`,
//! another object on the same path, or another process (an app and its
//! extension). The lock is an advisory lock on a file next to the store,
//! held only while `run` is in progress, so nothing is locked between runs
//! or across an iOS suspension (docs/adr/0021-one-run-per-store-file.md).
//!
//! Rebuilding a damaged file happens under this lock, so a rebuild never
//! deletes a file another run is committing to.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// Held for the whole run; released when dropped (or when the process dies).
pub struct RunLock {
    _file: File,
}

pub enum Acquired {
    Lock(RunLock),
    /// Another run holds it.
    Busy,
}

impl RunLock {
    pub fn try_acquire(store_path: &Path) -> std::io::Result<Acquired> {
        let mut name = store_path.as_os_str().to_owned();
        name.push("-synclock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&name)?;
        match file.try_lock() {
            Ok(()) => Ok(Acquired::Lock(RunLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(Acquired::Busy),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}
