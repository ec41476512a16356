package app.flowstate.heat.android

import android.content.Context
import android.os.CancellationSignal
import app.flowstate.heat.SyncSummary
import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.sync.SyncRunner
import app.flowstate.heat.sync.runCancellable
import java.time.LocalDate
import java.time.ZoneId

/**
 * The process's Rust `SyncJob` over the device calendar, for the device's
 * day and zone. A stop cancels the run's own `SyncCancellation` and the
 * provider query in progress (a slow expansion of recurring events).
 */
internal class RustSyncRunner(context: Context) : SyncRunner {
    private val context = context.applicationContext

    override suspend fun run(config: HeatSyncConfig): SyncSummary {
        val zone = ZoneId.systemDefault()
        val stop = CancellationSignal()
        val source = CalendarContractSource(context, config.includeHiddenCalendars, stop)
        return HeatSync.syncJob(context).runCancellable(config.plan(LocalDate.now(zone), zone.id), source) { stop.cancel() }
    }
}
