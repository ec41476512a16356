// FFI cost of the Kotlin bindings (docs/performance.md):
// - ffi_noop_quarter: 10,000 events passed to reconcileHeat on the JVM
//   through JNA, timed around the call, against the time the same call
//   spends inside Rust (ReconcileOutcome.durationMicros). The difference is
//   what crossing the FFI costs: lowering the list into a RustBuffer,
//   converting it back in Rust, lifting the result.
// - ffi_sync_job_noop: the sync job over the same 10,000-event quarter in
//   7-day windows, store already equal, with a Kotlin CalendarSource (each
//   read a callback from Rust into Kotlin, the window's events lowered back),
//   timed around SyncJob.run; scripts/bench-ffi-kotlin.sh sets it against
//   `heat bench`'s sync_job_noop, the same job with a Rust source.
// ffi_noop_quarter runs twice: with the bundled zone rules, and with
// java.time's registered as host rules (docs/time-zones.md).
//
//   scripts/bench-ffi-kotlin.sh

import app.flowstate.heat.Availability
import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.CalendarRead
import app.flowstate.heat.CalendarSource
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.HeatStore
import app.flowstate.heat.Participation
import app.flowstate.heat.ReconcileOptions
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import app.flowstate.heat.TimeRange
import app.flowstate.heat.TimeWindow
import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.defaultSyncPlan
import app.flowstate.heat.time.JavaTimeZoneRules
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

/** The quarter's events per window, cut once: the bench times the crossing, not the filtering. */
class QuarterSource(private val events: List<SourceEvent>) : CalendarSource {
    private val byRange = HashMap<TimeRange, List<SourceEvent>>()

    override fun access() = CalendarAccess.FULL_ACCESS

    override fun read(range: TimeRange): CalendarRead = CalendarRead(
        1,
        byRange.getOrPut(range) {
            events.filter { (it.time as EventTime.Timed).let { t -> t.startMs < range.endMs && t.endMs > range.startMs } }
        },
    )
}

const val JOB_RUNS = 60

fun syncJobNoop(dir: java.nio.file.Path, zones: ZoneDatabase, events: List<SourceEvent>) {
    val plan = defaultSyncPlan("bench", "Europe/Berlin", "2026-11-30").copy(pastDays = 0, futureDays = 90, windowDays = 7)
    val source = QuarterSource(events)
    // As in `heat bench`: one handle, never cancelled, made outside the timed runs.
    val never = SyncCancellation()
    SyncJob(dir.resolve("job.db").toString(), zones).use { job ->
        check(job.run(plan, source, never).stop == SyncStop.Completed) { "the first run fills the store" }
        val wall = mutableListOf<Double>()
        repeat(JOB_RUNS) {
            val started = System.nanoTime()
            val summary = job.run(plan, source, never)
            wall += (System.nanoTime() - started) / 1_000.0
            check(summary.stop == SyncStop.Completed && summary.windows.none { it.outcome.changed }) {
                "the benchmark expects a completed no-op run"
            }
        }
        println("ffi_sync_job_noop events=$EVENTS windows=13 kotlinMedianMicros=%.0f".format(median(wall.drop(JOB_RUNS / 3))))
    }
}

fun main() {
    val dir = Files.createTempDirectory("heat-ffi-bench")
    val bundled = ZoneDatabase.bundled()
    val window = bundled.windowOfDays("2026-11-30", 90, "Europe/Berlin")
    val events = calendar(window.startMs, window.endMs)
    noopQuarter(dir, bundled, window, events, "bundled")
    // The device's zone rules through the foreign trait (docs/time-zones.md): the cost must not show.
    noopQuarter(dir, ZoneDatabase.host(JavaTimeZoneRules()), window, events, "host")
    syncJobNoop(dir, bundled, events)
    dir.toFile().deleteRecursively()
}

fun noopQuarter(dir: java.nio.file.Path, zones: ZoneDatabase, window: TimeWindow, events: List<SourceEvent>, zoneRules: String) {
    HeatStore.open(dir.resolve("bench-$zoneRules.db").toString(), zones).use { store ->
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
}
