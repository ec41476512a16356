package app.flowstate.heat.tests

import app.flowstate.heat.HeatStore
import app.flowstate.heat.ReconcileOptions
import java.time.Instant
import kotlin.io.path.exists
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** Opening, closing, persisting, and what comes back out. */
class StoreLifecycleTest {
    private val window = utcWindow()

    @Test
    fun `10k events round-trip unchanged`() {
        val events = manyEvents(10_000)
        openTempStore().use { store ->
            val outcome = store.reconcileHeat("s", window, events, ReconcileOptions())
            assertEquals(10_000L, outcome.eventsInserted)
            assertEquals(events.sortedBy { it.id }, store.events("s", window).sortedBy { it.id })
        }
    }

    @Test
    fun `use releases the store and the file keeps the events`() {
        val path = tempDir().resolve("heat.db")
        val events = manyEvents(50)
        val store = HeatStore.open(path.toString(), bundledZones)
        store.use { it.reconcileHeat("s", window, events, ReconcileOptions()) }

        assertFailsWith<IllegalStateException> { store.events("s", window) }
        // The connection is closed: SQLite checkpointed and removed the WAL.
        assertFalse(path.resolveSibling("heat.db-wal").exists())
        HeatStore.open(path.toString(), bundledZones).use { reopened ->
            assertEquals(events.sortedBy { it.id }, reopened.events("s", window).sortedBy { it.id })
            assertFalse(reopened.reconcileHeat("s", window, events, ReconcileOptions()).changed)
        }
    }

    @Test
    fun `lastSync reports the last reconcile with an Instant`() {
        openTempStore().use { store ->
            val before = Instant.now().minusMillis(1)
            val outcome = store.reconcileHeat("s", window, manyEvents(10), ReconcileOptions())
            val after = Instant.now().plusMillis(1)

            val sync = store.lastSync("s")
            assertNotNull(sync)
            assertTrue(sync!!.at in before..after, "${sync.at} not in $before..$after")
            assertEquals(window, sync.window)
            assertEquals(outcome.windowDigest, sync.windowDigest)
            assertTrue(sync.changed)

            store.reconcileHeat("s", window, manyEvents(10), ReconcileOptions())
            assertFalse(store.lastSync("s")!!.changed)
        }
    }

    @Test
    fun `a window of days spans local midnights across a DST change`() {
        val week = bundledZones.windowOfDays("2026-10-19", 7, "Europe/Berlin")
        assertEquals(7 * DAY + HOUR, week.endMs - week.startMs)
        assertEquals("Europe/Berlin", week.timeZone)
    }
}
