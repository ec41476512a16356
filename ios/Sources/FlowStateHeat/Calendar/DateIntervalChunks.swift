import Foundation

extension DateInterval {
    /// Consecutive pieces of at most `maxDuration` seconds covering the
    /// interval. EventKit's event predicates silently cut a range longer than
    /// four years to its first four years, so long reads go piece by piece.
    public func chunks(maxDuration: TimeInterval) -> [DateInterval] {
        precondition(maxDuration > 0, "maxDuration must be positive")
        var pieces: [DateInterval] = []
        var pieceStart = start
        repeat {
            let pieceEnd = min(end, pieceStart.addingTimeInterval(maxDuration))
            pieces.append(DateInterval(start: pieceStart, end: pieceEnd))
            pieceStart = pieceEnd
        } while pieceStart < end
        return pieces
    }
}
