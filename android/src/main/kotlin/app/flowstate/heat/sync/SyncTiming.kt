package app.flowstate.heat.sync

import kotlin.time.Duration
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * When the background job runs. The WorkManager adapter only passes these on.
 *
 * Calendar edits reach the store through the content-URI trigger within
 * about a minute; the periodic run is the safety net (a missed trigger, a
 * reboot) and moves the synced weeks along as days pass, so it need not be
 * frequent.
 */
object SyncTiming {
    /** WorkManager's floor for periodic work; it silently raises shorter intervals, so they are refused here. */
    val MIN_REPEAT_INTERVAL: Duration = 15.minutes

    val DEFAULT_REPEAT_INTERVAL: Duration = 1.hours

    /** First retry delay after a transient failure, doubled on each retry (WorkManager's minimum is 10 s). */
    val INITIAL_BACKOFF: Duration = 30.seconds

    /**
     * How long the calendar must stay unchanged before a change triggers a
     * sync: sync adapters write in bursts, one sync per burst is enough.
     */
    val CHANGE_SETTLE_DELAY: Duration = 5.seconds

    /** The longest a burst of changes may delay its sync. */
    val CHANGE_MAX_DELAY: Duration = 1.minutes

    /** [interval], if WorkManager would honour it as a periodic interval. */
    fun checkRepeatInterval(interval: Duration): Duration {
        require(interval >= MIN_REPEAT_INTERVAL) {
            "repeat interval $interval is below WorkManager's minimum of $MIN_REPEAT_INTERVAL"
        }
        return interval
    }
}
