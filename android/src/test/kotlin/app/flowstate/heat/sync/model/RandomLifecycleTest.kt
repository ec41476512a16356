package app.flowstate.heat.sync.model

import app.flowstate.heat.sync.HeatSyncConfig
import org.junit.jupiter.api.Test
import kotlin.random.Random
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes

/**
 * Seeded random lifecycles of the app on the WorkManager model, every
 * invariant ([LifecycleInvariants]) checked after every step. A failure
 * names its seed and step; `-Dheat.model.seed=N` runs that seed alone
 * (`-Dheat.model.steps=M` to change the length).
 */
class RandomLifecycleTest {
    @Test
    fun `random lifecycles keep every invariant`() {
        val steps = System.getProperty("heat.model.steps")?.toInt() ?: STEPS_PER_SEED
        val seeds = System.getProperty("heat.model.seed")?.let { listOf(it.toLong()) } ?: (1L..SEEDS)
        var total = 0L
        var checks = 0L
        var syncs = 0
        for (seed in seeds) {
            val phone = PhoneModel()
            val random = Random(seed)
            for (step in 1..steps) {
                try {
                    randomStep(phone, random)
                } catch (broken: AssertionError) {
                    throw AssertionError("lifecycle model: seed $seed, step $step of $steps (rerun: -Dheat.model.seed=$seed)\n${broken.message}", broken)
                }
            }
            phone.advance(3.hours.inWholeMilliseconds) // every open expectation reaches its deadline
            total += steps
            checks += phone.invariants.checks
            syncs += phone.runs.count { it.completedAt != null }
        }
        println("lifecycle model: $total random steps over ${seeds.count()} seeds, $checks invariant checks, $syncs completed syncs; invariants:")
        PhoneModel().invariants.names.forEach { println("  $it") }
    }

    private fun randomStep(phone: PhoneModel, random: Random) {
        val roll = random.nextInt(100)
        when {
            roll < 35 -> phone.advance(if (random.nextBoolean()) random.nextLong(1_000, 60_000) else random.nextLong(60_000, 20.minutes.inWholeMilliseconds))
            roll < 50 -> phone.calendarChange()
            roll < 56 -> phone.push()
            roll < 61 -> phone.appStart()
            roll < 64 -> phone.processDeath()
            roll < 67 -> phone.processDeathAfter(random.nextInt(0, 4)) { appStep(random) }
            roll < 70 -> if (phone.permission) phone.syncNow() else phone.grantPermission()
            roll < 72 -> phone.revokePermission()
            roll < 76 -> phone.syncNow()
            roll < 78 -> phone.cancelSync()
            roll < 84 -> phone.schedule(HeatSyncConfig(scope = SCOPES[random.nextInt(SCOPES.size)]), INTERVALS[random.nextInt(INTERVALS.size)])
            roll < 90 -> phone.systemStop()
            roll < 92 -> phone.runnerThrowsNext()
            roll < 95 -> phone.expeditedQuota(random.nextInt(0, 3))
            else -> phone.runDuration = random.nextLong(1_000, 60_000)
        }
    }

    /** An app step whose requests a death may cut short. */
    private fun PhoneModel.appStep(random: Random) {
        when (random.nextInt(5)) {
            0 -> schedule(HeatSyncConfig(scope = SCOPES[random.nextInt(SCOPES.size)]), INTERVALS[random.nextInt(INTERVALS.size)])
            1 -> cancelSync()
            2 -> syncNow()
            3 -> push()
            else -> appStart()
        }
    }

    private companion object {
        const val SEEDS = 12L
        const val STEPS_PER_SEED = 1_000
        val SCOPES = listOf(HeatSyncConfig.DEFAULT_SCOPE, "work-account")
        val INTERVALS = listOf(1.hours, 1.hours, 1.hours, 15.minutes)
    }
}
