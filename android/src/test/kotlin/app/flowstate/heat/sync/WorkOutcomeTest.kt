package app.flowstate.heat.sync

import app.flowstate.heat.SyncDisposition
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class WorkOutcomeTest {
    @Test
    fun `retry later retries until the attempts run out, then succeeds`() {
        assertEquals(WorkOutcome.RETRY, WorkOutcome.of(SyncDisposition.RETRY_LATER, 0))
        assertEquals(WorkOutcome.RETRY, WorkOutcome.of(SyncDisposition.RETRY_LATER, WorkOutcome.MAX_ATTEMPTS - 2))
        assertEquals(WorkOutcome.SUCCESS, WorkOutcome.of(SyncDisposition.RETRY_LATER, WorkOutcome.MAX_ATTEMPTS - 1))
    }

    @Test
    fun `every other disposition succeeds, so no work appended behind a one-off ever fails`() {
        for (disposition in SyncDisposition.entries - SyncDisposition.RETRY_LATER) {
            for (attempt in 0 until WorkOutcome.MAX_ATTEMPTS) {
                assertEquals(WorkOutcome.SUCCESS, WorkOutcome.of(disposition, attempt), "$disposition, attempt $attempt")
            }
        }
    }

    @Test
    fun `an unexpected error is retried like retry later`() {
        assertEquals(WorkOutcome.RETRY, WorkOutcome.afterError(0))
        assertEquals(WorkOutcome.SUCCESS, WorkOutcome.afterError(WorkOutcome.MAX_ATTEMPTS - 1))
    }
}
