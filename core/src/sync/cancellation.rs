//! `SyncCancellation`: the handle that stops one run.
//!
//! A platform creates one per run, before the run starts, and hands it to
//! whatever may stop the run (a BGTask's expiration handler, a Worker's
//! `onStopped`). A cancel reaches exactly the run it was passed to, never
//! another worker's, and stays armed: a cancel that lands before the run
//! has begun (the Worker was stopped while it was still being set up) makes
//! the run return `Cancelled` at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::store::HeatStore;

#[derive(Clone, Default)]
pub struct SyncCancellation {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Shared with the store's busy wait, which stops waiting when it is set.
    cancelled: Arc<AtomicBool>,
    /// The store the run is using, if any: interrupted for a statement in
    /// progress.
    store: Mutex<Option<Arc<HeatStore>>>,
}

impl SyncCancellation {
    pub fn new() -> Self {
        Self::default()
    }

    /// From any thread, any number of times, before, during or after the run.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        if let Some(store) = self.store().as_ref() {
            store.interrupt();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    pub(crate) fn flag(&self) -> &Arc<AtomicBool> {
        &self.inner.cancelled
    }

    /// Lets `cancel()` interrupt `store` until it is detached. A cancel
    /// that came first interrupts it at once.
    pub(crate) fn attach(&self, store: Option<Arc<HeatStore>>) {
        let mut slot = self.store();
        *slot = store;
        if self.is_cancelled()
            && let Some(store) = slot.as_ref()
        {
            store.interrupt();
        }
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Option<Arc<HeatStore>>> {
        self.inner.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl std::fmt::Debug for SyncCancellation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncCancellation")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}
