/// A neutral copy of an EventKit enum, built from the SDK value's raw value
/// without failing: a value added by a later iOS reads as `unknownValue`,
/// chosen per enum for what is safe (free, ordinary, not responded).
public protocol EventKitValue: RawRepresentable where RawValue == Int {
    static var unknownValue: Self { get }
}

extension EventKitValue {
    public init(eventKitRawValue rawValue: Int) {
        self = Self(rawValue: rawValue) ?? Self.unknownValue
    }
}
