package app.flowstate.heat.sync

import app.flowstate.heat.SyncSummary

/**
 * One run of the sync job over the device calendar with [HeatSyncConfig]:
 * on Android the Rust `SyncJob` and `CalendarContractSource`, in tests a
 * fake the model of the app's process finishes when it chooses. Cancelling
 * the calling coroutine stops the run (WorkManager stopping the worker).
 */
fun interface SyncRunner {
    suspend fun run(config: HeatSyncConfig): SyncSummary
}
