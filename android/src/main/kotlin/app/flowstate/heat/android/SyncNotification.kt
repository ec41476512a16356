package app.flowstate.heat.android

import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.content.Context
import androidx.work.ForegroundInfo

/**
 * The notification an expedited sync shows while it runs as a foreground
 * service (Android 11 and older: `CoroutineWorker.getForegroundInfo`, whose
 * default throws). Low importance: no sound, collapsed in the shade.
 */
internal object SyncNotification {
    private const val CHANNEL = "app.flowstate.heat.sync"
    private const val NOTIFICATION_ID = 0x4ea7

    fun foregroundInfo(context: Context): ForegroundInfo {
        val manager = context.getSystemService(Context.NOTIFICATION_SERVICE) as NotificationManager
        manager.createNotificationChannel(NotificationChannel(CHANNEL, "Calendar sync", NotificationManager.IMPORTANCE_LOW))
        val notification = Notification.Builder(context, CHANNEL)
            .setSmallIcon(android.R.drawable.stat_notify_sync)
            .setContentTitle("Syncing your calendar")
            .setOngoing(true)
            .build()
        return ForegroundInfo(NOTIFICATION_ID, notification)
    }
}
