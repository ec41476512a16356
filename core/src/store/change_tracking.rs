//! How a screen in another process knows the store changed without reading
//! it: a per-scope counter bumped in the transaction of every reconcile that
//! changed the scope, and a random id drawn when the file was created (a
//! rebuilt file has a new one). A reader keeps `(store_id, change_count)` and
//! reloads when either differs.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::model::check_scope;

use super::HeatStore;
use super::schema::in_one_snapshot;

/// What a screen keeps to know whether to reload: both differ only when the
/// store changed for it (`docs/contract.md` "Store file").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StoreVersion {
    /// The file's random identity: a rebuilt file has a new one.
    pub store_id: String,
    /// How many reconciles changed the scope.
    pub change_count: u64,
}

impl HeatStore {
    /// The store's identity and the scope's change count, read in one
    /// snapshot (a rebuild between two separate reads could pair the new
    /// file's id with the old file's count).
    pub fn version(&self, scope: &str) -> Result<StoreVersion> {
        check_scope(scope)?;
        in_one_snapshot(&self.connection(), |conn| {
            Ok(StoreVersion {
                store_id: store_id(conn)?,
                change_count: change_count(conn, scope)?,
            })
        })
    }

    /// How many reconciles changed `scope` (0 for a scope never synced).
    pub fn change_count(&self, scope: &str) -> Result<u64> {
        check_scope(scope)?;
        change_count(&self.connection(), scope)
    }

    /// The file's random identity, drawn when it was created.
    pub fn store_id(&self) -> Result<String> {
        store_id(&self.connection())
    }
}

fn change_count(conn: &Connection, scope: &str) -> Result<u64> {
    let count: Option<i64> = conn
        .prepare_cached("SELECT change_count FROM sync_log WHERE scope = ?1")?
        .query_row([scope], |row| row.get(0))
        .optional()?;
    u64::try_from(count.unwrap_or(0)).map_err(|_| Error::CorruptDatabase("a change count is negative".into()))
}

fn store_id(conn: &Connection) -> Result<String> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT store_id FROM store_info")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [id] if id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(id.clone()),
        _ => Err(Error::CorruptDatabase("the store id is damaged".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceEvent, TimeWindow};
    use crate::store::ReconcileOptions;

    #[test]
    fn the_version_pairs_the_files_id_with_the_scopes_count() {
        let dir = tempfile::tempdir().unwrap();
        let store = HeatStore::open(dir.path().join("heat.db"), crate::ZoneDatabase::bundled()).unwrap();
        let first = store.version("me").unwrap();
        assert_eq!(first.change_count, 0);
        assert_eq!(first.store_id, store.store_id().unwrap());
        let window = TimeWindow {
            start_ms: 0,
            end_ms: 86_400_000,
            time_zone: "UTC".into(),
        };
        let event = SourceEvent {
            id: "a".into(),
            calendar_id: "work".into(),
            title: "x".into(),
            location: None,
            time: crate::model::EventTime::Timed {
                start_ms: 0,
                end_ms: 60_000,
            },
            availability: Default::default(),
            status: Default::default(),
            participation: Default::default(),
        };
        store
            .reconcile_heat("me", &window, &[event], ReconcileOptions::default())
            .unwrap();
        let second = store.version("me").unwrap();
        assert_eq!((second.store_id, second.change_count), (first.store_id, 1));
        assert_eq!(store.version("other").unwrap().change_count, 0);
    }
}
