package app.flowstate.heat.tests

import app.flowstate.heat.Availability
import app.flowstate.heat.CalendarAccess
import app.flowstate.heat.CalendarRead
import app.flowstate.heat.CalendarSource
import app.flowstate.heat.EventStatus
import app.flowstate.heat.EventTime
import app.flowstate.heat.Participation
import app.flowstate.heat.SourceEvent
import app.flowstate.heat.SourceException
import app.flowstate.heat.StoreProblem
import app.flowstate.heat.SyncDisposition
import app.flowstate.heat.SyncPlan
import app.flowstate.heat.SyncStop
import app.flowstate.heat.SyncSummary
import app.flowstate.heat.TimeRange
import java.io.File
import java.util.Collections

/**
 * One golden sync-job scenario of tests/fixtures/sync_jobs, as the Rust
 * (bindings/tests/sync_job_scenarios.rs) and Swift runners read it: a plan,
 * and per run the source's scripted answers and what must come out.
 */
class SyncJobScenario(val name: String, root: Json) {
    val plan: SyncPlan = root["plan"].let {
        SyncPlan(
            it["scope"].string, it["timeZone"].string, it["today"].string,
            it["pastDays"].int, it["futureDays"].int, it["windowDays"].int, it["budgetMillis"].long,
        )
    }
    val runs: List<Json> = root["runs"].list

    override fun toString() = name

    companion object {
        /** `-Dflowstate.fixtures=DIR`, set by scripts/test-kotlin-bindings.sh. */
        fun all(): List<SyncJobScenario> {
            val dir = File(System.getProperty("flowstate.fixtures") ?: error("-Dflowstate.fixtures is not set"), "sync_jobs")
            val files = dir.listFiles { f -> f.extension == "json" }?.sortedBy { it.name }.orEmpty()
            check(files.size >= 8) { "expected at least 8 scenarios in $dir, found ${files.size}" }
            return files.map { SyncJobScenario(it.nameWithoutExtension, Json.parse(it.readText())) }
        }

        fun access(name: String): CalendarAccess = when (name) {
            "fullAccess" -> CalendarAccess.FULL_ACCESS
            "writeOnly" -> CalendarAccess.WRITE_ONLY
            "denied" -> CalendarAccess.DENIED
            "restricted" -> CalendarAccess.RESTRICTED
            "notDetermined" -> CalendarAccess.NOT_DETERMINED
            else -> error("unknown access $name")
        }

        fun accessName(access: CalendarAccess): String = when (access) {
            CalendarAccess.FULL_ACCESS -> "fullAccess"
            CalendarAccess.WRITE_ONLY -> "writeOnly"
            CalendarAccess.DENIED -> "denied"
            CalendarAccess.RESTRICTED -> "restricted"
            CalendarAccess.NOT_DETERMINED -> "notDetermined"
        }

        /** A fixture's raw event, unvalidated: odd events must reach the job as they are. */
        fun event(e: Json): SourceEvent {
            val fields = (e as Json.Obj).fields
            fun text(key: String) = (fields[key] as? Json.Str)?.value
            val time = if (fields.containsKey("startMs")) {
                EventTime.Timed(e["startMs"].long, e["endMs"].long)
            } else {
                EventTime.AllDay(e["startDate"].string, e["endDate"].string)
            }
            return SourceEvent(
                id = e["id"].string,
                calendarId = e["calendarId"].string,
                title = e["title"].string.repeat((fields["titleRepeat"] as? Json.Num)?.text?.toInt() ?: 1),
                location = text("location"),
                time = time,
                availability = when (text("availability")) {
                    null, "busy" -> Availability.BUSY
                    "tentative" -> Availability.TENTATIVE
                    "free" -> Availability.FREE
                    "unavailable" -> Availability.UNAVAILABLE
                    else -> error("unknown availability")
                },
                status = when (text("status")) {
                    null, "confirmed" -> EventStatus.CONFIRMED
                    "tentative" -> EventStatus.TENTATIVE
                    "cancelled" -> EventStatus.CANCELLED
                    else -> error("unknown status")
                },
                participation = when (text("participation")) {
                    null, "none" -> Participation.NONE
                    "accepted" -> Participation.ACCEPTED
                    "tentative" -> Participation.TENTATIVE
                    "needsAction" -> Participation.NEEDS_ACTION
                    "declined" -> Participation.DECLINED
                    else -> error("unknown participation")
                },
            )
        }

        /** The summary in the fixture's words, to compare with `expect.summary`. */
        fun summaryJson(s: SyncSummary): Map<String, Any?> {
            val stop: Pair<String, Pair<String, String>?> = when (val stop = s.stop) {
                SyncStop.Completed -> "completed" to null
                SyncStop.BudgetSpent -> "budgetSpent" to null
                SyncStop.Cancelled -> "cancelled" to null
                SyncStop.AlreadyRunning -> "alreadyRunning" to null
                is SyncStop.AccessNotGranted -> "accessNotGranted" to ("access" to accessName(stop.access))
                is SyncStop.SourceFailed -> "sourceFailed" to ("reason" to stop.reason)
                is SyncStop.StoreFailed -> "storeFailed" to ("problem" to problemName(stop.problem))
                is SyncStop.InvalidPlan -> "invalidPlan" to ("field" to stop.field)
            }
            return buildMap {
                put("stop", stop.first)
                stop.second?.let { put(it.first, it.second) }
                put(
                    "windows",
                    s.windows.map {
                        mapOf(
                            "startMs" to it.window.startMs, "endMs" to it.window.endMs, "changed" to it.outcome.changed,
                            "eventsInserted" to it.outcome.eventsInserted, "eventsDeleted" to it.outcome.eventsDeleted,
                            "eventsUnchanged" to it.outcome.eventsUnchanged,
                        )
                    },
                )
                put("windowsGuarded", s.windowsGuarded)
                put("windowsOversized", s.windowsOversized)
                put("eventsTruncated", s.eventsTruncated)
                put("eventsSkipped", s.eventsSkipped)
                put("duplicatesDropped", s.duplicatesDropped)
                put("storeRebuilt", s.storeRebuilt)
                put("disposition", dispositionName(s.disposition))
            }
        }

        fun dispositionName(disposition: SyncDisposition): String = when (disposition) {
            SyncDisposition.DONE -> "done"
            SyncDisposition.RETRY_LATER -> "retryLater"
            SyncDisposition.NEEDS_USER -> "needsUser"
            SyncDisposition.GIVE_UP -> "giveUp"
        }

        fun problemName(problem: StoreProblem): String = when (problem) {
            StoreProblem.BUSY -> "busy"
            StoreProblem.DISK_FULL -> "diskFull"
            StoreProblem.IO_ERROR -> "ioError"
            StoreProblem.NEWER_VERSION -> "newerVersion"
            StoreProblem.FOREIGN_FILE -> "foreignFile"
            StoreProblem.DAMAGED_AGAIN -> "damagedAgain"
            StoreProblem.FILE_REPLACED -> "fileReplaced"
            StoreProblem.ENGINE_BUG -> "engineBug"
        }
    }
}

