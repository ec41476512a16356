package app.flowstate.heat.sync.model

import kotlin.time.Duration.Companion.minutes

/**
 * What must hold after every step of a [PhoneModel], whatever the schedule
 * (issue 20):
 * 1. every calendar change, push and app request (while scheduled, with
 *    `READ_CALENDAR`) is followed by a completed sync that started after
 *    it: within [QUICK] when nothing disrupted the process after it and
 *    the trigger was armed (a change), else within one periodic interval
 *    plus [QUICK] of the last disruption (a death, a system stop, a
 *    failing run): the periodic sync is the safety net;
 * 2. after `cancelSync`, nothing is requested and no sync runs until the
 *    next `schedule`;
 * 3. while scheduled, the periodic work is never failed or cancelled, and
 *    once enqueued it stays enqueued or running;
 * 4. no sync runs without `READ_CALENDAR`;
 * 5. no sync writes a scope other than the one the app last scheduled.
 */
class LifecycleInvariants {
    /** A request that a completed sync must follow. */
    private class Expected(val what: String, val event: Long, val at: Long, var deadline: Long)

    private val open = mutableListOf<Expected>()
    private var periodicEnqueued = false
    val names = listOf(
        "1 every change, push and request is followed by a completed sync that started after it (15 min undisturbed, else one interval + 15 min after the last disruption)",
        "2 after cancelSync nothing is requested and no sync runs until the next schedule",
        "3 while scheduled the periodic work is never failed or cancelled, and stays enqueued or running",
        "4 no sync runs without READ_CALENDAR",
        "5 no sync writes a scope other than the one last scheduled",
    )
    var checks = 0L
        private set

    fun expectSync(phone: PhoneModel, what: String, event: Long, quick: Boolean) {
        if (!phone.appWantsSync || !phone.permission) return
        val deadline = phone.now + QUICK + if (quick) 0 else interval(phone)
        open += Expected(what, event, phone.now, deadline)
    }

    fun disrupted(phone: PhoneModel) {
        val later = phone.now + interval(phone) + QUICK
        for (expected in open) expected.deadline = maxOf(expected.deadline, later)
    }

    fun cancelled(phone: PhoneModel) {
        check(!phone.appWantsSync)
        open.clear()
        periodicEnqueued = false
    }

    fun permissionRevoked() = open.clear()

    fun requested(phone: PhoneModel, request: String) {
        if (!phone.appWantsSync) fail(phone, 2, "$request requested after cancelSync")
    }

    fun runStarted(phone: PhoneModel, run: PhoneModel.RunRecord) {
        if (!phone.appWantsSync) fail(phone, 2, "a sync started after cancelSync")
        if (!phone.permission) fail(phone, 4, "a sync started without READ_CALENDAR")
        val scope = phone.appSchedule.config.scope
        if (run.scope != scope) fail(phone, 5, "a sync wrote scope '${run.scope}', the app scheduled '$scope'")
    }

    fun runCompleted(phone: PhoneModel, run: PhoneModel.RunRecord) {
        open.removeAll { it.event < run.event && phone.now <= it.deadline }
    }

    fun stateChanged(phone: PhoneModel, spec: WorkSpec, from: WorkState?, to: WorkState) {
        if (spec.name != ModelQueue.PERIODIC || !phone.appWantsSync) return
        if (to == WorkState.FAILED || to == WorkState.CANCELLED) fail(phone, 3, "the periodic work went from $from to $to while scheduled")
        if (from == null && to == WorkState.ENQUEUED) periodicEnqueued = true
    }

    fun check(phone: PhoneModel) {
        checks++
        open.firstOrNull { it.deadline < phone.now }?.let {
            fail(phone, 1, "the ${it.what} at ${it.at / 1000}s was not followed by a completed sync that started after it by ${it.deadline / 1000}s")
        }
        if (phone.appWantsSync && periodicEnqueued) {
            val periodic = phone.workManager.named(ModelQueue.PERIODIC)
            if (periodic.none { it.state == WorkState.ENQUEUED || it.state == WorkState.RUNNING }) {
                fail(phone, 3, "no periodic work enqueued or running while scheduled: $periodic")
            }
        }
    }

    private fun interval(phone: PhoneModel) = phone.appSchedule.repeatInterval.inWholeMilliseconds

    private fun fail(phone: PhoneModel, invariant: Int, message: String): Nothing =
        throw InvariantBroken("invariant ${names[invariant - 1]}: $message\nlast steps:\n" + phone.trace.joinToString("\n"))

    class InvariantBroken(message: String) : AssertionError(message)

    companion object {
        val QUICK = 15.minutes.inWholeMilliseconds
    }
}
