package app.flowstate.heat.sync

import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.StoreVersion
import app.flowstate.heat.SyncStop
import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.defaultSyncPlan
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.io.File
import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

private val zones = ZoneDatabase.bundled()

class StoreChangesTest {
    @TempDir
    lateinit var dir: Path

    private val plan = defaultSyncPlan("me", "Europe/Berlin", "2026-11-30").copy(pastDays = 0, futureDays = 7)

    @Test
    fun `a run in this process that changed the scope is seen at once, a no-op run is not`() = runBlocking {
        val path = dir.resolve("heat.sqlite").toString()
        val job = SyncJob(path, zones)
        val events = Rows.sourceEvents(3, "2026-11-30T09:00:00Z")
        assertEquals(SyncStop.Completed, job.runCancellable(plan, ScriptedSource(events)).stop)

        val versions = Channel<StoreVersion>(Channel.UNLIMITED)
        // Polls once an hour: anything seen within the test comes from a nudge.
        val screen = launch { StoreChanges.versions(path, zones, "me", pollEvery = 1.hours).collect { versions.send(it) } }
        val first = withTimeout(10.seconds) { versions.receive() }
        assertEquals(1L, first.changeCount)

        job.runCancellable(plan, ScriptedSource(events))
        job.runCancellable(plan, ScriptedSource(events + Rows.sourceEvents(1, "2026-12-01T15:00:00Z").map { it.copy(id = "new") }))
        val second = withTimeout(10.seconds) { versions.receive() }
        assertEquals(first.storeId, second.storeId)
        assertEquals(2L, second.changeCount, "the no-op run changed nothing, the second run did")
        screen.cancel()
    }

    @Test
    fun `nothing before the first sync, then the store once it exists, polled`() = runBlocking {
        val path = dir.resolve("heat.sqlite").toString()
        val versions = Channel<StoreVersion>(Channel.UNLIMITED)
        val screen = launch { StoreChanges.versions(path, zones, "me", pollEvery = 50.milliseconds).collect { versions.send(it) } }
        kotlinx.coroutines.delay(200)
        assertEquals(null, versions.tryReceive().getOrNull(), "no store file yet")
        assertEquals(false, File(path).exists(), "the screen created nothing")
        // Another process's run (no nudge here): a different job object, the poll sees it.
        SyncCancellation().use { SyncJob(path, zones).run(plan, ScriptedSource(Rows.sourceEvents(1, "2026-11-30T09:00:00Z")), it) }
        // A poll may first see the new file before its first window is written (count 0).
        val version = withTimeout(10.seconds) {
            var seen = versions.receive()
            while (seen.changeCount == 0L) seen = versions.receive()
            seen
        }
        assertEquals(1L, version.changeCount)
        assertNotEquals("", version.storeId)
        screen.cancel()
    }
}
