//! `SyncCancellation` for Swift and Kotlin: create one per run, hand it to
//! whatever may stop the run (a BGTask's expiration handler, a Worker's
//! `onStopped`), pass it to `SyncJob.run`. It reaches exactly that run and
//! stays armed: a cancel before the run begins makes it return
//! `cancelled` at once.

use std::sync::Arc;

use heat_core::sync;

#[derive(uniffi::Object, Default)]
pub struct SyncCancellation {
    pub(crate) inner: sync::SyncCancellation,
}

#[uniffi::export]
impl SyncCancellation {
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// From any thread, any number of times, before, during or after the run.
    pub fn cancel(&self) {
        self.inner.cancel();
    }

    pub fn is_cancelled(&self) -> bool {
        self.inner.is_cancelled()
    }
}
