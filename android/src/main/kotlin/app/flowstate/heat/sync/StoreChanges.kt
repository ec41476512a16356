package app.flowstate.heat.sync

import app.flowstate.heat.HeatException
import app.flowstate.heat.HeatStore
import app.flowstate.heat.StoreVersion
import app.flowstate.heat.ZoneDatabase
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.flowOn
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withTimeoutOrNull
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * When a screen should reload: the store's `(storeId, changeCount)` for a
 * scope (`docs/contract.md` "Sync job", last paragraph), as a [Flow].
 *
 * The flow polls the file (opened read-only, closed after each look, so it
 * never holds a lock or migrates anything) every [pollEvery] while it is
 * collected — collect it while the screen is started — and looks again at
 * once when a run in this process changed the scope ([nudge], called by
 * [runCancellable]). Other processes are seen at the next poll.
 */
object StoreChanges {
    /** Nudges so far, per scope: a collector that read after seeing a count misses none after it. */
    private val nudges = MutableStateFlow(emptyMap<String, Long>())

    /** Tells collectors of [scope] in this process to look now. */
    fun nudge(scope: String) {
        nudges.update { counts -> counts + (scope to (counts[scope] ?: 0) + 1) }
    }

    /**
     * The current [StoreVersion] of [scope] in the store at [path] (opened
     * with [zones]), then each new one. Nothing while the file does not exist
     * yet (before the first sync) or cannot be read; the next poll tries again.
     */
    fun versions(
        path: String,
        zones: ZoneDatabase,
        scope: String,
        pollEvery: Duration = 30.seconds,
    ): Flow<StoreVersion> = flow {
        while (true) {
            val seen = nudges.value[scope]
            read(path, zones, scope)?.let { emit(it) }
            withTimeoutOrNull(pollEvery) { nudges.first { it[scope] != seen } }
        }
    }.distinctUntilChanged().flowOn(Dispatchers.IO)

    private fun read(path: String, zones: ZoneDatabase, scope: String): StoreVersion? =
        try {
            HeatStore.openReadOnly(path, zones).use { store -> store.version(scope) }
        } catch (unreadable: HeatException) {
            null
        }
}
