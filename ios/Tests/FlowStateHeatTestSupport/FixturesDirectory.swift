import Foundation

/// `tests/fixtures` of the nearest ancestor holding one: the repository when
/// run from a checkout, the staged copy when run by scripts/test-swift.sh
/// (which keeps the same layout).
func fixturesDirectory() throws -> URL {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("tests/fixtures", isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return candidate
        }
        folder = folder.deletingLastPathComponent()
    }
    throw FixtureError.noFixturesDirectory(#filePath)
}
