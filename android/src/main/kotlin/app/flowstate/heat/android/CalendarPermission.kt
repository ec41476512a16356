package app.flowstate.heat.android

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager

/** Whether the app holds `READ_CALENDAR` now (the user can revoke it at any time). */
internal fun hasCalendarPermission(context: Context): Boolean =
    context.checkSelfPermission(Manifest.permission.READ_CALENDAR) == PackageManager.PERMISSION_GRANTED
