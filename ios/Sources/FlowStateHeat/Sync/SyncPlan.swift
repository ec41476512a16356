/// Which windows one run syncs, in order: the `windowDays` days from today
/// first (what screens show now), then the following windows of the same
/// length, `windowCount` in all, while time remains.
public struct SyncPlan: Equatable, Sendable {
    public var windowDays: Int32
    public var windowCount: Int

    public init(windowDays: Int32 = 7, windowCount: Int = 6) {
        self.windowDays = windowDays
        self.windowCount = windowCount
    }
}
