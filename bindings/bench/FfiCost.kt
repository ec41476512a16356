// FFI cost of the Kotlin bindings (docs/performance.md): 10,000 events
// passed to reconcileHeat on the JVM through JNA, timed around the call,
// against the time the same call spends inside Rust (ReconcileOutcome
// .durationMicros). The difference is what crossing the FFI costs: lowering
// the list into a RustBuffer, converting it back in Rust, lifting the result.
// Run twice: with the bundled zone rules, and with java.time's registered as
// host rules (docs/time-zones.md), whose cost must not show.
//
//   scripts/bench-ffi-kotlin.sh

import app.flowstate.heat.Availability
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.HeatStore
import app.flowstate.heat.Participation
import app.flowstate.heat.ReconcileOptions
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.time.JavaTimeZoneRules
import app.flowstate.heat.unregisterHostZoneRules
import app.flowstate.heat.windowOfDays
import java.nio.file.Files

const val EVENTS = 10_000
const val RUNS = 300

fun calendar(windowStartMs: Long, windowEndMs: Long): List<SourceEvent> {
    val minute = 60_000L
    val spanMinutes = (windowEndMs - windowStartMs) / minute - 120
    return (0 until EVENTS).map { i ->
        val start = windowStartMs + ((i.toLong() * 7_919L) % spanMinutes) * minute
        SourceEvent(
            id = "AAMkADBench%08d@2026".format(i),
            calendarId = "calendar-${i % 3}",
            title = "Meeting about topic number ${i % 1_000}",
            location = if (i % 4 == 0) "Room ${i % 50}" else null,
            time = EventTime.Timed(start, start + (15 + (i % 8) * 15) * minute),
            availability = if (i % 10 == 3) Availability.TENTATIVE else Availability.BUSY,
            status = EventStatus.CONFIRMED,
            participation = if (i % 7 == 0) Participation.ACCEPTED else Participation.NONE,
        )
    }
}

fun median(values: List<Double>): Double = values.sorted()[values.size / 2]

fun main() {
    measure("bundled")
    JavaTimeZoneRules.register()
    measure("host")
    unregisterHostZoneRules()
}

fun measure(zoneRules: String) {
    val dir = Files.createTempDirectory("heat-ffi-bench")
    val window = windowOfDays("2026-11-30", 90, "Europe/Berlin")
    val events = calendar(window.startMs, window.endMs)
    HeatStore.open(dir.resolve("bench.db").toString()).use { store ->
        val options = ReconcileOptions(allowEmpty = false)
        store.reconcileHeat("bench", window, events, options)
        val wall = mutableListOf<Double>()
        val inside = mutableListOf<Double>()
        repeat(RUNS) {
            val started = System.nanoTime()
            val outcome = store.reconcileHeat("bench", window, events, options)
            wall += (System.nanoTime() - started) / 1_000.0
            inside += outcome.durationMicros.toDouble()
            check(!outcome.changed) { "the benchmark expects a no-op" }
        }
        // Warm-up: the first third of the runs let the JIT compile the lowering code.
        val w = median(wall.drop(RUNS / 3))
        val r = median(inside.drop(RUNS / 3))
        println("ffi_noop_quarter zoneRules=$zoneRules events=$EVENTS kotlinMedianMicros=%.0f rustMedianMicros=%.0f ratio=%.2f"
            .format(w, r, w / r))
    }
    dir.toFile().deleteRecursively()
}
