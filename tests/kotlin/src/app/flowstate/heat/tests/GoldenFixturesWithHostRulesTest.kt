package app.flowstate.heat.tests

import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.time.JavaTimeZoneRules

/** Every golden-fixture test again, with java.time's zone rules instead of the bundled ones: identical results. */
class GoldenFixturesWithHostRulesTest : GoldenFixturesTest() {
    override val zones: ZoneDatabase = ZoneDatabase.host(JavaTimeZoneRules())
}
