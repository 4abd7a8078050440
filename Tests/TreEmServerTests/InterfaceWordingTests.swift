import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// The Vietnamese interface speaks Vietnamese: words, not codes; days as officers write them.
@Suite("Wording of the Vietnamese interface")
struct InterfaceWordingTests {
    @Test("Error pages are titled in words, not by status code")
    func errorHeadings() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let missing = try await browser.get("/khong-co-trang-nay")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("<h1>Không tìm thấy</h1>"))
            #expect(!missing.body.string.contains("(404)"))
            let other = try await browser.get("/units/10750")
            #expect(other.status == .notFound, "another commune's unit page")
            #expect(other.body.string.contains("<h1>Không tìm thấy</h1>"))
        }
    }

    @Test("A unit's page gives its days as dd/mm/yyyy, not ISO")
    func unitDays() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            let page = try await browser.get("/units/10804?asOf=2026-07-01").body.string
            #expect(page.contains("01/7/2025"), "the commune's first day, as documents write it")
            #expect(page.contains("(Tại ngày 01/7/2026)"))
            #expect(!page.contains(">2025-07-01<") && !page.contains(" 2025-07-01 "))
        }
    }

    @Test(
        "The user form fetches a chosen unit's agencies (administrators in scope only); the password form states its rules"
    )
    func formsExplainThemselves() async throws {
        try await withTreEm { f in
            let admin = Browser(app: f.app)
            try await admin.signIn("a.admin")
            let form = try await admin.get("/users/new").body.string
            #expect(form.contains("data-agency-list=\"agency\""))
            #expect(form.contains("data-code=\"10804\""))
            // The unit the browser shows chosen is the one whose agencies are listed.
            let admin2 = Browser(app: f.app)
            try await admin2.signIn("admin")
            let national = try await admin2.get("/users/new").body.string
            #expect(
                national.contains(
                    "<option value=\"\" data-code=\"\">Toàn quốc (cán bộ, người xem của Bộ Y tế)</option>"))
            let firstUnit = try #require(
                national.firstMatch(of: /<option value="[0-9A-F-]{36}" data-code="(\d+)" selected>/))
            #expect(!firstUnit.1.isEmpty, "a new user's form has a unit chosen")
            let options = try await admin.get("/units/10804/agency-options")
            #expect(options.status == .ok)
            let names = try JSONDecoder().decode([SelectOption].self, from: Data(options.body.readableBytesView))
                .map(\.label)
            #expect(names.contains("Trạm Y tế xã Kim Thành"))
            let outsider = Browser(app: f.app)
            try await outsider.signIn("b.admin")
            #expect(try await outsider.get("/units/10804/agency-options").status == .notFound)
            let officer = Browser(app: f.app)
            try await officer.signIn("a.officer")
            #expect(try await officer.get("/units/10804/agency-options").status == .notFound)
            let password = try await officer.get("/account/password").body.string
            #expect(password.contains("Mật khẩu mới cần:"))
            #expect(password.contains("<li>ít nhất 10 ký tự</li>"))
            #expect(password.contains("<li>không chứa tên đăng nhập</li>"))
        }
    }

    @Test("A system administrator on the plan-writing pages is told who writes plans, with a link to add one")
    func planWritersExplained() async throws {
        try await withTreEm { f in
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            for path in ["/plans/new", "/plans/new?kind=annualChildWork", "/plans/import"] {
                let page = try await admin.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.string.contains("Kế hoạch do cán bộ của đơn vị soạn"), "\(path)")
                #expect(page.body.string.contains("href=\"/users/new\""), "\(path)")
            }
            #expect(try await admin.get("/plans").body.string.contains("Thêm tài khoản cán bộ cho một đơn vị"))
            let officer = Browser(app: f.app)
            try await officer.signIn("a.officer")
            #expect(!(try await officer.get("/plans/new").body.string.contains("Kế hoạch do cán bộ của đơn vị soạn")))
        }
    }

    @Test("A round's counts are grouped as Vietnamese write them: 3.321 reports, not 3321")
    func groupedCounts() {
        var counts = Completeness()
        counts.expected = 3_321
        counts.submitted = 1_250
        counts.overdue = 12
        let shown = CompletenessView(counts)
        #expect(shown.expected == "3.321")
        #expect(shown.submitted == "1.250")
        #expect(shown.overdue == "12" && shown.overdueCount == 12)
    }
}
