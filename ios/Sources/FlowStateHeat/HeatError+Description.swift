// UniFFI 0.32 gives `HeatError` the engine's one-line sentence as
// `description` (it names the field and event id, never a title), but its
// generated `LocalizedError.errorDescription` is `String(reflecting: self)`,
// the raw enum dump. `String(reflecting:)` uses `debugDescription` when there
// is one: make it the sentence, so `localizedDescription` (what apps show and
// log) reads well too.

extension HeatError: CustomDebugStringConvertible {
    public var debugDescription: String { description }
}
