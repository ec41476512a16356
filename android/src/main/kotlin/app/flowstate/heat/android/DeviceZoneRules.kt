package app.flowstate.heat.android

import app.flowstate.heat.time.JavaTimeZoneRules

/**
 * The device's zone rules ([JavaTimeZoneRules]) registered once per process,
 * on the first thread that needs the engine: a worker or a screen's reader,
 * never the main thread (registering loads the native library and lists
 * java.time's zones). Every path of [HeatSync] to a store goes through
 * [ensure] first, so an app has nothing to register itself.
 */
internal object DeviceZoneRules {
    private val registration by lazy { JavaTimeZoneRules.register() }

    fun ensure() = registration
}
