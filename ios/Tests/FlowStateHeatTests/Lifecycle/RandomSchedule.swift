import Foundation

/// Seeded random schedules of lifecycle commands: launches, refreshes with
/// early or late expiry, calendar changes and bursts, pushes, permission
/// changes, foreground and background, terminations, and runs from a tenth
/// of a second to longer than any background time.
struct RandomSchedule {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func runDuration() -> TimeInterval {
        random.next(in: [0.1, 0.5, 2, 8, 20, 45])
    }

    mutating func nextCommand() -> LifecycleCommand {
        switch random.next(upTo: 100) {
        case 0..<30: return .advance(random.next(in: [0.1, 0.5, 1, 2, 5, 15, 31, 60, 600]))
        case 30..<40: return .open
        case 40..<50: return .leave
        case 50..<60: return .refresh(expiresAfter: random.next(in: [0.5, 2, 10, 30]))
        case 60..<68: return .push
        case 68..<80: return .change
        case 80..<85: return .burst(count: Int(random.next(upTo: 8)) + 2, every: random.next(in: [0.1, 0.5, 3]))
        case 85..<88: return .revoke
        case 88..<93: return .grant
        default: return .terminate
        }
    }
}

/// SplitMix64: small, seedable, the same sequence on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: UInt64) -> UInt64 {
        next() % bound
    }

    mutating func next<T>(in choices: [T]) -> T {
        choices[Int(next(upTo: UInt64(choices.count)))]
    }
}
