package app.flowstate.heat.sync.model

import app.flowstate.heat.sync.HeatSyncConfig
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.time.Duration.Companion.minutes

/**
 * A named lifecycle scenario from a JSON file in `src/test/resources/lifecycle/`
 * (the format: android/README.md, "Lifecycle scenarios"), run on a fresh
 * [PhoneModel]: its steps in order, every invariant after each, and its
 * expectations where they stand.
 */
class LifecycleScenario(private val file: String, json: String) {
    private val root = Json.parse(json) as Map<*, *>
    val name = root["name"] as? String ?: error("$file: no name")
    private val steps = root["steps"] as? List<*> ?: error("$file: no steps")

    fun run() {
        val phone = PhoneModel()
        val lastEvent = mutableMapOf<String, Long>()
        for ((index, entry) in steps.withIndex()) {
            val step = entry as Map<*, *>
            val where = "$file, step ${index + 1} ($step)"
            val action = step["do"] as? String
            val expectation = step["expect"] as? String
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

    private fun PhoneModel.act(action: String, step: Map<*, *>, where: String) {
        when (action) {
            "schedule" -> schedule(
                HeatSyncConfig(scope = step["scope"] as? String ?: HeatSyncConfig.DEFAULT_SCOPE),
                ((step["intervalMinutes"] as? Long) ?: 60L).minutes,
            )
            "time" -> advance(((step["seconds"] as? Long) ?: 0L) * 1000 + ((step["minutes"] as? Long) ?: 0L) * 60_000)
            "appStart" -> appStart()
            "calendarChange" -> calendarChange()
            "push" -> push()
            "syncNow" -> syncNow()
            "cancelSync" -> cancelSync()
            "grantPermission" -> grantPermission()
            "revokePermission" -> revokePermission()
            "systemStop" -> systemStop()
            "runnerThrowsNext" -> runnerThrowsNext()
            "expeditedQuota" -> expeditedQuota((step["count"] as Long).toInt())
            "runsTake" -> runDuration = (step["seconds"] as Long) * 1000
            "processDeath" -> {
                val then = step["during"] as? Map<*, *>
                val operationsRun = ((step["operationsRun"] as? Long) ?: 0L).toInt()
                if (then == null) processDeath() else processDeathAfter(operationsRun) { act(then["do"] as String, then, where) }
            }
            else -> error("$where: unknown step '$action'")
        }
    }

    private fun PhoneModel.check(expectation: String, step: Map<*, *>, lastEvent: Map<String, Long>, where: String) {
        when (expectation) {
            "syncedAfter" -> {
                val event = step["event"] as String
                val after = lastEvent[event] ?: error("$where: no '$event' step before")
                assertTrue(runs.any { it.event > after && it.completedAt != null }, "no completed sync started after the last $event")
            }
            "noSyncAfter" -> {
                val event = step["event"] as String
                val after = lastEvent[event] ?: error("$where: no '$event' step before")
                assertTrue(runs.none { it.event > after }, "a sync started after the last $event")
            }
            "completedSyncs" -> assertEquals((step["count"] as Long).toInt(), runs.count { it.completedAt != null }, "completed syncs")
            "work" -> {
                val states = (step["states"] as List<*>).map { WorkState.valueOf(it as String) }
                val specs = workManager.named(step["name"] as String)
                assertTrue(specs.any { it.state in states }, "${step["name"]} is $specs, expected one in $states")
            }
            "lastSync" -> assertEquals(step["expedited"] as Boolean, runs.last().expedited, "the last sync ran expedited")
            else -> error("$where: unknown expectation '$expectation'")
        }
    }
}
