package app.flowstate.heat.tests

import app.flowstate.heat.ReconcileOptions
import app.flowstate.heat.ZoneDatabase
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory

/**
 * The shared fixtures through the Kotlin bindings: the same values as Rust and Swift, to the bit.
 * Runs with the bundled zone rules here and with java.time's in [GoldenFixturesWithHostRulesTest].
 */
open class GoldenFixturesTest {
    /** The rules every store and window of the class resolves zones with. */
    protected open val zones: ZoneDatabase = bundledZones

    private fun eachFixture(check: (GoldenFixture) -> Unit): List<DynamicTest> =
        GoldenFixture.all().map { fixture -> dynamicTest(fixture.name) { check(fixture) } }

    @TestFactory
    fun `reconcile yields the frozen digest and a second call writes nothing`() = eachFixture { f ->
        openTempStore(zones).use { store ->
            val first = store.reconcileHeat(f.scope, f.window, f.events, ReconcileOptions())
            assertTrue(first.changed)
            assertEquals(f.windowDigest, first.windowDigest)
            assertEquals(f.ignoredOutsideWindow, first.ignoredOutsideWindow)
            assertEquals(f.events.size - f.ignoredOutsideWindow, first.eventsInserted)

            val second = store.reconcileHeat(f.scope, f.window, f.events.reversed(), ReconcileOptions())
            assertFalse(second.changed)
            assertEquals(0L, second.eventsInserted)
            assertEquals(0L, second.eventsDeleted)
            assertEquals(first.eventsInserted, second.eventsUnchanged)
            assertEquals(f.windowDigest, second.windowDigest)
        }
    }

    @TestFactory
    fun `heat map equals the fixture exactly`() = eachFixture { f ->
        openTempStore(zones).use { store ->
            store.reconcileHeat(f.scope, f.window, f.events, ReconcileOptions())
            val map = store.heatMap(f.scope, f.window, f.slotMinutes)
            assertEquals(f.slotMinutes, map.slotMinutes)
            assertEquals(f.busyMinutes, map.busyMinutes)
            assertEquals(f.slots, map.slots)
        }
    }

    @TestFactory
    fun `free blocks equal the fixture exactly`() = eachFixture { f ->
        openTempStore(zones).use { store ->
            store.reconcileHeat(f.scope, f.window, f.events, ReconcileOptions())
            assertEquals(f.freeBlocks, store.freeBlocks(f.scope, f.window, f.minFreeMinutes))
        }
    }

    /** Values derived by hand from the fixture's own arithmetic. */
    @Test
    fun `day summaries of the Berlin DST fixture`() {
        val f = GoldenFixture.all().single { it.name == "all_day_dst_berlin.json" }
        assertEquals(f.window, zones.windowOfDays("2026-10-24", 2, "Europe/Berlin"))
        openTempStore(zones).use { store ->
            store.reconcileHeat(f.scope, f.window, f.events, ReconcileOptions())
            val (saturday, sunday) = store.daySummaries(f.scope, f.window)
            assertEquals("2026-10-24", saturday.date)
            assertEquals(120.0, saturday.busyMinutes) // e1; the free holiday h2 weighs 0
            assertEquals(1, saturday.eventCount)
            assertEquals(1.0, saturday.peakHeat)
            assertEquals(720.0, saturday.longestFreeMinutes) // 10:00Z..22:00Z
            assertEquals("2026-10-25", sunday.date)
            assertEquals(1500.0, sunday.busyMinutes) // a 25-hour day, all of it h1
            assertEquals(2, sunday.eventCount)
            assertEquals(1.5, sunday.peakHeat) // e2 (0.5) inside h1 (1)
            assertEquals(0.0, sunday.longestFreeMinutes)
        }
    }
}
