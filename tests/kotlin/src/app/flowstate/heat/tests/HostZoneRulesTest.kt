package app.flowstate.heat.tests

import app.flowstate.heat.EventTime
import app.flowstate.heat.HeatException
import app.flowstate.heat.HostZoneRules
import app.flowstate.heat.ReconcileOptions
import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.ZoneOffsetTransition
import app.flowstate.heat.ZoneOffsets
import app.flowstate.heat.bundledZoneList
import app.flowstate.heat.time.JavaTimeZoneRules
import java.io.File
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.zone.ZoneRulesProvider
import kotlin.test.assertFailsWith
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The differential test of docs/time-zones.md: for every zone of the bundled database, local
 * midnights 1990-2040 and offsets around every transition, as the engine sees them with its
 * bundled rules and with java.time's through the foreign trait, agree, except the
 * differences listed with both database versions in tests/fixtures/zone-rules/known-differences.txt.
 */
class HostZoneRulesTest {
    @Test
    fun `bundled rules and java time agree for every zone from 1990 to 2040`() {
        val bundled = bundledZoneList()
        val device = ZoneDatabase.host(JavaTimeZoneRules())
        val javaVersion = ZoneRulesProvider.getVersions("UTC").lastKey()
        val javaIds = ZoneId.getAvailableZoneIds()
        assertTrue(bundled.zoneIds.size > 500, "bundled zones: ${bundled.zoneIds.size}")
        val differences = mutableListOf<String>()
        var probes = 0L
        for (zone in bundled.zoneIds.sorted()) {
            if (zone !in javaIds) {
                differences += "$zone unknown"
                continue
            }
            val instants = probeInstants(zone)
            probes += instants.size + DAYS
            val bundledStarts = bundledZones.zoneDayStarts(zone, FIRST_DAY.toString(), DAYS)
            val bundledOffsets = bundledZones.zoneOffsetsAt(zone, instants)
            val hostStarts = device.zoneDayStarts(zone, FIRST_DAY.toString(), DAYS)
            val hostOffsets = device.zoneOffsetsAt(zone, instants)
            val differingDates = bundledStarts.indices.filter { bundledStarts[it] != hostStarts[it] }
                .map { FIRST_DAY.plusDays(it.toLong()) } +
                instants.indices.filter { bundledOffsets[it] != hostOffsets[it] }
                    .map { LocalDate.ofInstant(Instant.ofEpochMilli(instants[it]), ZoneOffset.UTC) }
            if (differingDates.isNotEmpty()) {
                differences += "$zone ${differingDates.min()}..${differingDates.max()}"
            }
        }
        assertTrue(probes > 10_000_000, "probed instants: $probes")
        val listed = KnownZoneDifferences.listed("java.time", javaVersion, bundled.version)
        assertEquals(
            listed.sorted(),
            differences.sorted(),
            "java.time $javaVersion vs bundled ${bundled.version}: the differences are, one per line:\n" +
                differences.joinToString("\n") { "java.time $javaVersion ${bundled.version} $it" },
        )
    }

    @Test
    fun `windows follow the rules of the database that built them`() {
        // A device whose Berlin never changes its clocks: the fall week is 7 x 24 hours.
        val window = ZoneDatabase.host(FixedOffsetRules(3600)).windowOfDays("2026-10-19", 7, "Europe/Berlin")
        assertEquals(7 * 86_400_000L, window.endMs - window.startMs)
        val bundled = bundledZones.windowOfDays("2026-10-19", 7, "Europe/Berlin")
        assertEquals(7 * 86_400_000L + 3_600_000L, bundled.endMs - bundled.startMs)
    }

