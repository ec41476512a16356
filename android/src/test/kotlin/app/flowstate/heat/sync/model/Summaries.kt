package app.flowstate.heat.sync.model

import app.flowstate.heat.SyncStop
import app.flowstate.heat.SyncSummary

/** A run's summary as the fake runner reports it: only the stop matters to the scheduling. */
fun summaryOf(stop: SyncStop) = SyncSummary(
    stop = stop,
    windows = emptyList(),
    windowsGuarded = 0,
    eventsTruncated = 0,
    eventsSkipped = 0,
    duplicatesDropped = 0,
    storeRebuilt = false,
    durationMicros = 0,
)
