package app.flowstate.heat.sync

import app.flowstate.heat.SyncPlan
import app.flowstate.heat.defaultSyncPlan
import org.junit.jupiter.api.Test
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

class HeatSyncConfigTest {
    @Test
    fun `a budget WorkManager would cut short is refused when built`() {
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(budget = HeatSyncConfig.MAX_BUDGET + 1.seconds) }
        HeatSyncConfig(budget = HeatSyncConfig.MAX_BUDGET)
    }

    @Test
    fun `the plan is the config plus the device's day and zone`() {
        val config = HeatSyncConfig("work-account", pastDays = 3, futureDays = 14, windowDays = 5, budget = 90.seconds)
        assertEquals(
            SyncPlan("work-account", "Pacific/Kiritimati", "2026-11-30", 3, 14, 5, 90_000),
            config.plan(LocalDate.parse("2026-11-30"), "Pacific/Kiritimati"),
        )
    }

    @Test
    fun `without overrides the plan is the sync job's default, whose numbers live only in Rust`() {
        assertEquals(
            defaultSyncPlan("device-calendar", "Europe/Berlin", "2026-11-30"),
            HeatSyncConfig().plan(LocalDate.parse("2026-11-30"), "Europe/Berlin"),
        )
    }

    @Test
    fun `a config survives the trip through key-values, and missing keys take the defaults`() {
        val custom = HeatSyncConfig("work-account", 3, 14, 5, budget = 90.seconds, includeHiddenCalendars = true)
        assertEquals(custom, HeatSyncConfig.fromKeyValues(custom.toKeyValues()))
        assertEquals(HeatSyncConfig(), HeatSyncConfig.fromKeyValues(emptyMap()))
        val partial = custom.toKeyValues().filterKeys { it == "heat.futureDays" }
        assertEquals(HeatSyncConfig(futureDays = 14), HeatSyncConfig.fromKeyValues(partial))
    }

    @Test
    fun `a schedule survives the trip through the preferences file, and an old file takes the default interval`() {
        val custom = ScheduledSync(HeatSyncConfig("work-account", futureDays = 14), repeatInterval = 2.hours)
        assertEquals(custom, ScheduledSync.fromKeyValues(custom.toKeyValues()))
        val withoutInterval = custom.toKeyValues().filterKeys { it != "heat.repeatIntervalMs" }
        assertEquals(custom.copy(repeatInterval = SyncTiming.DEFAULT_REPEAT_INTERVAL), ScheduledSync.fromKeyValues(withoutInterval))
    }

    @Test
    fun `periodic intervals below WorkManager's minimum are refused`() {
        assertFailsWith<IllegalArgumentException> { SyncTiming.checkRepeatInterval(14.minutes) }
        assertEquals(15.minutes, SyncTiming.checkRepeatInterval(15.minutes))
        val default = SyncTiming.DEFAULT_REPEAT_INTERVAL
        assertEquals(default, SyncTiming.checkRepeatInterval(default))
    }
}
