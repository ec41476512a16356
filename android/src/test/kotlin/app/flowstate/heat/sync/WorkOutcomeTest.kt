package app.flowstate.heat.sync

import app.flowstate.heat.HeatException
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class WorkOutcomeTest {
    private fun summary(status: HeatSyncStatus, failure: Exception? = null) =
        HeatSyncSummary(status, windowsReconciled = 1, windowsChanged = 0, daysReplaced = 0, emptyList(), failure)

    private fun outcome(status: HeatSyncStatus, failure: Exception? = null, attempt: Int = 0) =
        WorkOutcome.of(summary(status, failure), attempt)

    @Test
    fun `a complete run and a run out of time both succeed`() {
        assertEquals(WorkOutcome.SUCCESS, outcome(HeatSyncStatus.COMPLETE))
        assertEquals(WorkOutcome.SUCCESS, outcome(HeatSyncStatus.OUT_OF_TIME))
    }

    @Test
    fun `transient failures retry until the attempts run out`() {
        val transient = listOf(
            summary(HeatSyncStatus.READ_FAILED, IllegalStateException("provider busy")),
            summary(HeatSyncStatus.STORE_FAILED, HeatException.Storage("database is locked")),
            summary(HeatSyncStatus.STORE_FAILED, HeatException.Interrupted("interrupted")),
        )
        for (run in transient) {
            assertEquals(WorkOutcome.RETRY, WorkOutcome.of(run, 0), "$run")
            assertEquals(WorkOutcome.RETRY, WorkOutcome.of(run, WorkOutcome.MAX_ATTEMPTS - 2), "$run")
            assertEquals(WorkOutcome.FAILURE, WorkOutcome.of(run, WorkOutcome.MAX_ATTEMPTS - 1), "$run")
        }
    }

    @Test
    fun `a corrupt store is discarded and rebuilt, a newer one is left alone`() {
        val corrupt = HeatException.CorruptDatabase("SQLite reports the file as malformed")
        assertEquals(WorkOutcome.DISCARD_STORE_AND_RETRY, outcome(HeatSyncStatus.STORE_FAILED, corrupt))
        assertEquals(WorkOutcome.FAILURE, outcome(HeatSyncStatus.STORE_FAILED, corrupt, WorkOutcome.MAX_ATTEMPTS - 1))
        val newer = HeatException.IncompatibleDatabase("newer", 9, 1)
        assertEquals(WorkOutcome.FAILURE, outcome(HeatSyncStatus.STORE_FAILED, newer))
    }

    @Test
    fun `missing permission, bad input and bugs do not retry`() {
        assertEquals(WorkOutcome.FAILURE, outcome(HeatSyncStatus.PERMISSION_MISSING))
        val badZone = HeatException.InvalidInput("window.timeZone", null, "unknown IANA time zone")
        assertEquals(WorkOutcome.FAILURE, outcome(HeatSyncStatus.STORE_FAILED, badZone))
        assertEquals(WorkOutcome.FAILURE, outcome(HeatSyncStatus.STORE_FAILED, HeatException.Internal("bug")))
    }
}
