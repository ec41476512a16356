// Compile-time stand-ins for the part of WorkManager (androidx.work,
// work-runtime 2.10) that the Android adapters use, so that
// scripts/test-android-jvm.sh can compile them without the Android SDK.
//
// Signatures are copied from WorkManager's published API signature files
// (work/work-runtime/api/current.txt; CoroutineWorker from
// work/work-runtime-ktx/api, before it moved into work-runtime): names,
// parameter and return types, nullability, `suspend`, `final`, generics and
// the `java.time.Duration` overloads as published. Java getters are Kotlin
// properties here, as Kotlin sees them. Members the adapters do not use are
// left out, so using one fails the check until it is added from the same
// file. Every body throws: nothing here ever runs.
@file:Suppress("UNUSED_PARAMETER", "unused")

package androidx.work

import android.app.Notification
import android.content.Context
import android.net.Uri
import java.util.UUID
import java.util.concurrent.TimeUnit

private fun stub(): Nothing = throw UnsupportedOperationException("compile-time stub of androidx.work")

enum class BackoffPolicy { EXPONENTIAL, LINEAR }

enum class OutOfQuotaPolicy { RUN_AS_NON_EXPEDITED_WORK_REQUEST, DROP_WORK_REQUEST }

class ForegroundInfo {
    constructor(notificationId: Int, notification: Notification)
    constructor(notificationId: Int, notification: Notification, foregroundServiceType: Int)
}

enum class ExistingWorkPolicy { REPLACE, KEEP, APPEND, APPEND_OR_REPLACE }

enum class ExistingPeriodicWorkPolicy {
    @Deprecated("replaced by UPDATE and CANCEL_AND_REENQUEUE")
    REPLACE,
    KEEP,
    UPDATE,
    CANCEL_AND_REENQUEUE,
}

class Constraints private constructor() {
    class Builder {
        fun addContentUriTrigger(uri: Uri, triggerForDescendants: Boolean): Builder = stub()
        fun build(): Constraints = stub()
        fun setRequiresBatteryNotLow(requiresBatteryNotLow: Boolean): Builder = stub()
        fun setRequiresCharging(requiresCharging: Boolean): Builder = stub()
        fun setRequiresStorageNotLow(requiresStorageNotLow: Boolean): Builder = stub()
        fun setTriggerContentMaxDelay(duration: Long, timeUnit: TimeUnit): Builder = stub()
        fun setTriggerContentMaxDelay(duration: java.time.Duration): Builder = stub()
        fun setTriggerContentUpdateDelay(duration: Long, timeUnit: TimeUnit): Builder = stub()
        fun setTriggerContentUpdateDelay(duration: java.time.Duration): Builder = stub()
    }
}

class Data(other: Data) {
    val keyValueMap: Map<String, Any?> get() = stub()
    fun getBoolean(key: String, defaultValue: Boolean): Boolean = stub()
    fun getInt(key: String, defaultValue: Int): Int = stub()
    fun getLong(key: String, defaultValue: Long): Long = stub()
    fun getString(key: String): String? = stub()

    class Builder {
        fun build(): Data = stub()
        fun putAll(other: Data): Builder = stub()
        fun putAll(values: Map<String, Any?>): Builder = stub()
        fun putBoolean(key: String, value: Boolean): Builder = stub()
        fun putInt(key: String, value: Int): Builder = stub()
        fun putLong(key: String, value: Long): Builder = stub()
        fun putString(key: String, value: String?): Builder = stub()
    }

    companion object {
        @JvmField val EMPTY: Data = stub()
    }
}

interface Operation

class WorkerParameters private constructor() {
    val id: UUID get() = stub()
    val inputData: Data get() = stub()
    val runAttemptCount: Int get() = stub()
}

abstract class ListenableWorker(appContext: Context, workerParams: WorkerParameters) {
    val applicationContext: Context get() = stub()
    val id: UUID get() = stub()
    val inputData: Data get() = stub()
    val runAttemptCount: Int get() = stub()
    val isStopped: Boolean get() = stub()
    open fun onStopped(): Unit = stub()

