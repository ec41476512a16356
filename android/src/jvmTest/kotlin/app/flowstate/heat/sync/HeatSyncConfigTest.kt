package app.flowstate.heat.sync

import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith
import kotlin.time.Duration

class HeatSyncConfigTest {
    @Test
    fun `nonsense configurations are refused when built, not when the job runs`() {
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(scope = "") }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(weeks = 0) }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(weeks = HeatSyncConfig.MAX_WEEKS + 1) }
        assertFailsWith<IllegalArgumentException> { HeatSyncConfig(budget = Duration.ZERO) }
        HeatSyncConfig(weeks = HeatSyncConfig.MAX_WEEKS)
    }
}
