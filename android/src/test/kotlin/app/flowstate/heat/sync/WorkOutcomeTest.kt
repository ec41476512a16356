package app.flowstate.heat.sync

import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.StoreProblem
import app.flowstate.heat.SyncStop
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class WorkOutcomeTest {
    @Test
    fun `source and store failures retry until the attempts run out`() {
        for (stop in listOf(SyncStop.SourceFailed("provider restarting"), SyncStop.StoreFailed(StoreProblem.BUSY, "database is locked"))) {
            assertEquals(WorkOutcome.RETRY, WorkOutcome.of(stop, 0), "$stop")
            assertEquals(WorkOutcome.RETRY, WorkOutcome.of(stop, WorkOutcome.MAX_ATTEMPTS - 2), "$stop")
            assertEquals(WorkOutcome.FAILURE, WorkOutcome.of(stop, WorkOutcome.MAX_ATTEMPTS - 1), "$stop")
        }
    }

    @Test
    fun `no calendar access is never retried`() {
        for (access in CalendarAccess.entries.filter { it != CalendarAccess.FULL_ACCESS }) {
            assertEquals(WorkOutcome.SUCCESS, WorkOutcome.of(SyncStop.AccessNotGranted(access), 0), "$access")
        }
    }

    @Test
    fun `every other stop is a success`() {
        val stops = listOf(
            SyncStop.Completed, SyncStop.BudgetSpent, SyncStop.Cancelled, SyncStop.AlreadyRunning,
            SyncStop.InvalidPlan("windowDays", "must be at least 1"),
        )
        for (stop in stops) assertEquals(WorkOutcome.SUCCESS, WorkOutcome.of(stop, 0), "$stop")
    }
}
