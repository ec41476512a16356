package app.flowstate.heat.tests

import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.CalendarRead
import app.flowstate.heat.CalendarSource
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.TimeRange
import java.util.concurrent.atomic.AtomicInteger

/** A calendar with full access whose reads give [answer]'s events, counting what the job asked. */
class AnsweringSource(private val answer: (TimeRange) -> List<SourceEvent>) : CalendarSource {
    private val accessCalls = AtomicInteger()
    private val readCalls = AtomicInteger()

    val accessChecks: Int get() = accessCalls.get()
    val reads: Int get() = readCalls.get()

    override fun access(): CalendarAccess {
        accessCalls.incrementAndGet()
        return CalendarAccess.FULL_ACCESS
    }

    override fun read(range: TimeRange): CalendarRead {
        readCalls.incrementAndGet()
        return CalendarRead(1u, answer(range))
    }
}
