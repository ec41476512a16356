// expect: main actor-isolated
// UIApplication is @MainActor: asking for background time from a
// nonisolated function (e.g. a sync queue) must not compile.
import UIKit

func askForTimeFromAnyThread() -> UIBackgroundTaskIdentifier {
    UIApplication.shared.beginBackgroundTask(withName: "sync")
}
