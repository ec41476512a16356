package app.flowstate.heat.sync

import app.flowstate.heat.Availability
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.Participation
import app.flowstate.heat.SourceEvent
import java.time.LocalDate

/**
 * The rules that turn `CalendarContract.Instances` rows into the engine's
 * [SourceEvent]s.
 *
 * Only the meaning of Android's columns lives here. What to do with an odd
 * event (an end before its start, an over-long title, a duplicate id) is the
 * sync job's (`docs/contract.md` "Sync job"), so times are passed on as the
 * provider gives them; codes outside the documented ones map to the
 * engine's defaults, as a column's absence does.
 *
 * @param includeHiddenCalendars whether calendars the user hides in their
 *   calendar app (colleagues' shared calendars, holidays, birthdays) heat the
 *   day. Off by default: the heat map then matches what the user sees.
 */
class InstanceMapping(private val includeHiddenCalendars: Boolean = false) {

    fun toSourceEvents(rows: List<InstanceRow>): List<SourceEvent> = rows.mapNotNull(::toSourceEvent)

    /** The event for [row], or null when the row is skipped (deleted, or a hidden calendar's). */
    fun toSourceEvent(row: InstanceRow): SourceEvent? {
        if (row.deleted || (!row.calendarVisible && !includeHiddenCalendars)) return null
        return SourceEvent(
            id = occurrenceId(row),
            calendarId = row.calendarId.toString(),
            title = row.title.orEmpty(),
            location = row.location?.takeIf { it.isNotEmpty() },
            time = eventTime(row),
            availability = availability(row.availability),
            status = status(row.status),
            participation = participation(row.selfAttendeeStatus),
        )
    }

    companion object {
        private const val MS_PER_DAY = 86_400_000L

        /**
         * One id per occurrence: the series' `EVENT_ID` and this occurrence's
         * `BEGIN`. A modified occurrence of a series is its own event row on
         * Android, so the pair stays unique.
         */
        fun occurrenceId(row: InstanceRow): String = "${row.eventId}@${row.begin}"

        /**
         * All-day rows carry UTC midnights, which name floating dates, not
         * instants: `BEGIN` is the first day, `END` the day after the last
         * (exclusive). A bound off midnight is widened to whole days.
         */
        fun eventTime(row: InstanceRow): EventTime {
            if (!row.allDay) return EventTime.Timed(row.begin, row.end)
            val firstDay = Math.floorDiv(row.begin, MS_PER_DAY)
            val endDay = Math.floorDiv(row.end + MS_PER_DAY - 1, MS_PER_DAY)
            return EventTime.AllDay(LocalDate.ofEpochDay(firstDay).toString(), LocalDate.ofEpochDay(endDay).toString())
        }

        /** A null or unknown code counts as busy: an event blocks time unless it says otherwise. */
        fun availability(code: Int?): Availability = when (code) {
            InstanceRow.AVAILABILITY_FREE -> Availability.FREE
            InstanceRow.AVAILABILITY_TENTATIVE -> Availability.TENTATIVE
            else -> Availability.BUSY
        }

        /** Null (common: many sync adapters never set it) or unknown counts as confirmed. */
        fun status(code: Int?): EventStatus = when (code) {
            InstanceRow.STATUS_TENTATIVE -> EventStatus.TENTATIVE
            InstanceRow.STATUS_CANCELED -> EventStatus.CANCELLED
            else -> EventStatus.CONFIRMED
        }

        /** `INVITED` is an unanswered invitation: the engine's `needsAction`. */
        fun participation(code: Int?): Participation = when (code) {
            InstanceRow.ATTENDEE_STATUS_ACCEPTED -> Participation.ACCEPTED
            InstanceRow.ATTENDEE_STATUS_DECLINED -> Participation.DECLINED
            InstanceRow.ATTENDEE_STATUS_INVITED -> Participation.NEEDS_ACTION
            InstanceRow.ATTENDEE_STATUS_TENTATIVE -> Participation.TENTATIVE
            else -> Participation.NONE
        }
    }
}
