package app.flowstate.heat.tests

import app.flowstate.heat.HeatException
import app.flowstate.heat.HeatStore
import app.flowstate.heat.ReconcileOptions
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Calls from several threads: cancellation and parallel scopes. */
class ConcurrencyTest {
    private val window = utcWindow()

    @Test
    fun `interrupt from another thread stops a 50k-event reconcile and leaves the store unchanged`() {
        openTempStore().use { store ->
            val base = manyEvents(100, "base")
            store.reconcileHeat("s", window, base, ReconcileOptions())
            val before = store.events("s", window)
            val big = manyEvents(50_000, "big")

            val pool = Executors.newSingleThreadExecutor()
            try {
                val running = pool.submit(Callable { runCatching { store.reconcileHeat("s", window, big, ReconcileOptions()) } })
                // Only a call already running is cancelled, so keep interrupting until it returns.
                while (!running.isDone) {
                    store.interrupt()
                    Thread.sleep(2)
                }
                val error = running.get().exceptionOrNull()
                assertTrue(error is HeatException.Interrupted, "expected Interrupted, got $error")
            } finally {
                pool.shutdown()
            }

            assertEquals(before, store.events("s", window))
            assertFalse(store.reconcileHeat("s", window, base, ReconcileOptions()).changed, "later calls run normally")
        }
    }

    @Test
    fun `eight threads reconcile different scopes of one store at once`() {
        openTempStore().use { store -> reconcileScopesInParallel { store } }
    }

    @Test
    fun `eight threads with a store each reconcile different scopes of one file at once`() {
        val path = tempDir().resolve("shared.db").toString()
        val stores = List(THREADS) { HeatStore.open(path, bundledZones) }
        try {
            reconcileScopesInParallel { stores[it] }
        } finally {
            stores.forEach { it.close() }
        }
    }

    /** Thread `t` reconciles scope-t through `storeOf(t)`; every scope must hold exactly its own input. */
    private fun reconcileScopesInParallel(storeOf: (Int) -> HeatStore) {
        val inputs = List(THREADS) { t -> manyEvents(2_000, "t$t-") }
        val start = CyclicBarrier(THREADS)
        val pool = Executors.newFixedThreadPool(THREADS)
        try {
            val outcomes = inputs.mapIndexed { t, events ->
                pool.submit(Callable {
                    start.await()
                    storeOf(t).reconcileHeat("scope-$t", window, events, ReconcileOptions())
                })
            }.map { it.get(5, TimeUnit.MINUTES) }

            outcomes.forEach { assertTrue(it.changed) }
            // Every thread's input has the same shape, so different ids must give different digests.
            assertEquals(THREADS, outcomes.map { it.windowDigest }.toSet().size)
            inputs.forEachIndexed { t, events ->
                assertEquals(events.sortedBy { it.id }, storeOf(0).events("scope-$t", window).sortedBy { it.id })
            }
        } finally {
            pool.shutdown()
        }
    }

    private companion object {
        const val THREADS = 8
    }
}
