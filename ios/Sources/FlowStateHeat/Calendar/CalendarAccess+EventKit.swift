extension CalendarAccess {
    /// From `EKAuthorizationStatus.rawValue` (iOS 17 renamed `authorized` (3)
    /// to `fullAccess` and added `writeOnly` (4)). A value unknown to this
    /// code reads as `denied`: never treat an unknown state as readable.
    public init(eventKitRawValue rawValue: Int) {
        switch rawValue {
        case 0: self = .notDetermined
        case 1: self = .restricted
        case 3: self = .fullAccess
        case 4: self = .writeOnly
        default: self = .denied
        }
    }
}
