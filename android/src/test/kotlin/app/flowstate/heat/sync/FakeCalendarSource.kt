package app.flowstate.heat.sync

import app.flowstate.heat.TimeWindow
import java.util.Collections

/**
 * A device calendar in memory that answers like Android's calendar provider:
 * a read throws without permission, and returns the instances whose
 * `[BEGIN, END]` meets the queried range (bounds included, as the provider's
 * `begin <= ? AND end >= ?` selection does).
 */
class FakeCalendarSource(@Volatile var rows: List<InstanceRow> = emptyList()) : CalendarSource {
    @Volatile var permitted = true

    /** Thrown by every read from the [failFromRead]-th on (0-based), when set. */
    @Volatile var failure: Exception? = null
    @Volatile var failFromRead = 0

    /** Called with each window before its rows are returned. */
    @Volatile var onRead: (TimeWindow) -> Unit = {}

    val windowsRead: MutableList<TimeWindow> = Collections.synchronizedList(mutableListOf())

    override fun hasReadPermission(): Boolean = permitted

    override fun readInstances(window: TimeWindow): List<InstanceRow> {
        if (!permitted) throw SecurityException("Permission Denial: requires android.permission.READ_CALENDAR")
        val readIndex = windowsRead.size
        windowsRead += window
        failure?.takeIf { readIndex >= failFromRead }?.let { throw it }
        onRead(window)
        return rows.filter { it.begin <= window.endMs && it.end >= window.startMs }
    }
}
