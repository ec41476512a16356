package app.flowstate.heat.tests

import app.flowstate.heat.HeatException
import app.flowstate.heat.importIcs
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** `importIcs` through the Kotlin bindings: events plus the report of what was skipped or repaired. */
class IcsImportTest {
    private val calendar = listOf(
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:weekly",
        "SUMMARY:Secret standup",
        "DTSTART:20261019T070000Z",
        "DURATION:PT15M",
        "RRULE:FREQ=WEEKLY;COUNT=-1",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:broken",
        "SUMMARY:Secret dinner",
        "DTSTART:20261332T190000Z",
        "END:VEVENT",
        "END:VCALENDAR",
    ).joinToString("\r\n", postfix = "\r\n")

    @Test
    fun `events skipped components and warnings come back with their lines`() {
        val import = importIcs(calendar, bundledZones.windowOfDays("2026-10-19", 14, "UTC"), null)
        assertEquals(listOf("weekly@2026-10-19T07:00:00Z", "weekly@2026-10-26T07:00:00Z"), import.events.map { it.id })
        assertEquals(1, import.skipped.size)
        assertEquals(12L, import.skipped[0].line)
        assertEquals("broken", import.skipped[0].uid)
        assertTrue(import.skipped[0].reason.startsWith("DTSTART: "), import.skipped[0].reason)
        assertEquals(1, import.warnings.size)
        assertEquals(7L, import.warnings[0].line)
        assertTrue(import.warnings[0].reason.contains("COUNT ignored"), import.warnings[0].reason)
        assertFalse((import.skipped + import.warnings).any { it.reason.contains("Secret") })
    }

    @Test
    fun `a file with nothing of iCalendar throws InvalidInput`() {
        val error = assertFailsWith<HeatException.InvalidInput> {
            importIcs("Secret notes", bundledZones.windowOfDays("2026-10-19", 1, "UTC"), null)
        }
        assertEquals("BEGIN", error.field)
        assertFalse(error.toString().contains("Secret"))
    }
}
