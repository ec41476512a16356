package app.flowstate.heat.tests

import app.flowstate.heat.ZoneDatabase
import app.flowstate.heat.time.JavaTimeZoneRules

/** The golden sync-job scenarios again, with java.time's zone rules instead of the bundled ones: identical results. */
class SyncJobScenariosWithHostRulesTest : SyncJobScenariosTest() {
    override val zones: ZoneDatabase = ZoneDatabase.host(JavaTimeZoneRules())
}
