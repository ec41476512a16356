package app.flowstate.heat.tests

import app.flowstate.heat.HeatSlot
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.TimeRange
import app.flowstate.heat.TimeWindow
import app.flowstate.heat.eventsFromJson
import java.io.File

/** One of the shared JSON files in tests/fixtures, as the Rust and Swift suites read it too. */
class GoldenFixture(val name: String, root: Json) {
    val scope: String = root["scope"].string
    val window = TimeWindow(root["window"]["startMs"].long, root["window"]["endMs"].long, root["window"]["timeZone"].string)
    val slotMinutes: Int = root["slotMinutes"].int
    val minFreeMinutes: Int = root["minFreeMinutes"].int
    /** Parsed by the library itself, from the fixture's `source` object. */
    val events: List<SourceEvent> = eventsFromJson((root["source"] as Json.Obj).text)

    private val expected = root["expected"]
    val windowDigest: String = expected["windowDigest"].string
    val ignoredOutsideWindow: Long = expected["ignoredOutsideWindow"].long
    val busyMinutes: Double = expected["busyMinutes"].double
    val slots: List<HeatSlot> = expected["slots"].list.map { HeatSlot(it["startMs"].long, it["heat"].double) }
    val freeBlocks: List<TimeRange> = expected["freeBlocks"].list.map { TimeRange(it["startMs"].long, it["endMs"].long) }

    override fun toString() = name

    companion object {
        /** `-Dflowstate.fixtures=DIR`, set by scripts/test-kotlin-bindings.sh. */
        fun all(): List<GoldenFixture> {
            val dir = File(System.getProperty("flowstate.fixtures") ?: error("-Dflowstate.fixtures is not set"))
            val files = dir.listFiles { f -> f.extension == "json" }?.sortedBy { it.name }.orEmpty()
            check(files.size >= 3) { "expected at least 3 fixtures in $dir, found ${files.size}" }
            return files.map { GoldenFixture(it.name, Json.parse(it.readText())) }
        }
    }
}
