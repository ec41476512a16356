package app.flowstate.heat.android

import android.content.ContentUris
import android.content.Context
import android.database.Cursor
import android.provider.CalendarContract.Events
import android.provider.CalendarContract.Instances
import app.flowstate.heat.TimeWindow
import app.flowstate.heat.sync.CalendarSource
import app.flowstate.heat.sync.CalendarUnavailableException
import app.flowstate.heat.sync.InstanceRow

/**
 * The device calendar through `CalendarContract.Instances`, which expands
 * recurring events into occurrences for the queried range.
 *
 * Copies cursor columns into [InstanceRow]s and nothing more: what a row
 * means is decided by `InstanceMapping`, and what a failed read means by
 * `HeatSyncRunner`, both tested on the JVM. A query that throws (e.g.
 * `SecurityException` after the permission was revoked) is left to propagate.
 */
class CalendarContractSource(context: Context) : CalendarSource {
    private val context = context.applicationContext

    override fun hasReadPermission(): Boolean = hasCalendarPermission(context)

    override fun readInstances(window: TimeWindow): List<InstanceRow> {
        val range = Instances.CONTENT_URI.buildUpon()
        ContentUris.appendId(range, window.startMs)
        ContentUris.appendId(range, window.endMs)
        val cursor = context.contentResolver.query(range.build(), PROJECTION, null, null, null)
            ?: throw CalendarUnavailableException("the calendar provider returned no cursor")
        return cursor.use { rows -> buildList(rows.count) { while (rows.moveToNext()) add(rows.instanceRow()) } }
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
