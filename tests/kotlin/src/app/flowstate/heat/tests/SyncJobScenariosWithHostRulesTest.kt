package app.flowstate.heat.tests

import app.flowstate.heat.time.JavaTimeZoneRules
import app.flowstate.heat.unregisterHostZoneRules
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach

/** The golden sync-job scenarios again, with java.time's zone rules instead of the bundled ones: identical results. */
class SyncJobScenariosWithHostRulesTest : SyncJobScenariosTest() {
    @BeforeEach
    fun deviceRules() = JavaTimeZoneRules.register()

    @AfterEach
    fun bundledAgain() = unregisterHostZoneRules()
}