    abstract class Result internal constructor() {
        abstract val outputData: Data

        companion object {
            @JvmStatic fun success(): Result = stub()
            @JvmStatic fun success(outputData: Data): Result = stub()
            @JvmStatic fun retry(): Result = stub()
            @JvmStatic fun failure(): Result = stub()
            @JvmStatic fun failure(outputData: Data): Result = stub()
        }
    }
}

abstract class Worker(context: Context, workerParams: WorkerParameters) : ListenableWorker(context, workerParams) {
    abstract fun doWork(): Result
}

abstract class CoroutineWorker(appContext: Context, params: WorkerParameters) : ListenableWorker(appContext, params) {
    abstract suspend fun doWork(): Result
    open suspend fun getForegroundInfo(): ForegroundInfo = stub()
    final override fun onStopped(): Unit = stub()
}

abstract class WorkRequest internal constructor() {
    val id: UUID get() = stub()

    abstract class Builder<B : Builder<B, *>, W : WorkRequest> internal constructor() {
        fun addTag(tag: String): B = stub()
        fun build(): W = stub()
        fun setBackoffCriteria(backoffPolicy: BackoffPolicy, backoffDelay: Long, timeUnit: TimeUnit): B = stub()
        fun setBackoffCriteria(backoffPolicy: BackoffPolicy, duration: java.time.Duration): B = stub()
        fun setConstraints(constraints: Constraints): B = stub()
        fun setExpedited(policy: OutOfQuotaPolicy): B = stub()
        open fun setInitialDelay(duration: Long, timeUnit: TimeUnit): B = stub()
        open fun setInitialDelay(duration: java.time.Duration): B = stub()
        fun setInputData(inputData: Data): B = stub()
    }
}

class OneTimeWorkRequest private constructor() : WorkRequest() {
    class Builder(workerClass: Class<out ListenableWorker>) : WorkRequest.Builder<Builder, OneTimeWorkRequest>()
}

class PeriodicWorkRequest private constructor() : WorkRequest() {
    class Builder : WorkRequest.Builder<Builder, PeriodicWorkRequest> {
        constructor(workerClass: Class<out ListenableWorker>, repeatInterval: Long, repeatIntervalTimeUnit: TimeUnit)
        constructor(workerClass: Class<out ListenableWorker>, repeatInterval: java.time.Duration)
    }

    companion object {
        const val MIN_PERIODIC_INTERVAL_MILLIS: Long = 900000L
    }
}

inline fun <reified W : ListenableWorker> OneTimeWorkRequestBuilder(): OneTimeWorkRequest.Builder =
    throw UnsupportedOperationException("compile-time stub of androidx.work")

inline fun <reified W : ListenableWorker> PeriodicWorkRequestBuilder(
    repeatInterval: Long,
    repeatIntervalTimeUnit: TimeUnit,
): PeriodicWorkRequest.Builder = throw UnsupportedOperationException("compile-time stub of androidx.work")

inline fun <reified W : ListenableWorker> PeriodicWorkRequestBuilder(
    repeatInterval: java.time.Duration,
): PeriodicWorkRequest.Builder = throw UnsupportedOperationException("compile-time stub of androidx.work")

abstract class WorkManager internal constructor() {
    abstract fun cancelUniqueWork(uniqueWorkName: String): Operation
    abstract fun enqueueUniquePeriodicWork(
        uniqueWorkName: String,
        existingPeriodicWorkPolicy: ExistingPeriodicWorkPolicy,
        request: PeriodicWorkRequest,
    ): Operation
    open fun enqueueUniqueWork(
        uniqueWorkName: String,
        existingWorkPolicy: ExistingWorkPolicy,
        request: OneTimeWorkRequest,
    ): Operation = stub()
    abstract fun enqueueUniqueWork(
        uniqueWorkName: String,
        existingWorkPolicy: ExistingWorkPolicy,
        requests: List<OneTimeWorkRequest>,
    ): Operation

    companion object {
        @JvmStatic fun getInstance(context: Context): WorkManager = stub()
    }
}
