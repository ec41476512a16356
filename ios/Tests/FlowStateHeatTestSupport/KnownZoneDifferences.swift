import Foundation

/// tests/fixtures/zone-rules/known-differences.txt: where a device's zone
/// rules and the bundled ones disagree, per pair of database versions, one
/// `host hostVersion bundledVersion zone dates` line each.
public enum KnownZoneDifferences {
    public static func listed(host: String, hostVersion: String, bundledVersion: String) throws -> [String] {
        let file = try fixturesDirectory().appendingPathComponent("zone-rules/known-differences.txt")
        return try String(contentsOf: file, encoding: .utf8)
            .split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .compactMap { line -> String? in
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
                guard parts.count == 4, parts[0] == host, parts[1] == hostVersion, parts[2] == bundledVersion else {
                    return nil
                }
                return parts[3]
            }
    }
}
