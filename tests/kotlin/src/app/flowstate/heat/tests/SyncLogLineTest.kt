package app.flowstate.heat.tests

import app.flowstate.heat.SourceEvent
import app.flowstate.heat.SyncCancellation
import app.flowstate.heat.SyncJob
import app.flowstate.heat.SyncStop
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue

/** `SyncSummary.logLine` names how the run ended and never what is in the calendar. */
class SyncLogLineTest {
    private val appointments = List(3) { i ->
        timed("appointment-$i", MONDAY + i * DAY + 9 * HOUR, MONDAY + i * DAY + 10 * HOUR, title = "Oncology follow-up $i")
            .copy(location = "Clinic on Secret Street $i")
    }

    private fun assertNoEventText(line: String, events: List<SourceEvent>) {
        for (event in events) {
            for (text in listOfNotNull(event.title, event.location, event.id)) assertFalse(text in line, "\"$text\" in: $line")
        }
    }

    @Test
    fun `the log line has the stop and no title, location or id, completed or failed`() {
        val job = SyncJob(tempDir().resolve("heat.db").toString(), bundledZones)

        val completed = job.run(oneWeekPlan(), AnsweringSource { appointments }, SyncCancellation())
        assertEquals(SyncStop.Completed, completed.stop)
        assertTrue("stop=" in completed.logLine, completed.logLine)
        assertNoEventText(completed.logLine, appointments)

        // The source's exception quotes a title; the line must not.
        val failed = job.run(oneWeekPlan(), AnsweringSource { throw ProviderCrashed() }, SyncCancellation())
        assertIs<SyncStop.SourceFailed>(failed.stop)
        assertTrue("stop=" in failed.logLine, failed.logLine)
        assertFalse("Dentist" in failed.logLine, failed.logLine)
    }
}
