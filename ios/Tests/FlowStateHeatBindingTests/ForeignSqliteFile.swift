import FlowStateHeat
import FlowStateHeatTestSupport
import Foundation

/// A SQLite file of another application at `path`: a real database file (a
/// store the engine wrote and closed, its WAL folded back into it) whose
/// header then says it belongs to `applicationId` at schema version
/// `userVersion`, the two big-endian header fields `PRAGMA application_id`
/// (offset 68) and `PRAGMA user_version` (offset 60) write. An application
/// that never sets them leaves both 0 over tables of its own.
func writeForeignSqliteFile(at path: String, applicationId: UInt32, userVersion: UInt32) throws {
    _ = try HeatStore.open(path: path, zones: bundledZones)  // released at once: closed
    guard !FileManager.default.fileExists(atPath: path + "-wal") else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path + "-wal (closing did not fold the WAL)"])
    }
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? file.close() }
    for (offset, value) in [(UInt64(60), userVersion), (68, applicationId)] {
        try file.seek(toOffset: offset)
        try file.write(contentsOf: withUnsafeBytes(of: value.bigEndian) { Data($0) })
    }
}
