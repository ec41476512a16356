package app.flowstate.heat.sync

import app.flowstate.heat.HeatStore
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext

/** How often a cancelled call is interrupted again until it has returned. */
private const val INTERRUPT_REPEAT_MS = 5L

/**
 * Runs a blocking store call on [Dispatchers.IO] so that cancelling the
 * calling coroutine interrupts it.
 *
 * A native call cannot be cancelled the coroutine way, so on cancellation the
 * store's `interrupt()` makes the call fail and roll back, leaving the store
 * unchanged; the caller still sees the [CancellationException]. The interrupt
 * is repeated until the call returns: an interrupt that lands while the
 * arguments are still being converted, before the engine started the call,
 * is not seen by the call (the engine only honours interrupts made during a
 * call).
 *
 * The store must not be shared with other callers (see [HeatStoreFile]):
 * `interrupt()` stops whatever call the store is running.
 */
internal suspend fun <T> HeatStore.interruptibly(call: HeatStore.() -> T): T = coroutineScope {
    val running = async(Dispatchers.IO) { call() }
    try {
        running.await()
    } catch (cancelled: CancellationException) {
        withContext(NonCancellable) {
            while (!running.isCompleted) {
                interrupt()
                delay(INTERRUPT_REPEAT_MS)
            }
        }
        throw cancelled
    }
}
