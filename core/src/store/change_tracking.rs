//! How a screen in another process knows the store changed without reading
//! it: a per-scope counter bumped in the transaction of every reconcile that
//! changed the scope, and a random id drawn when the file was created (a
//! rebuilt file has a new one). A reader keeps `(store_id, change_count)` and
//! reloads when either differs.

use rusqlite::OptionalExtension;

use crate::error::{Error, Result};
use crate::model::check_scope;

use super::HeatStore;

impl HeatStore {
    /// How many reconciles changed `scope` (0 for a scope never synced).
    pub fn change_count(&self, scope: &str) -> Result<u64> {
        check_scope(scope)?;
        let count: Option<i64> = self
            .connection()
            .prepare_cached("SELECT change_count FROM sync_log WHERE scope = ?1")?
            .query_row([scope], |row| row.get(0))
            .optional()?;
        u64::try_from(count.unwrap_or(0))
            .map_err(|_| Error::CorruptDatabase("a change count is negative".into()))
    }

    /// The file's random identity, drawn when it was created.
    pub fn store_id(&self) -> Result<String> {
        let ids: Vec<String> = self
            .connection()
            .prepare_cached("SELECT store_id FROM store_info")?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.as_slice() {
            [id] if id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(id.clone()),
            _ => Err(Error::CorruptDatabase("the store id is damaged".into())),
        }
    }
}
