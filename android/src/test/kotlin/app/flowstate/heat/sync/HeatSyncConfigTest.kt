package app.flowstate.heat.sync

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

class HeatSyncConfigTest {
    @Test
    fun `nonsense configurations are refused when built, not when the job runs`() {
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(scope = "") }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(weeks = 0) }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(weeks = HeatSyncConfig.MAX_WEEKS + 1) }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(budget = Duration.ZERO) }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(budget = HeatSyncConfig.MAX_BUDGET + 1.seconds) }
        HeatSyncConfig(weeks = HeatSyncConfig.MAX_WEEKS, budget = HeatSyncConfig.MAX_BUDGET)
    }

    @Test
    fun `a config survives the trip through a job's input, and missing keys take the defaults`() {
        val custom = HeatSyncConfig("work-account", weeks = 3, budget = 90.seconds, includeHiddenCalendars = true)
        assertEquals(custom, HeatSyncConfig.fromKeyValues(custom.toKeyValues()))
        assertEquals(HeatSyncConfig(), HeatSyncConfig.fromKeyValues(emptyMap()))
        val partial = custom.toKeyValues().filterKeys { it == "heat.weeks" }
        assertEquals(HeatSyncConfig(weeks = 3), HeatSyncConfig.fromKeyValues(partial))
    }

    @Test
    fun `periodic intervals below WorkManager's minimum are refused`() {
        assertFailsWith<IllegalArgumentException> { SyncTiming.checkRepeatInterval(14.minutes) }
        assertEquals(15.minutes, SyncTiming.checkRepeatInterval(15.minutes))
        val default = SyncTiming.DEFAULT_REPEAT_INTERVAL
        assertEquals(default, SyncTiming.checkRepeatInterval(default))
    }
}
