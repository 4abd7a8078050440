import Foundation
import Testing
@testable import TreEmCore

/// The seed documents under ../shared/seeds, and their expected canonical form (written by
/// reading them) under Tests/Fixtures/import.
enum ImportFixtures {
    static let seeds = ["000_8a2ec5e1df028a95", "001_a5beb986ee9a6d7e", "002_70fa31cfd4f9f8fe",
                        "003_a85a19afab6becd2", "004_f9aac6e786401dd7"]

    static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        return url
    }

    /// The seed text, copied unchanged from ../shared/seeds so the tests stand on their own.
    static func source(_ seed: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/import/\(seed).txt"), encoding: .utf8)
    }

    static func expected(_ seed: String) throws -> ImportedPlan {
        try JSONDecoder().decode(ImportedPlan.self, from: Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/import/\(seed).json")))
    }
}

@Suite("Reading plan documents")
struct PlanReaderTests {
    @Test("Each seed reads to its fixture, field by field", arguments: ImportFixtures.seeds)
    func seed(_ seed: String) throws {
        let actual = PlanReader.read(try ImportFixtures.source(seed))
        let expected = try ImportFixtures.expected(seed)
        #expect(actual.kind == expected.kind)
        #expect(actual.issuer == expected.issuer)
        #expect(actual.number == expected.number)
        #expect(actual.place == expected.place)
        #expect(actual.issuedOn == expected.issuedOn)
        #expect(actual.title == expected.title)
        #expect(actual.bases == expected.bases)
        #expect(actual.theme == expected.theme)
        #expect(actual.period == expected.period)
        #expect(actual.targets == expected.targets)
        #expect(actual.assignments.map(\.agency) == expected.assignments.map(\.agency))
        for (a, e) in zip(actual.assignments, expected.assignments) {
            #expect(a.agencies == e.agencies, "agencies of \(e.agency)")
            #expect(a.mode == e.mode, "mode of \(e.agency)")
            #expect(a.tasks == e.tasks, "tasks of \(e.agency)")
        }
        #expect(actual.reporting == expected.reporting)
        #expect(actual.recipients == expected.recipients)
        #expect(actual.signature == expected.signature)
        #expect(actual.slogans == expected.slogans)
    }
}
