//! `StoreVersion`: what a screen or widget keeps to know when to reload,
//! one type on both platforms (it was built by hand in Swift and Kotlin).

use heat_core::store;

use crate::error::saturating_i64;

/// The file's random identity and the scope's change count, read together.
/// A screen reloads when the version differs from the one it last showed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct StoreVersion {
    /// Drawn when the file was created: a rebuilt file has a new one.
    pub store_id: String,
    /// How many reconciles changed the scope (0 for a scope never synced).
    pub change_count: i64,
}

impl From<store::StoreVersion> for StoreVersion {
    fn from(version: store::StoreVersion) -> Self {
        StoreVersion {
            store_id: version.store_id,
            change_count: saturating_i64(version.change_count),
        }
    }
}
