package app.flowstate.heat.tests

import app.flowstate.heat.time.JavaTimeZoneRules
import app.flowstate.heat.unregisterHostZoneRules
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach

/** Every golden-fixture test again, with java.time's zone rules instead of the bundled ones: identical results. */
class GoldenFixturesWithHostRulesTest : GoldenFixturesTest() {
    @BeforeEach
    fun deviceRules() = JavaTimeZoneRules.register()

    @AfterEach
    fun bundledAgain() = unregisterHostZoneRules()
}
