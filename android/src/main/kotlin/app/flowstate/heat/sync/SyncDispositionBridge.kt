package app.flowstate.heat.sync

import app.flowstate.heat.SyncStop
import app.flowstate.heat.SyncSummary

/**
 * The one decision a platform acts on after a run. The sync job API on main
 * (issue 19) computes it in Rust (`SyncSummary.disposition`); until this
 * branch merges it, this file maps the run's stop the way that API's note
 * does (StoreFailed cannot yet tell newerVersion or foreignFile apart, so it
 * is RETRY_LATER here). Deleted at that merge, with its test.
 */
enum class SyncDisposition { DONE, RETRY_LATER, NEEDS_USER, GIVE_UP }

val SyncSummary.disposition: SyncDisposition
    get() = when (stop) {
        SyncStop.Completed -> SyncDisposition.DONE
        SyncStop.BudgetSpent, SyncStop.Cancelled, SyncStop.AlreadyRunning,
        is SyncStop.SourceFailed, is SyncStop.StoreFailed,
        -> SyncDisposition.RETRY_LATER
        is SyncStop.AccessNotGranted -> SyncDisposition.NEEDS_USER
        is SyncStop.InvalidPlan -> SyncDisposition.GIVE_UP
    }
