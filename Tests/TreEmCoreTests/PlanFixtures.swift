import Foundation

@testable import TreEmCore

/// The structured seed plans under Tests/Fixtures/plans (made by scripts/dev/seed_fixtures.py).
enum PlanFixtures {
    static func url(_ name: String) -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("Tests/Fixtures/plans/\(name).json")
    }

    static func load(_ name: String) throws -> PlanDocument {
        try JSONDecoder().decode(PlanDocument.self, from: Data(contentsOf: url(name)))
    }

    static var kimThanh2026: PlanDocument { get throws { try load("seed-002-kim-thanh-2026") } }
    static var laiChau2024: PlanDocument { get throws { try load("seed-003-lai-chau-2024") } }
}
