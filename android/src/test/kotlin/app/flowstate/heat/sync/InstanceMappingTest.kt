package app.flowstate.heat.sync

import app.flowstate.heat.Availability
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.Participation
import org.junit.jupiter.api.Test
import java.util.TimeZone
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull

class InstanceMappingTest {
    private val mapping = InstanceMapping()

    @Test
    fun `a timed row becomes one event with its times, calendar and text`() {
        val row = Rows.timed(42, "2026-11-30T09:00:00Z", 30, title = "Standup").copy(location = "Room 1")
        val event = assertNotNull(mapping.toSourceEvent(row))
        assertEquals("42@${row.begin}", event.id)
        assertEquals("7", event.calendarId)
        assertEquals("Standup", event.title)
        assertEquals("Room 1", event.location)
        assertEquals(EventTime.Timed(row.begin, row.begin + 30 * 60_000), event.time)
        assertEquals(Availability.BUSY, event.availability)
        assertEquals(EventStatus.CONFIRMED, event.status)
        assertEquals(Participation.ACCEPTED, event.participation)
    }

    @Test
    fun `each occurrence of a recurring event gets its own stable id`() {
        val weekly = listOf("2026-12-01", "2026-12-08", "2026-12-15").map { Rows.timed(42, "${it}T09:00:00Z", 30) }
        val daily = listOf("2026-12-01", "2026-12-02", "2026-12-03").map { Rows.timed(42, "${it}T09:00:00Z", 30) }
        for (series in listOf(weekly, daily)) {
            val ids = mapping.toSourceEvents(series).map { it.id }
            assertEquals(series.map { "42@${it.begin}" }, ids)
            assertEquals(ids.size, ids.toSet().size)
        }
        // The same occurrence read twice keeps its id, so the engine sees no change.
        assertEquals(mapping.toSourceEvents(daily), mapping.toSourceEvents(daily.map { it.copy() }))
    }

    @Test
    fun `all-day rows become the floating dates they stand for, whatever the device zone`() {
        val row = Rows.allDay(5, "2026-12-25", "2026-12-27")
        val saved = TimeZone.getDefault()
        try {
            for (zone in listOf("Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin", "UTC")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone))
                assertEquals(EventTime.AllDay("2026-12-25", "2026-12-27"), mapping.toSourceEvent(row)?.time, zone)
            }
        } finally {
            TimeZone.setDefault(saved)
        }
    }

    @Test
    fun `all-day bounds off midnight widen to whole days, and an empty one stays empty for the job to skip`() {
        val christmas = Rows.utcMidnight("2026-12-25")
        val offMidnight = Rows.allDay(5, "2026-12-25", "2026-12-26")
            .copy(begin = christmas + 3_600_000, end = christmas + 7_200_000)
        assertEquals(EventTime.AllDay("2026-12-25", "2026-12-26"), InstanceMapping.eventTime(offMidnight))
        val empty = Rows.allDay(5, "2026-12-25", "2026-12-25")
        assertEquals(EventTime.AllDay("2026-12-25", "2026-12-25"), InstanceMapping.eventTime(empty))
        val beforeEpoch = Rows.allDay(5, "1969-12-31", "1970-01-01")
        assertEquals(EventTime.AllDay("1969-12-31", "1970-01-01"), InstanceMapping.eventTime(beforeEpoch))
    }

    @Test
    fun `a timed row ending before it begins reaches the job as it is (the job skips it)`() {
        val row = Rows.timed(1, "2026-11-30T09:00:00Z", 30).let { it.copy(end = it.begin - 60_000) }
        assertEquals(EventTime.Timed(row.begin, row.begin - 60_000), InstanceMapping.eventTime(row))
    }

    @Test
    fun `declined, tentative and unanswered invitations keep the user's response`() {
        val cases = mapOf(
            InstanceRow.ATTENDEE_STATUS_NONE to Participation.NONE,
            InstanceRow.ATTENDEE_STATUS_ACCEPTED to Participation.ACCEPTED,
            InstanceRow.ATTENDEE_STATUS_DECLINED to Participation.DECLINED,
            InstanceRow.ATTENDEE_STATUS_INVITED to Participation.NEEDS_ACTION,
            InstanceRow.ATTENDEE_STATUS_TENTATIVE to Participation.TENTATIVE,
            null to Participation.NONE,
            99 to Participation.NONE,
        )
        for ((code, expected) in cases) {
            val row = Rows.timed(1, "2026-11-30T09:00:00Z", 30).copy(selfAttendeeStatus = code)
            assertEquals(expected, mapping.toSourceEvent(row)?.participation, "code $code")
        }
    }

    @Test
    fun `availability and status codes map to the engine's values, unknown ones to the defaults`() {
        val availability = mapOf(
            InstanceRow.AVAILABILITY_BUSY to Availability.BUSY,
            InstanceRow.AVAILABILITY_FREE to Availability.FREE,
            InstanceRow.AVAILABILITY_TENTATIVE to Availability.TENTATIVE,
            null to Availability.BUSY,
            7 to Availability.BUSY,
        )
        for ((code, expected) in availability) assertEquals(expected, InstanceMapping.availability(code), "code $code")
        val status = mapOf(
            InstanceRow.STATUS_TENTATIVE to EventStatus.TENTATIVE,
            InstanceRow.STATUS_CONFIRMED to EventStatus.CONFIRMED,
            InstanceRow.STATUS_CANCELED to EventStatus.CANCELLED,
            null to EventStatus.CONFIRMED,
            -1 to EventStatus.CONFIRMED,
        )
        for ((code, expected) in status) assertEquals(expected, InstanceMapping.status(code), "code $code")
    }

    @Test
    fun `deleted rows are skipped, and hidden calendars unless asked for`() {
        val kept = Rows.timed(1, "2026-11-30T09:00:00Z", 30)
        val deleted = Rows.timed(2, "2026-11-30T10:00:00Z", 30).copy(deleted = true)
        val hidden = Rows.timed(3, "2026-11-30T11:00:00Z", 30).copy(calendarVisible = false)
        assertEquals(listOf("1@${kept.begin}"), mapping.toSourceEvents(listOf(kept, deleted, hidden)).map { it.id })
        val withHidden = InstanceMapping(includeHiddenCalendars = true).toSourceEvents(listOf(kept, deleted, hidden))
        assertEquals(listOf(kept.begin, hidden.begin), withHidden.map { (it.time as EventTime.Timed).startMs })
        assertNull(InstanceMapping(includeHiddenCalendars = true).toSourceEvent(deleted))
    }

    @Test
    fun `a missing title becomes empty and an empty location none`() {
        val row = Rows.timed(1, "2026-11-30T09:00:00Z", 30).copy(title = null, location = "")
        val event = assertNotNull(mapping.toSourceEvent(row))
        assertEquals("", event.title)
        assertNull(event.location)
    }
}
