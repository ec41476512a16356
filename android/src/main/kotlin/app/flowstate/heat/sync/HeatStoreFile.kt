package app.flowstate.heat.sync

import app.flowstate.heat.HeatException
import app.flowstate.heat.HeatStore
import java.io.File
import java.nio.file.Files

/**
 * The store's file, opened once per sync run and rebuilt when corrupt.
 *
 * The store is a copy of the device calendar, which stays the source of
 * truth, so a file the engine reports as corrupt (damaged, or not a store) is
 * deleted and created afresh; the next sync fills it again
 * (docs/adr/0003-store-file-policy.md leaves that choice to the app). A file
 * written by a newer app version (after a downgrade) is kept and reported:
 * updating the app is the fix, not deleting its data. Any other failure (disk
 * full, I/O error) is reported too.
 *
 * Screens open the same file with [open] too: each opener gets its own
 * connection, so `interrupt()` on the sync's store never cancels a screen's
 * read.
 */
class HeatStoreFile(val file: File) {
    fun open(): HeatStore =
        try {
            HeatStore.open(file.path)
        } catch (corrupt: HeatException.CorruptDatabase) {
            discard()
            HeatStore.open(file.path)
        }

    /** Deletes the file and SQLite's companion files; throws if one cannot be deleted. */
    fun discard() {
        for (suffix in SQLITE_SUFFIXES) Files.deleteIfExists(File(file.path + suffix).toPath())
    }

    private companion object {
        val SQLITE_SUFFIXES = listOf("", "-wal", "-shm", "-journal")
    }
}
