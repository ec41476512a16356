package app.flowstate.heat.tests

import app.flowstate.heat.EventTime
import app.flowstate.heat.HeatException
import app.flowstate.heat.HeatStore
import app.flowstate.heat.ReconcileOptions
import app.flowstate.heat.StoreProblem
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncDisposition
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import app.flowstate.heat.TimeWindow
import app.flowstate.heat.eventsFromJson
import java.io.RandomAccessFile
import java.nio.file.Files
import kotlin.io.path.exists
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import kotlin.test.assertFailsWith
import kotlin.test.assertIs

/** Every error class arrives as its `HeatException` subclass, and a failed call changes nothing. */
class ErrorsTest {
    private val window = utcWindow()
    private val good = listOf(timed("g1", MONDAY + 9 * HOUR, MONDAY + 10 * HOUR), timed("g2", MONDAY + DAY, MONDAY + DAY + HOUR))

    private class Case(val name: String, val field: String, val eventId: String?, val call: (HeatStore) -> Unit)

    private val invalidInputs = listOf(
        Case("empty id", "id", null) { it.reconcileHeat("s", window, good + timed("", MONDAY, MONDAY + HOUR), ReconcileOptions()) },
        Case("end before start", "endMs", "e1") {
            it.reconcileHeat("s", window, good + timed("e1", MONDAY + HOUR, MONDAY), ReconcileOptions())
        },
        Case("malformed date", "startDate", "h1") {
            val holiday = timed("h1", 0, 0).copy(time = EventTime.AllDay("2026-02-30", "2026-03-01"))
            it.reconcileHeat("s", window, good + holiday, ReconcileOptions())
        },
        Case("conflicting duplicate id", "id", "g1") {
            it.reconcileHeat("s", window, good + good[0].copy(title = "changed"), ReconcileOptions())
        },
        Case("unknown time zone", "window.timeZone", null) {
            it.reconcileHeat("s", window.copy(timeZone = "Mars/Olympus"), good, ReconcileOptions())
        },
        Case("window end equal to start", "window.endMs", null) {
            it.reconcileHeat("s", window.copy(endMs = window.startMs), good, ReconcileOptions())
        },
        Case("window end before start", "window.endMs", null) { it.events("s", TimeWindow(MONDAY, MONDAY - 1, "UTC")) },
        Case("empty scope", "scope", null) { it.reconcileHeat("", window, good, ReconcileOptions()) },
        Case("negative slot minutes", "slotMinutes", null) { it.heatMap("s", window, -15) },
        Case("negative free minutes", "minMinutes", null) { it.freeBlocks("s", window, -1) },
    )

    @TestFactory
    fun `bad input is a typed InvalidInput naming the field and the store is unchanged`() = invalidInputs.map { case ->
        dynamicTest(case.name) {
            openTempStore().use { store ->
                store.reconcileHeat("s", window, good, ReconcileOptions())
                val before = store.events("s", window)
                val lastSync = store.lastSync("s")

                val error = assertFailsWith<HeatException.InvalidInput> { case.call(store) }
                assertEquals(case.field, error.field)
                assertEquals(case.eventId, error.eventId)
                assertTrue(error.message.startsWith("field=${case.field}, "), error.message)

                assertEquals(before, store.events("s", window))
                assertEquals(lastSync, store.lastSync("s"))
                val again = store.reconcileHeat("s", window, good, ReconcileOptions())
                assertFalse(again.changed)
            }
        }
    }

    @Test
    fun `what an app developer sees for an invalid event`() {
        openTempStore().use { store ->
            val secret = timed("e1", MONDAY + HOUR, MONDAY, title = "Therapy with Dr. Who")
            val error = assertFailsWith<HeatException.InvalidInput> {
                store.reconcileHeat("s", window, listOf(secret), ReconcileOptions())
            }
            assertEquals("field=endMs, eventId=e1, reason=is before startMs", error.message)
            assertEquals("invalid input: endMs of event \"e1\": is before startMs", error.toString())
            assertEquals("is before startMs", error.reason)
            for (text in listOf(error.message, error.toString(), error.stackTraceToString())) {
                assertFalse("Therapy" in text, text)
            }
        }
    }

