//! The job's store file: opened at the start of a run and closed before it
//! returns (no lock held between runs, none across an iOS suspension).
//!
//! The file is a cache of the device calendar, so a damaged one is deleted
//! with its `-wal` and `-shm` and rebuilt from the calendar (the policy of
//! mozilla/application-services for caches). Only a file that is ours, at
//! a schema version this code knows, can be "damaged": a newer or foreign
//! file is identified from its header before its schema is parsed and is
//! never touched (docs/adr/0003). Deleting happens under the run lock, so
//! never under another run's feet.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::error::Error;
use crate::model::zone_rules::ZoneDatabase;
use crate::store::HeatStore;

use super::summary::{StoreProblem, SyncStop};

/// What opening the file came to.
pub enum Opened {
    Store(HeatStore),
    /// Ours, known and damaged: to be deleted and rebuilt.
    Damaged,
    Failed(Error),
}

pub fn open(path: &Path, zones: &ZoneDatabase, cancel: &Arc<AtomicBool>) -> Opened {
    match HeatStore::open_cancellable(path, zones.clone(), Arc::clone(cancel)) {
        Ok(store) => Opened::Store(store),
        Err(err) if is_damage(&err) => Opened::Damaged,
        Err(err) => Opened::Failed(err),
    }
}

/// Damage that rebuilding repairs (and only that).
pub fn is_damage(err: &Error) -> bool {
    matches!(err, Error::CorruptDatabase(_))
}

/// How a store error ends the run (the caller has ruled out a cancel).
pub fn stop_for(err: &Error) -> SyncStop {
    let problem = match err {
        Error::Busy(_) => StoreProblem::Busy,
        Error::DiskFull(_) => StoreProblem::DiskFull,
        Error::Storage(_) => StoreProblem::IoError,
        Error::IncompatibleDatabase { .. } => StoreProblem::NewerVersion,
        Error::ForeignDatabase => StoreProblem::ForeignFile,
        Error::CorruptDatabase(_) => StoreProblem::DamagedAgain,
        Error::InvalidInput(_)
        | Error::EmptySourceRefused { .. }
        | Error::Interrupted
        | Error::ReadOnly(_) => StoreProblem::EngineBug,
    };
    SyncStop::StoreFailed {
        problem,
        detail: err.to_string(),
    }
}

/// Deletes the store file and SQLite's companions; the caller has closed it
/// and holds the run lock.
pub fn delete(path: &Path) -> Result<(), SyncStop> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(SyncStop::StoreFailed {
                    problem: StoreProblem::IoError,
                    detail: format!("cannot delete the damaged store file: {}", e.kind()),
                });
            }
        }
    }
    Ok(())
}

/// Which file a path names now: a run notices that its file was deleted or
/// replaced (by the app, or by hand) instead of committing into a file
/// nobody will open again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileIdentity(Option<(u64, u64)>);

impl FileIdentity {
    #[cfg(unix)]
    pub fn of(path: &Path) -> Self {
        use std::os::unix::fs::MetadataExt;
        FileIdentity(std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino())))
    }

    /// Elsewhere only a deleted file is noticed.
    #[cfg(not(unix))]
    pub fn of(path: &Path) -> Self {
        FileIdentity(std::fs::metadata(path).ok().map(|_| (0, 0)))
    }
}
