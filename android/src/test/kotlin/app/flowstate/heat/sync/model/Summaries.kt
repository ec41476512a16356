package app.flowstate.heat.sync.model

import app.flowstate.heat.SyncDisposition
import app.flowstate.heat.SyncStop
import app.flowstate.heat.SyncSummary

/**
 * A run's summary as the fake runner reports it: the stop and the
 * disposition the sync job gives it (docs/contract.md, the disposition
 * table), which is all the scheduling acts on.
 */
fun summaryOf(stop: SyncStop, disposition: SyncDisposition) = SyncSummary(
    stop = stop,
    windows = emptyList(),
    windowsGuarded = 0,
    windowsOversized = 0,
    eventsTruncated = 0,
    eventsSkipped = 0,
    duplicatesDropped = 0,
    storeRebuilt = false,
    durationMicros = 0,
    disposition = disposition,
    logLine = "stop=$stop disposition=$disposition",
)
