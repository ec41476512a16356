//! `HeatStore`: the window store object of Swift and Kotlin.
//!
//! Calls are synchronous and thread-safe (the core serialises them on one
//! connection); platform layers call them off the main thread. Each method
//! converts its arguments, calls the core inside `guarded`, and converts
//! the result back.

use std::sync::Arc;

use heat_core::store;

use crate::error::HeatError;
use crate::event::SourceEvent;
use crate::guard::guarded;
use crate::heat::{DaySummary, HeatMap};
use crate::reconcile::{ReconcileOptions, ReconcileOutcome, SyncRecord};
use crate::store_version::StoreVersion;
use crate::window::{TimeRange, TimeWindow, non_negative};
use crate::zone_database::ZoneDatabase;

#[derive(uniffi::Object)]
pub struct HeatStore {
    store: store::HeatStore,
}

#[uniffi::export]
impl HeatStore {
    /// Opens the store file at `path`, creating or migrating it; `zones`
    /// resolves the time zones of the windows it is asked about.
    #[uniffi::constructor]
    pub fn open(path: String, zones: Arc<ZoneDatabase>) -> Result<Arc<Self>, HeatError> {
        guarded(|| {
            let store = store::HeatStore::open(&path, zones.inner.clone())?;
            Ok::<_, HeatError>(Arc::new(HeatStore { store }))
        })
    }

    /// Opens an existing store file for reading only (screens, widgets,
    /// other processes): never creates, migrates or writes it. A missing file
    /// is `Storage`; a file the writer has not upgraded yet is
    /// `IncompatibleDatabase`; write calls fail with `ReadOnly`.
    #[uniffi::constructor]
    pub fn open_read_only(path: String, zones: Arc<ZoneDatabase>) -> Result<Arc<Self>, HeatError> {
        guarded(|| {
            let store = store::HeatStore::open_read_only(&path, zones.inner.clone())?;
            Ok::<_, HeatError>(Arc::new(HeatStore { store }))
        })
    }

    /// What a screen keeps to know whether to reload: the file's random
    /// identity (a rebuilt file has a new one) and how many reconciles
    /// changed `scope`, read together. Cheap: reload when it differs from
    /// the version last shown.
    pub fn version(&self, scope: String) -> Result<StoreVersion, HeatError> {
        guarded(|| Ok::<_, HeatError>(self.store.version(&scope)?.into()))
    }

    /// Makes the store's window for `scope` equal `events` (the source wins),
    /// writing nothing when it already does.
    pub fn reconcile_heat(
        &self,
        scope: String,
        window: TimeWindow,
        events: Vec<SourceEvent>,
        options: ReconcileOptions,
    ) -> Result<ReconcileOutcome, HeatError> {
        guarded(|| {
            let outcome = self
                .store
                .reconcile_heat(&scope, &window, &events, options.into())?;
            Ok::<_, HeatError>(outcome.into())
        })
    }

    pub fn heat_map(
        &self,
        scope: String,
        window: TimeWindow,
        slot_minutes: i32,
    ) -> Result<HeatMap, HeatError> {
        guarded(|| {
            let slot_minutes = non_negative(slot_minutes, "slotMinutes")?;
            Ok::<_, HeatError>(self.store.heat_map(&scope, &window, slot_minutes)?.into())
        })
    }

    /// Stored events overlapping the window, by start then id.
    pub fn events(&self, scope: String, window: TimeWindow) -> Result<Vec<SourceEvent>, HeatError> {
        guarded(|| Ok::<_, HeatError>(self.store.events(&scope, &window)?))
    }

    /// Maximal intervals of the window free of any event of weight > 0,
    /// at least `minMinutes` long.
    pub fn free_blocks(
        &self,
        scope: String,
        window: TimeWindow,
        min_minutes: i32,
    ) -> Result<Vec<TimeRange>, HeatError> {
        guarded(|| {
            let min_minutes = non_negative(min_minutes, "minMinutes")?;
            Ok::<_, HeatError>(self.store.free_blocks(&scope, &window, min_minutes)?)
        })
    }

    pub fn day_summaries(&self, scope: String, window: TimeWindow) -> Result<Vec<DaySummary>, HeatError> {
        guarded(|| {
            let days = self.store.day_summaries(&scope, &window)?;
            Ok::<_, HeatError>(days.into_iter().map(Into::into).collect())
        })
    }

    /// The last reconcile of `scope`, or none yet.
    pub fn last_sync(&self, scope: String) -> Result<Option<SyncRecord>, HeatError> {
        guarded(|| Ok::<_, HeatError>(self.store.last_sync(&scope)?.map(Into::into)))
    }

    /// Makes the call running now on another thread fail with `Interrupted`,
    /// leaving the store unchanged (BGTask expiration, Worker stop). It only
    /// raises a flag, so it cannot fail.
    pub fn interrupt(&self) {
        self.store.interrupt();
    }
}
