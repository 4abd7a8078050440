import Foundation

@testable import TreEmCore

/// The seed documents under ../shared/seeds, and their expected canonical form (written by
/// reading them) under Tests/Fixtures/import.
enum ImportFixtures {
    static let seeds = [
        "000_8a2ec5e1df028a95", "001_a5beb986ee9a6d7e", "002_70fa31cfd4f9f8fe",
        "003_a85a19afab6becd2", "004_f9aac6e786401dd7",
    ]

    static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    /// The seed text, copied unchanged from ../shared/seeds so the tests stand on their own.
    static func source(_ seed: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/import/\(seed).txt"), encoding: .utf8)
    }

    /// Plans written for the tests in the shapes real copies reach TreEm (a web page's table
    /// rows, a scan's merged columns), under Tests/Fixtures/import-real; invented, not copied.
    static func copy(_ name: String) throws -> String {
        try String(
            contentsOf: root.appendingPathComponent("Tests/Fixtures/import-real/\(name).txt"), encoding: .utf8)
    }

    static func expected(_ seed: String) throws -> ImportedPlan {
        try JSONDecoder().decode(
            ImportedPlan.self, from: Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/import/\(seed).json"))
        )
    }
}
