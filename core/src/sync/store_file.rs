//! The job's store file: opened at the start of a run and closed before it
//! returns (no lock held between runs, none across an iOS suspension).
//!
//! The file is a cache of the device calendar, so a damaged one is deleted
//! with its `-wal` and `-shm` and rebuilt from the calendar (the policy of
//! mozilla/application-services for caches). A file of a newer schema or of
//! another application is never touched: it may hold what the user cannot
//! get back (docs/adr/0003).

use std::path::Path;

use crate::error::Error;
use crate::store::HeatStore;

/// What opening the file came to.
pub enum Opened {
    Store(HeatStore),
    /// Corrupt or not a database: to be deleted and rebuilt.
    Damaged,
    /// Newer, foreign, or unopenable (I/O, permissions): the reason.
    Refused(String),
}

pub fn open(path: &Path) -> Opened {
    match HeatStore::open(path) {
        Ok(store) => Opened::Store(store),
        Err(err) if is_damage(&err) => Opened::Damaged,
        Err(err) => Opened::Refused(err.to_string()),
    }
}

/// Damage that rebuilding repairs (and only that).
pub fn is_damage(err: &Error) -> bool {
    matches!(err, Error::CorruptDatabase(_))
}

/// Deletes the store file and SQLite's companions; the caller has closed it.
pub fn delete(path: &Path) -> Result<(), String> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot delete the damaged store file: {}", e.kind())),
        }
    }
    Ok(())
}
