package app.flowstate.heat.sync

/**
 * One row of Android's `CalendarContract.Instances`, as plain values.
 *
 * The Android adapter copies cursor columns into this type and nothing else;
 * every rule about what a row means lives in [InstanceMapping], which can then
 * be tested on a plain JVM. The integer codes below are the values the
 * platform documents for these columns (`CalendarContract.Events.AVAILABILITY_*`,
 * `STATUS_*`, `CalendarContract.Attendees.ATTENDEE_STATUS_*`), repeated here
 * because `android.*` is not available off-device.
 */
data class InstanceRow(
    /** `Instances.EVENT_ID`: the event (for a recurring event, the series). */
    val eventId: Long,
    /** `Instances.BEGIN`: start of this occurrence, epoch ms (UTC midnight for all-day rows). */
    val begin: Long,
    /** `Instances.END`: end of this occurrence, epoch ms (UTC midnight for all-day rows). */
    val end: Long,
    /** `Events.ALL_DAY`. */
    val allDay: Boolean,
    /** `Events.CALENDAR_ID`. */
    val calendarId: Long,
    /** `Events.TITLE`; personal data, never logged. */
    val title: String?,
    /** `Events.EVENT_LOCATION`; personal data, never logged. */
    val location: String?,
    /** `Events.AVAILABILITY`, one of the `AVAILABILITY_*` codes; null when the column is null. */
    val availability: Int?,
    /** `Events.STATUS`, one of the `STATUS_*` codes; null when the column is null. */
    val status: Int?,
    /** `Events.SELF_ATTENDEE_STATUS`, one of the `ATTENDEE_STATUS_*` codes; null when the column is null. */
    val selfAttendeeStatus: Int?,
    /** `Events.DELETED`: deleted on the device, waiting for its sync adapter to remove it. */
    val deleted: Boolean,
    /** `Calendars.VISIBLE`: whether the user shows this calendar in their calendar app. */
    val calendarVisible: Boolean,
) {
    companion object {
        const val AVAILABILITY_BUSY = 0
        const val AVAILABILITY_FREE = 1
        const val AVAILABILITY_TENTATIVE = 2

        const val STATUS_TENTATIVE = 0
        const val STATUS_CONFIRMED = 1
        const val STATUS_CANCELED = 2

        const val ATTENDEE_STATUS_NONE = 0
        const val ATTENDEE_STATUS_ACCEPTED = 1
        const val ATTENDEE_STATUS_DECLINED = 2
        const val ATTENDEE_STATUS_INVITED = 3
        const val ATTENDEE_STATUS_TENTATIVE = 4
    }
}
