package app.flowstate.heat.android

import android.content.Context
import app.flowstate.heat.sync.ScheduleStore
import app.flowstate.heat.sync.ScheduledSync

/**
 * The persisted schedule in a private preferences file. Written with
 * `commit()` (one small synchronous write): `HeatSync.cancel` must hold even
 * if the process dies before WorkManager ran the cancels it queued.
 */
internal class PreferencesScheduleStore(context: Context) : ScheduleStore {
    private val preferences = context.getSharedPreferences(FILE, Context.MODE_PRIVATE)

    override fun load(): ScheduledSync? =
        if (preferences.getBoolean(KEY_SCHEDULED, false)) ScheduledSync.fromKeyValues(preferences.all) else null

    override fun save(schedule: ScheduledSync?) {
        val editor = preferences.edit().clear()
        if (schedule != null) {
            editor.putBoolean(KEY_SCHEDULED, true)
            for ((key, value) in schedule.toKeyValues()) {
                when (value) {
                    is String -> editor.putString(key, value)
                    is Int -> editor.putInt(key, value)
                    is Long -> editor.putLong(key, value)
                    is Boolean -> editor.putBoolean(key, value)
                    else -> error("no preferences type for $key")
                }
            }
        }
        check(editor.commit()) { "the sync schedule could not be written to $FILE" }
    }

    private companion object {
        const val FILE = "app.flowstate.heat.sync"
        const val KEY_SCHEDULED = "heat.scheduled"
    }
}
