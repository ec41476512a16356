package app.flowstate.heat.sync

import app.flowstate.heat.TimeWindow
import app.flowstate.heat.windowOfDays
import java.time.LocalDate

/**
 * Which windows a sync reconciles, in order.
 *
 * The coming week goes first: it is what screens show, and a short background
 * slot must not spend itself on next month. Later weeks follow while time
 * remains. Every window is whole local days, so a window's fingerprint means
 * the same thing from one run to the next; all-day rows need no widening of
 * the query, because a UTC day overlaps the same local day in every zone
 * (offsets stay under 24 hours).
 */
object SyncWindows {
    const val DAYS_PER_WINDOW = 7

    /** The first day of each window: today, then one week later, and so on. */
    fun startDates(today: LocalDate, weeks: Int): List<LocalDate> =
        List(weeks) { week -> today.plusDays(week.toLong() * DAYS_PER_WINDOW) }

    /** The window of [DAYS_PER_WINDOW] local days from local midnight of [startDate] in [timeZone] (IANA). */
    fun window(startDate: LocalDate, timeZone: String): TimeWindow =
        windowOfDays(startDate.toString(), DAYS_PER_WINDOW, timeZone)
}
