package app.flowstate.heat.sync

/**
 * The sync's unique works with WorkManager's documented unique-work
 * semantics (`ExistingWorkPolicy`): per name a chain of requests, the first
 * of which may be running; KEEP drops a request while unfinished work
 * exists, APPEND_OR_REPLACE adds one after it, REPLACE cancels all of it,
 * the running one included.
 */
class FakeWorkQueue : SyncWorkQueue {
    enum class Work { SYNC, TRIGGER, PERIODIC }

    /** Unfinished requests per work, oldest first. */
    val chains: Map<Work, MutableList<String>> = Work.entries.associateWith { mutableListOf() }

    /** Requests stopped by a REPLACE or a cancel, running ones included. */
    val cancelled = mutableListOf<String>()

    /** Every call, in order. */
    val calls = mutableListOf<String>()

    private var next = 0

    /** The first request of [work] starts running (it stays in the chain until [finish]). */
    fun start(work: Work): String = chains.getValue(work).first()

    fun finish(work: Work) {
        chains.getValue(work).removeAt(0)
    }

    override fun requestSync(policy: QueuePolicy) = request(Work.SYNC, policy)

    override fun armCalendarTrigger(policy: QueuePolicy) = request(Work.TRIGGER, policy)

    override fun schedulePeriodicSync() {
        calls += "schedule ${Work.PERIODIC}"
        if (chains.getValue(Work.PERIODIC).isEmpty()) chains.getValue(Work.PERIODIC) += "${Work.PERIODIC}#${next++}"
    }

    override fun cancelCalendarTrigger() = cancel(Work.TRIGGER)

    override fun cancelSync() = cancel(Work.SYNC)

    override fun cancelPeriodicSync() = cancel(Work.PERIODIC)

    private fun request(work: Work, policy: QueuePolicy) {
        calls += "$policy $work"
        val chain = chains.getValue(work)
        val id = "$work#${next++}"
        when (policy) {
            QueuePolicy.KEEP -> if (chain.isEmpty()) chain += id
            QueuePolicy.APPEND_OR_REPLACE -> chain += id
            QueuePolicy.REPLACE -> {
                cancel(work)
                chain += id
            }
        }
    }

    private fun cancel(work: Work) {
        calls += "cancel $work"
        cancelled += chains.getValue(work)
        chains.getValue(work).clear()
    }
}
