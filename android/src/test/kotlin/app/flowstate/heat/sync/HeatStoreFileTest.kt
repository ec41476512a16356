package app.flowstate.heat.sync

import app.flowstate.heat.HeatException
import app.flowstate.heat.windowOfDays
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.io.RandomAccessFile
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class HeatStoreFileTest {
    @TempDir
    lateinit var dir: Path

    private val week = windowOfDays("2026-11-30", 7, "UTC")

    @Test
    fun `a corrupt file is replaced by an empty store that the next sync fills again`() {
        val file = dir.resolve("heat.sqlite").toFile()
        file.writeText("not a database at all, just some bytes long enough to look like a header")
        val storeFile = HeatStoreFile(file)
        assertEquals(0, storeFile.open().use { it.events(HeatSyncConfig.DEFAULT_SCOPE, week).size })

        val calendar = FakeCalendarSource(listOf(Rows.timed(1, "2026-11-30T09:00:00Z", 30)))
        val runner = HeatSyncRunner(storeFile, calendar, HeatSyncConfig(weeks = 1))
        runBlocking { runner.sync(LocalDate.parse("2026-11-30"), "UTC") }
        assertEquals(1, storeFile.open().use { it.events(HeatSyncConfig.DEFAULT_SCOPE, week).size })
    }

    @Test
    fun `a store written by a newer app version is kept and reported, not deleted`() {
        val file = dir.resolve("heat.sqlite").toFile()
        HeatStoreFile(file).open().close()
        RandomAccessFile(file, "rw").use { header ->
            header.seek(SQLITE_USER_VERSION_OFFSET)
            header.writeInt(9_999)
        }
        val newer = Files.readAllBytes(file.toPath())
        assertFailsWith<HeatException.IncompatibleDatabase> { HeatStoreFile(file).open() }
        assertContentEquals(newer, Files.readAllBytes(file.toPath()))
    }

    @Test
    fun `discard removes the file and its SQLite companions`() {
        val file = dir.resolve("heat.sqlite").toFile()
        val companions = listOf("", "-wal", "-shm", "-journal").map { dir.resolve("heat.sqlite$it").toFile() }
        companions.forEach { it.writeText("x") }
        HeatStoreFile(file).discard()
        assertTrue(companions.none { it.exists() })
        HeatStoreFile(file).discard()
        assertFalse(file.exists())
    }

    private companion object {
        /** Where SQLite keeps `PRAGMA user_version` in the database header. */
        const val SQLITE_USER_VERSION_OFFSET = 60L
    }
}
