import Fluent
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("The unit tree across the 2025 reform")
struct UnitTreeTests {
    @Test("As of 2024-06-01 Kiến An is a district of Hải Phòng and Kim Thành a district of Hải Dương")
    func treeBeforeReform() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "admin")
            let units = try await api.get("/api/v1/units?asOf=2024-06-01").decode([APIController.UnitDTO].self)
            let kienAn = try #require(units.first { $0.name == "Quận Kiến An" })
            #expect(kienAn.level == "district")
            #expect(kienAn.parentCode == "31")
            let kimThanh = try #require(units.first { $0.name == "Huyện Kim Thành" })
            #expect(kimThanh.level == "district")
            #expect(kimThanh.parentCode == "30")
            #expect(units.contains { $0.name == "Tỉnh Hải Dương" })
            #expect(!units.contains { $0.name == "Xã Kim Thành" })
        }
    }

    @Test("As of 2026-06-01 there is no district and Xã Kim Thành belongs to Hải Phòng")
    func treeAfterReform() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "admin")
            let units = try await api.get("/api/v1/units?asOf=2026-06-01").decode([APIController.UnitDTO].self)
            #expect(!units.contains { $0.level == "district" })
            #expect(!units.contains { $0.name == "Tỉnh Hải Dương" })
            let commune = try #require(units.first { $0.name == "Xã Kim Thành" })
            #expect(commune.parentCode == "31")
            #expect(commune.level == "commune")
        }
    }

    @Test("The tree page shows the hierarchy of the chosen day")
    func treePage() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("city.officer")
            let before = try await browser.get("/units?asOf=2024-06-01")
            #expect(before.status == .ok)
            #expect(before.body.string.contains("Quận Kiến An"))
            // Hải Dương merged into the city: its old districts are part of the city's history.
            #expect(before.body.string.contains("Huyện Kim Thành"))
            let after = try await browser.get("/units?asOf=2026-06-01")
            #expect(after.body.string.contains("Xã Kim Thành"))
            #expect(!after.body.string.contains("Huyện Kim Thành"))
            let bad = try await browser.get("/units?asOf=2026-13-01")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("không hợp lệ"))
        }
    }

    @Test("A merged commune shows the communes it was formed from")
    func predecessors() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get("/units/\(Fixture.communeA)?asOf=2026-06-01")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Xã Đồng Cẩm"))
            // The commune's own agencies are listed, mass organisations marked.
            #expect(page.body.string.contains("Trạm Y tế xã Kim Thành"))
            #expect(page.body.string.contains("đoàn thể"))
        }
    }

    @Test("A commune officer sees their commune and its villages, not the city above")
    func scopeOfCommune() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            let units = try await api.get("/api/v1/units?asOf=2026-06-01").decode([APIController.UnitDTO].self)
            #expect(units.first?.code == Fixture.communeA)
            #expect(units.allSatisfy { $0.code == Fixture.communeA || $0.parentCode == Fixture.communeA })
            #expect(units.contains { $0.level == "village" })
        }
    }
}

@Suite("Languages")
struct LanguageTests {
    @Test("Pages are Vietnamese by default and English after the switch")
    func englishSwitch() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            #expect(try await browser.get("/units").body.string.contains("Đơn vị hành chính"))
            let switched = try await browser.get("/language/en?next=/units")
            #expect(switched.headers.first(name: .location) == "/units")
            let english = try await browser.get("/units")
            #expect(english.body.string.contains("Administrative units"))
            #expect(english.body.string.contains("Commune"))
            // An attempt to bounce elsewhere stays on the site.
            #expect(try await browser.get("/language/vi?next=//evil.example").headers.first(name: .location) == "/")
        }
    }
}
