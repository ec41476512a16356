package app.flowstate.heat.tests

import app.flowstate.heat.HeatStore
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.TimeRange
import app.flowstate.heat.TimeWindow
import app.flowstate.heat.ZoneDatabase
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.nio.file.Files
import kotlin.test.assertEquals

/**
 * The golden sync-job scenarios through the generated Kotlin: the same
 * summaries, read ranges and stored events as the Rust runner asserts, so
 * one policy drives both languages identically. Runs with the bundled zone
 * rules here and with java.time's in [SyncJobScenariosWithHostRulesTest].
 */
open class SyncJobScenariosTest {
    /** The rules the job and the store resolve zones with. */
    protected open val zones: ZoneDatabase = bundledZones

    @TestFactory
    fun `every golden scenario gives the expected summary, reads and store`() = SyncJobScenario.all().map { scenario ->
        DynamicTest.dynamicTest(scenario.name) { run(scenario) }
    }

    private fun run(scenario: SyncJobScenario) {
        val dir = Files.createTempDirectory("sync-job")
        val path = dir.resolve("heat.db").toString()
        SyncJob(path, zones).use { job ->
            scenario.runs.forEachIndexed { i, run ->
                val at = "${scenario.name}, run ${i + 1}"
                val source = ScriptedSource(run)
                val summary = job.run(scenario.plan, source, SyncCancellation())
                val expect = run["expect"]
                val ranges = expect["readRanges"].list.map { TimeRange(it["startMs"].long, it["endMs"].long) }
                assertEquals(ranges, source.ranges.toList(), "$at: read ranges")
                assertEquals(expect["summary"].plain(), SyncJobScenario.summaryJson(summary), "$at: summary")
                (expect as Json.Obj).fields["stored"]?.takeIf { it != Json.Null }?.let { stored ->
                    assertEquals(stored.plain(), storedJson(path, scenario, stored), "$at: stored events")
                }
            }
        }
        dir.toFile().deleteRecursively()
    }

    private fun storedJson(path: String, scenario: SyncJobScenario, expected: Json): Map<String, Any?> {
        val window = expected["window"]
        val events = HeatStore.openReadOnly(path, zones).use { store ->
            store.events(scenario.plan.scope, TimeWindow(window["startMs"].long, window["endMs"].long, scenario.plan.timeZone))
        }.sortedBy { it.id }
        val wanted = expected["events"].list
        return mapOf(
            "window" to window.plain(),
            "events" to events.mapIndexed { i, e ->
                buildMap {
                    put("id", e.id)
                    put("titleBytes", e.title.toByteArray(Charsets.UTF_8).size.toLong())
                    if ((wanted.getOrNull(i) as? Json.Obj)?.fields?.containsKey("title") == true) put("title", e.title)
                }
            },
        )
    }
}