/** A fixture value as plain Kotlin values (maps, lists, strings, longs, booleans), for assertEquals. */
fun Json.plain(): Any? = when (this) {
    is Json.Obj -> fields.mapValues { it.value.plain() }
    is Json.Arr -> items.map { it.plain() }
    is Json.Str -> value
    is Json.Num -> text.toLongOrNull() ?: text.toDouble()
    is Json.Bool -> value
    Json.Null -> null
}

/** Thrown by a scripted read for `{"throw": "other"}`: the app's own exception type, not a `SourceException`. */
class ProviderCrashed : IllegalStateException("provider crashed while reading the title \"Dentist\"")

/** Answers `access()` and `read()` from a run's script, recording the ranges read. */
class ScriptedSource(run: Json) : CalendarSource {
    private val access = run["access"].list.map { SyncJobScenario.access(it.string) }
    private val reads = run["reads"].list
    private var accessCalls = 0
    val ranges: MutableList<TimeRange> = Collections.synchronizedList(mutableListOf())

    override fun access(): CalendarAccess = access[minOf(accessCalls++, access.size - 1)]

    override fun read(range: TimeRange): CalendarRead {
        val answer = reads.getOrNull(ranges.size) ?: error("the job read more often than scripted")
        ranges += range
        return when ((answer as Json.Obj).fields["throw"]?.string) {
            "unavailable" -> throw SourceException.Unavailable(answer["reason"].string)
            "other" -> throw ProviderCrashed()
            null -> CalendarRead(answer["calendarCount"].long.toUInt(), answer["events"].list.map(SyncJobScenario::event))
            else -> error("unknown throw")
        }
    }
}
