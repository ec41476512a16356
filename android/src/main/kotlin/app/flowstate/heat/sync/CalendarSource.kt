package app.flowstate.heat.sync

import app.flowstate.heat.TimeWindow

/**
 * The device calendar as the sync sees it: whether it may be read, and the
 * event instances of a window.
 *
 * On Android this is `CalendarContractSource`; tests use a fake. Keeping the
 * platform behind this interface is what lets [HeatSyncRunner] hold every
 * decision and still run on a plain JVM.
 */
interface CalendarSource {
    /** Whether the app holds the permission to read the calendar (`READ_CALENDAR`). */
    fun hasReadPermission(): Boolean

    /**
     * Every instance overlapping `[window.startMs, window.endMs]`, recurring
     * events expanded, one row per occurrence. Blocking.
     *
     * Throws when the calendar could not be read (revoked permission, provider
     * missing or failing): an exception is how a failed read is told apart
     * from an empty calendar, and only the latter may empty the store.
     */
    fun readInstances(window: TimeWindow): List<InstanceRow>
}

/** The calendar provider answered nothing at all (no cursor): not the same as an empty calendar. */
class CalendarUnavailableException(message: String) : Exception(message)
