package app.flowstate.heat.sync

import app.flowstate.heat.SourceEvent
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/** Instances rows as the provider reports them, for tests. */
object Rows {
    const val WORK_CALENDAR = 7L

    /** A timed busy occurrence starting at [start] (ISO-8601 instant, e.g. `2026-11-30T09:00:00Z`). */
    fun timed(eventId: Long, start: String, minutes: Long, title: String = "Meeting $eventId"): InstanceRow =
        timedAt(eventId, Instant.parse(start).toEpochMilli(), minutes, title)

    /** A timed busy occurrence starting at [begin] (epoch ms). */
    fun timedAt(eventId: Long, begin: Long, minutes: Long, title: String = "Meeting $eventId"): InstanceRow =
        row(eventId, begin, begin + minutes * 60_000, allDay = false, title = title)

    /** An all-day occurrence of the dates `[firstDay, endDay)`, stored as UTC midnights like Android does. */
    fun allDay(eventId: Long, firstDay: String, endDay: String): InstanceRow =
        row(eventId, utcMidnight(firstDay), utcMidnight(endDay), allDay = true, title = "Holiday $eventId")

    /** [count] hour-long busy events an hour apart from [start] (ISO-8601 instant), as the job receives them. */
    fun sourceEvents(count: Int, start: String): List<SourceEvent> {
        val begin = Instant.parse(start).toEpochMilli()
        return InstanceMapping().toSourceEvents(List(count) { timedAt(it + 1L, begin + it * 3_600_000L, 60) })
    }

    fun utcMidnight(date: String): Long = LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()

    private fun row(eventId: Long, begin: Long, end: Long, allDay: Boolean, title: String) = InstanceRow(
        eventId = eventId,
        begin = begin,
        end = end,
        allDay = allDay,
        calendarId = WORK_CALENDAR,
        title = title,
        location = null,
        availability = InstanceRow.AVAILABILITY_BUSY,
        status = InstanceRow.STATUS_CONFIRMED,
        selfAttendeeStatus = InstanceRow.ATTENDEE_STATUS_ACCEPTED,
        deleted = false,
        calendarVisible = true,
    )
}
