package app.flowstate.heat.time

import app.flowstate.heat.HostZoneRules
import app.flowstate.heat.ZoneOffsetTransition
import app.flowstate.heat.ZoneOffsets
import java.time.Instant
import java.time.ZoneId

/**
 * The device's time zone database (java.time, which Android updates with the OS) as the
 * engine's zone rules, so local days follow the device calendar when governments change
 * their rules (docs/time-zones.md). Stores and jobs get them as `ZoneDatabase.host(JavaTimeZoneRules())`,
 * built once per process. java.time needs API 26, the library's minSdk.
 *
 * Only region ids the device lists (`Europe/Berlin`, `UTC`, links such as `US/Eastern`) are
 * known; offset ids (`+05:00`, `GMT+5`) are refused like unknown names.
 */
class JavaTimeZoneRules : HostZoneRules {
    private val regionIds: Set<String> = ZoneId.getAvailableZoneIds()

    override fun offsetTransitions(zoneId: String, fromMs: Long, toMs: Long): ZoneOffsets? {
        if (zoneId !in regionIds) return null
        val rules = ZoneId.of(zoneId).rules
        val end = Instant.ofEpochMilli(toMs)
        var at = Instant.ofEpochMilli(fromMs)
        val initialOffsetSeconds = rules.getOffset(at).totalSeconds
        val transitions = ArrayList<ZoneOffsetTransition>()
        while (true) {
            val next = rules.nextTransition(at) ?: break
            if (!next.instant.isBefore(end)) break
            transitions += ZoneOffsetTransition(next.instant.toEpochMilli(), next.offsetAfter.totalSeconds)
            at = next.instant
        }
        return ZoneOffsets(initialOffsetSeconds, transitions)
    }
}
