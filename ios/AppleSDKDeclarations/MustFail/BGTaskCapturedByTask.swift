// expect: risks causing data races
// A BGTask is not Sendable: completing it from a `Task` the launch handler
// starts is a data race the compiler must refuse.
import BackgroundTasks

func completeLater(_ task: BGTask) {
    Task { task.setTaskCompleted(success: true) }
}
