package app.flowstate.heat.sync

import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.CalendarRead
import app.flowstate.heat.CalendarSource
import app.flowstate.heat.EventTime
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.TimeRange

/** A device calendar for the job: full access, one calendar, [events] in every read, [onRead] before each answer. */
class ScriptedSource(
    @Volatile var events: List<SourceEvent>,
    private val onRead: (TimeRange) -> Unit = {},
) : CalendarSource {
    override fun access(): CalendarAccess = CalendarAccess.FULL_ACCESS

    override fun read(range: TimeRange): CalendarRead {
        onRead(range)
        return CalendarRead(1, events.filter { overlaps(it, range) })
    }

    private fun overlaps(event: SourceEvent, range: TimeRange): Boolean {
        val time = event.time as EventTime.Timed
        return time.startMs < range.endMs && time.endMs > range.startMs
    }
}
