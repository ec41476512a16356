package app.flowstate.heat.android

import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.time.JavaTimeZoneRules

/**
 * The process's zone database over the device's rules ([JavaTimeZoneRules]),
 * built on the first thread that needs the engine: a worker or a screen's
 * reader, never the main thread (building it loads the native library and
 * lists java.time's zones). Every store and job of [HeatSync] gets it, so
 * each zone is asked of java.time once per process.
 */
internal object DeviceZoneRules {
    val database: ZoneDatabase by lazy { ZoneDatabase.host(JavaTimeZoneRules()) }
}
