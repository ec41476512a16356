//! The window store: a SQLite file holding, per scope, the events last
//! reconciled, per-day digests, and the last sync.
//!
//! Connection model: one connection per `HeatStore`, behind a mutex, used
//! for writes and reads alike (SQLite serialises writers anyway; one
//! connection keeps the statement cache warm and memory small). Other
//! processes (a widget, an app extension) open their own store on the same
//! file; WAL lets them read while this one writes, and `busy_timeout` makes
//! writers queue instead of failing. The interrupt handles live outside the
//! mutex so `interrupt()` works while a call holds it.
//!
//! Screens and widgets that only read use `open_read_only`: such a store
//! never creates, migrates or writes the file, and polls `change_count` to
//! know when to reload.

mod change_tracking;
mod day_digests;
mod event_rows;
mod last_reconcile;
mod open;
mod queries;
mod reconcile;
mod schema;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, InterruptHandle};

use crate::error::{Error, Result};
use crate::interrupt::Interrupter;
use crate::model::zone_rules::ZoneDatabase;

pub use change_tracking::StoreVersion;
pub use last_reconcile::SyncRecord;
pub use reconcile::{ReconcileOptions, ReconcileOutcome};

pub struct HeatStore {
    /// Declared before `_busy_wait`: closed before the wait it points to.
    conn: Mutex<Connection>,
    _busy_wait: Box<open::BusyWait>,
    sqlite_interrupt: InterruptHandle,
    interrupter: Interrupter,
    /// No-op reconciles, which must not write to the file.
    recent_syncs: Mutex<HashMap<String, SyncRecord>>,
    read_only: bool,
    /// Resolves the zones of the windows this store is asked about.
    zones: ZoneDatabase,
}

impl HeatStore {
    /// Opens (creating or migrating) the store file at `path`; `zones`
    /// resolves the zones of the windows it is asked about.
    pub fn open(path: impl AsRef<Path>, zones: ZoneDatabase) -> Result<Self> {
        Ok(Self::over(
            open::open_connection(path.as_ref(), None)?,
            zones,
            false,
        ))
    }

    /// `open` for the sync job: setting `cancel` ends any wait for another
    /// connection's lock at once, from the open on.
    pub(crate) fn open_cancellable(
        path: &Path,
        zones: ZoneDatabase,
        cancel: Arc<AtomicBool>,
    ) -> Result<Self> {
        Ok(Self::over(
            open::open_connection(path, Some(cancel))?,
            zones,
            false,
        ))
    }

    /// Opens an existing store file for reading only: never creates,
    /// migrates or writes it; a write call fails with `Error::ReadOnly`.
    pub fn open_read_only(path: impl AsRef<Path>, zones: ZoneDatabase) -> Result<Self> {
        Ok(Self::over(
            open::open_read_only_connection(path.as_ref())?,
            zones,
            true,
        ))
    }

    fn over(opened: open::OpenConnection, zones: ZoneDatabase, read_only: bool) -> Self {
        let open::OpenConnection { conn, busy_wait } = opened;
        HeatStore {
            sqlite_interrupt: conn.get_interrupt_handle(),
            conn: Mutex::new(conn),
            _busy_wait: busy_wait,
            interrupter: Interrupter::default(),
            recent_syncs: Mutex::new(HashMap::new()),
            read_only,
            zones,
        }
    }

    fn check_writable(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly("the store was opened read-only".into()));
        }
        Ok(())
    }

    /// Makes the call running now (from any thread) fail with
    /// `Error::Interrupted`, leaving the store unchanged. Later calls run
    /// normally.
    pub fn interrupt(&self) {
        self.interrupter.interrupt();
        self.sqlite_interrupt.interrupt();
    }

    /// A poisoned lock only means another call panicked; its transaction was
    /// rolled back when it unwound, so the connection is safe to reuse.
    fn connection(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn remember_sync(&self, scope: &str, record: SyncRecord) {
        self.recent_syncs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(scope.to_owned(), record);
    }

    /// The last reconcile of `scope`: from this process if it ran one,
    /// otherwise the last one that changed the file.
    pub fn last_sync(&self, scope: &str) -> Result<Option<SyncRecord>> {
        crate::model::check_scope(scope)?;
        let recent = self
            .recent_syncs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(scope)
            .cloned();
        let stored = last_reconcile::load(&self.connection(), scope)?;
        Ok(match (recent, stored) {
            (Some(r), Some(s)) => Some(if r.at_ms >= s.at_ms { r } else { s }),
            (r, s) => r.or(s),
        })
    }
}
