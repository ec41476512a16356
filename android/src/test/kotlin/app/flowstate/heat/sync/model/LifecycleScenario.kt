package app.flowstate.heat.sync.model

import app.flowstate.heat.sync.HeatSyncConfig
import app.flowstate.heat.tests.Json
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.time.Duration.Companion.minutes

/**
 * A named lifecycle scenario from a JSON file in `src/test/resources/lifecycle/`
 * (the format: android/README.md, "Lifecycle scenarios"), run on a fresh
 * [PhoneModel]: its steps in order, every invariant after each, and its
 * expectations where they stand. Read with the cross-language suite's JSON
 * reader (tests/kotlin), compiled into these tests.
 */
class LifecycleScenario(private val file: String, json: String) {
    private val root = Json.parse(json)
    val name = root["name"].string
    private val steps = root["steps"].list

    fun run() {
        val phone = PhoneModel()
        val lastEvent = mutableMapOf<String, Long>()
        for ((index, step) in steps.withIndex()) {
            val fields = (step as Json.Obj).fields
            val where = "$file, step ${index + 1} (${step.text})"
            val action = fields["do"]?.string
            val expectation = fields["expect"]?.string
            try {
                when {
                    action != null -> {
                        lastEvent[action] = phone.events + 1
                        phone.act(action, step, where)
                    }
                    expectation != null -> phone.check(expectation, step, lastEvent, where)
                    else -> error("$where: neither 'do' nor 'expect'")
                }
            } catch (broken: AssertionError) {
                throw AssertionError("$where: ${broken.message}", broken)
            }
        }
    }

    private fun PhoneModel.act(action: String, step: Json, where: String) {
        when (action) {
            "schedule" -> schedule(
                HeatSyncConfig(scope = step.optional("scope")?.string ?: HeatSyncConfig.DEFAULT_SCOPE),
                (step.optional("intervalMinutes")?.long ?: 60L).minutes,
            )
            "time" -> advance((step.optional("seconds")?.long ?: 0L) * 1000 + (step.optional("minutes")?.long ?: 0L) * 60_000)
            "appStart" -> appStart()
            "calendarChange" -> calendarChange()
            "push" -> push()
            "syncNow" -> syncNow()
            "cancelSync" -> cancelSync()
            "grantPermission" -> grantPermission()
            "revokePermission" -> revokePermission()
            "systemStop" -> systemStop()
            "runnerThrowsNext" -> runnerThrowsNext()
            "expeditedQuota" -> expeditedQuota(step["count"].int)
            "runsTake" -> runDuration = step["seconds"].long * 1000
            "processDeath" -> {
                val then = step.optional("during")
                val operationsRun = step.optional("operationsRun")?.int ?: 0
                if (then == null) processDeath() else processDeathAfter(operationsRun) { act(then["do"].string, then, where) }
            }
            else -> error("$where: unknown step '$action'")
        }
    }

    private fun PhoneModel.check(expectation: String, step: Json, lastEvent: Map<String, Long>, where: String) {
        when (expectation) {
            "syncedAfter" -> {
                val event = step["event"].string
                val after = lastEvent[event] ?: error("$where: no '$event' step before")
                assertTrue(runs.any { it.event > after && it.completedAt != null }, "no completed sync started after the last $event")
            }
            "noSyncAfter" -> {
                val event = step["event"].string
                val after = lastEvent[event] ?: error("$where: no '$event' step before")
                assertTrue(runs.none { it.event > after }, "a sync started after the last $event")
            }
            "completedSyncs" -> assertEquals(step["count"].int, runs.count { it.completedAt != null }, "completed syncs")
            "work" -> {
                val name = step["name"].string
                val states = step["states"].list.map { WorkState.valueOf(it.string) }
                val specs = workManager.named(name)
                assertTrue(specs.any { it.state in states }, "$name is $specs, expected one in $states")
            }
            "lastSync" -> assertEquals((step["expedited"] as Json.Bool).value, runs.last().expedited, "the last sync ran expedited")
            else -> error("$where: unknown expectation '$expectation'")
        }
    }

    private fun Json.optional(key: String): Json? = (this as Json.Obj).fields[key]
}