    @Test
    fun `free functions reject bad arguments by field`() {
        val cases = mapOf(
            "startDate" to { bundledZones.windowOfDays("2026-13-01", 7, "UTC") },
            "timeZone" to { bundledZones.windowOfDays("2026-11-30", 7, "Europe/Atlantis") },
            "days" to { bundledZones.windowOfDays("2026-11-30", -7, "UTC") },
            "json" to { eventsFromJson("{\"events\": [") },
            "colour" to { eventsFromJson("""{"events": [{"id": "a", "calendarId": "c", "title": "t", "colour": "red"}]}""") },
        )
        for ((field, call) in cases) {
            val error = assertFailsWith<HeatException.InvalidInput>(field) { call() }
            assertEquals(field, error.field)
        }
    }

    @Test
    fun `an empty source is refused unless allowEmpty, and nothing changes`() {
        openTempStore().use { store ->
            store.reconcileHeat("s", window, good, ReconcileOptions())
            val before = store.events("s", window)

            val refused = assertFailsWith<HeatException.EmptySourceRefused> {
                store.reconcileHeat("s", window, emptyList(), ReconcileOptions())
            }
            assertEquals(2L, refused.storedEvents)
            assertTrue("allowEmpty" in refused.reason, refused.reason)
            assertEquals(before, store.events("s", window))

            val cleared = store.reconcileHeat("s", window, emptyList(), ReconcileOptions(allowEmpty = true))
            assertTrue(cleared.changed)
            assertEquals(2L, cleared.eventsDeleted)
            assertEquals(emptyList<Any>(), store.events("s", window))
        }
    }

    @Test
    fun `a file of garbage is a CorruptDatabase`() {
        val path = tempDir().resolve("garbage.db")
        Files.write(path, ByteArray(8192) { (it * 7919 % 251).toByte() })
        val error = assertFailsWith<HeatException.CorruptDatabase> { HeatStore.open(path.toString(), bundledZones) }
        assertTrue("not a SQLite database" in error.reason, error.reason)
    }

    @TestFactory
    fun `another application's SQLite file is a ForeignDatabase, left as it was by the store and the sync job`() = listOf(
        "an application id of its own" to foreignSqliteFile(applicationId = 1234, userVersion = 1),
        "no application id over tables of its own" to foreignSqliteFile(applicationId = 0, userVersion = 0),
    ).map { (case, path) ->
        dynamicTest(case) {
            val bytes = Files.readAllBytes(path)
            val error = assertFailsWith<HeatException.ForeignDatabase> { HeatStore.open(path.toString(), bundledZones) }
            assertFalse(error.reason.isEmpty())
            assertTrue(bytes.contentEquals(Files.readAllBytes(path)), "HeatStore.open changed the file")

            val summary = SyncJob(path.toString(), bundledZones).run(oneWeekPlan(), AnsweringSource { manyEvents(3) }, SyncCancellation())
            assertEquals(StoreProblem.FOREIGN_FILE, assertIs<SyncStop.StoreFailed>(summary.stop).problem)
            assertEquals(SyncDisposition.GIVE_UP, summary.disposition)
            assertTrue(bytes.contentEquals(Files.readAllBytes(path)), "the sync job deleted or changed the file")
        }
    }

    @Test
    fun `a store written by a newer schema is an IncompatibleDatabase`() {
        val path = tempDir().resolve("newer.db")
        HeatStore.open(path.toString(), bundledZones).use { it.reconcileHeat("s", window, good, ReconcileOptions()) }
        // Closing the last connection checkpointed the WAL into the main file.
        assertFalse(path.resolveSibling("newer.db-wal").exists())
        RandomAccessFile(path.toFile(), "rw").use { file ->
            // SQLite header: user_version at offset 60, application_id at 68, big-endian.
            file.seek(68)
            assertEquals(0x48454154, file.readInt(), "application_id is \"HEAT\"")
            file.seek(60)
            file.writeInt(99)
        }
        val error = assertFailsWith<HeatException.IncompatibleDatabase> { HeatStore.open(path.toString(), bundledZones) }
        assertEquals(99L, error.foundVersion)
        assertTrue(error.supportedVersion in 1L..98L)
    }

    @Test
    fun `no sync yet is null, not an error`() {
        openTempStore().use { assertNull(it.lastSync("never")) }
    }
}
