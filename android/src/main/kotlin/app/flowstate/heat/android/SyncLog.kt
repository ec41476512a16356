package app.flowstate.heat.android

import android.util.Log

/**
 * The library's log, under one tag: one line per run, the sync job's own
 * (`SyncSummary.logLine`: stop, disposition, windows, counts, duration;
 * never titles, locations or ids), the same text as on iOS.
 */
internal object SyncLog {
    const val TAG = "FlowStateHeat"

    fun line(text: String) {
        Log.i(TAG, text)
    }

    fun problem(text: String, error: Throwable) {
        Log.w(TAG, "$text: ${error::class.java.name}")
    }
}
