package app.flowstate.heat.android

import android.content.ContentUris
import android.content.Context
import android.database.Cursor
import android.os.CancellationSignal
import android.provider.CalendarContract.Calendars
import android.provider.CalendarContract.Events
import android.provider.CalendarContract.Instances
import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.CalendarRead
import app.flowstate.heat.CalendarSource
import app.flowstate.heat.SourceException
import app.flowstate.heat.TimeRange
import app.flowstate.heat.sync.InstanceMapping
import app.flowstate.heat.sync.InstanceRow

/**
 * The device calendar for the sync job, through `CalendarContract.Instances`,
 * which expands recurring events into occurrences for the queried range.
 *
 * Copies cursor columns into [InstanceRow]s and maps them ([InstanceMapping],
 * tested on the JVM); everything else — when to read, what a failed or empty
 * read means, odd events — is the job's. A query that throws (e.g.
 * `SecurityException` after the permission was revoked) is left to
 * propagate: the job ends the run as `sourceFailed` with a fixed text. A
 * cancelled [stop] cancels the query in progress (it throws
 * `OperationCanceledException`, which ends the run the same way; the
 * run's own cancellation is set first, so the job reports the stop).
 */
class CalendarContractSource(
    context: Context,
    includeHiddenCalendars: Boolean,
    private val stop: CancellationSignal? = null,
) : CalendarSource {
    private val context = context.applicationContext
    private val mapping = InstanceMapping(includeHiddenCalendars)
    private val calendarSelection = if (includeHiddenCalendars) null else "${Calendars.VISIBLE} = 1"

    override fun access(): CalendarAccess =
        if (hasCalendarPermission(context)) CalendarAccess.FULL_ACCESS else CalendarAccess.DENIED

    override fun read(range: TimeRange): CalendarRead {
        val calendars = context.contentResolver.query(Calendars.CONTENT_URI, CALENDAR_PROJECTION, calendarSelection, null, null, stop)
            ?: throw SourceException.Unavailable("the calendar provider returned no cursor for the calendars")
        val calendarCount = calendars.use { it.count }
        val uri = Instances.CONTENT_URI.buildUpon()
        ContentUris.appendId(uri, range.startMs)
        ContentUris.appendId(uri, range.endMs)
        val cursor = context.contentResolver.query(uri.build(), PROJECTION, null, null, null, stop)
            ?: throw SourceException.Unavailable("the calendar provider returned no cursor for the instances")
        val rows = cursor.use { buildList(it.count) { while (it.moveToNext()) add(it.instanceRow()) } }
        return CalendarRead(calendarCount, mapping.toSourceEvents(rows))
    }

    private fun Cursor.instanceRow() = InstanceRow(
        eventId = getLong(EVENT_ID),
        begin = getLong(BEGIN),
        end = getLong(END),
        allDay = getInt(ALL_DAY) != 0,
        calendarId = getLong(CALENDAR_ID),
        title = getString(TITLE),
        location = getString(LOCATION),
        availability = intOrNull(AVAILABILITY),
        status = intOrNull(STATUS),
        selfAttendeeStatus = intOrNull(SELF_ATTENDEE_STATUS),
        deleted = getInt(DELETED) != 0,
        calendarVisible = getInt(VISIBLE) != 0,
    )

    private fun Cursor.intOrNull(column: Int): Int? = if (isNull(column)) null else getInt(column)

    private companion object {
        val CALENDAR_PROJECTION = arrayOf(Calendars._ID)

        /** Only the columns [InstanceRow] holds, in the order of the indexes below. */
        val PROJECTION = arrayOf(
            Instances.EVENT_ID,
            Instances.BEGIN,
            Instances.END,
            Instances.ALL_DAY,
            Instances.CALENDAR_ID,
            Instances.TITLE,
            Instances.EVENT_LOCATION,
            Instances.AVAILABILITY,
            Instances.STATUS,
            Instances.SELF_ATTENDEE_STATUS,
            Events.DELETED,
            Instances.VISIBLE,
        )
        const val EVENT_ID = 0
        const val BEGIN = 1
        const val END = 2
        const val ALL_DAY = 3
        const val CALENDAR_ID = 4
        const val TITLE = 5
        const val LOCATION = 6
        const val AVAILABILITY = 7
        const val STATUS = 8
        const val SELF_ATTENDEE_STATUS = 9
        const val DELETED = 10
        const val VISIBLE = 11
    }
}