    @Test
    fun `two stores in one process resolve the same window with their own rules`() {
        val fixed = ZoneDatabase.host(FixedOffsetRules(3600))
        val fallSunday = bundledZones.windowOfDays("2026-10-25", 1, "Europe/Berlin")
        val allDay = listOf(timed("h", 0, 0).copy(time = EventTime.AllDay("2026-10-25", "2026-10-26")))
        val busyHours = listOf(bundledZones, fixed).map { zones ->
            openTempStore(zones).use { store ->
                store.reconcileHeat("me", fallSunday, allDay, ReconcileOptions())
                store.daySummaries("me", fallSunday).sumOf { it.busyMinutes } / 60
            }
        }
        // The bundled rules give the fall Sunday 25 hours; the fixed-offset device's
        // Sunday is 24 hours, starting an hour after the window does.
        assertEquals(listOf(25.0, 24.0), busyHours)
    }

    @Test
    fun `a failing device database is a typed error naming the field, not a crash`() {
        val throwing = ZoneDatabase.host(ThrowingRules())
        val error = assertFailsWith<HeatException.InvalidInput> { throwing.windowOfDays("2026-10-19", 7, "Europe/Berlin") }
        assertEquals("timeZone", error.field)
        val malformed = ZoneDatabase.host(MalformedRules())
        assertFailsWith<HeatException.InvalidInput> { malformed.windowOfDays("2026-10-19", 7, "Europe/Berlin") }
    }

    @Test
    fun `zones java time does not list are unknown, offset ids included`() {
        val device = ZoneDatabase.host(JavaTimeZoneRules())
        for (name in listOf("Mars/Olympus", "+05:00", "GMT+5")) {
            val error = assertFailsWith<HeatException.InvalidInput>(name) { device.windowOfDays("2026-10-19", 1, name) }
            assertEquals("timeZone", error.field)
        }
    }

    /** Around every java.time transition in the span: a millisecond and an hour on each side. */
    private fun probeInstants(zone: String): List<Long> {
        val rules = ZoneId.of(zone).rules
        val end = FIRST_DAY.plusDays(DAYS.toLong()).atStartOfDay().toInstant(ZoneOffset.UTC)
        var at = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC)
        val instants = mutableListOf<Long>()
        while (true) {
            val next = rules.nextTransition(at) ?: break
            if (!next.instant.isBefore(end)) break
            val ms = next.instant.toEpochMilli()
            instants += listOf(ms - HOUR_MS, ms - 1, ms, ms + 1, ms + HOUR_MS)
            at = next.instant
        }
        return instants
    }

    private class FixedOffsetRules(private val offsetSeconds: Int) : HostZoneRules {
        override fun offsetTransitions(zoneId: String, fromMs: Long, toMs: Long) = ZoneOffsets(offsetSeconds, emptyList())
    }

    private class ThrowingRules : HostZoneRules {
        override fun offsetTransitions(zoneId: String, fromMs: Long, toMs: Long): ZoneOffsets? =
            throw IllegalStateException("tzdata unreadable")
    }

    /** Transitions out of order: refused by the engine's checks. */
    private class MalformedRules : HostZoneRules {
        override fun offsetTransitions(zoneId: String, fromMs: Long, toMs: Long) =
            ZoneOffsets(0, listOf(ZoneOffsetTransition(2_000, 3600), ZoneOffsetTransition(1_000, 0)))
    }

    private companion object {
        val FIRST_DAY: LocalDate = LocalDate.of(1990, 1, 1)
        /** 1990-01-01 to 2040-12-31. */
        val DAYS = (LocalDate.of(2041, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay()).toInt()
        const val HOUR_MS = 3_600_000L
    }
}

/** tests/fixtures/zone-rules/known-differences.txt: `host hostVersion bundledVersion zone dates`. */
object KnownZoneDifferences {
    fun listed(host: String, hostVersion: String, bundledVersion: String): List<String> {
        val dir = File(System.getProperty("flowstate.fixtures") ?: error("-Dflowstate.fixtures is not set"))
        return File(dir, "zone-rules/known-differences.txt").readLines()
            .filter { it.isNotBlank() && !it.startsWith("#") }
            .map { it.trim().split(Regex("\\s+"), limit = 4) }
            .filter { it.size == 4 && it[0] == host && it[1] == hostVersion && it[2] == bundledVersion }
            .map { it[3] }
    }
}
