import Fluent
import FluentSQL
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Sign-in, sessions, CSRF, headers, audit")
struct SecurityTests {
    @Test("A form POST without the CSRF token is refused and changes nothing")
    func csrfRejected() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.admin")
            try await browser.get("/units/\(Fixture.communeA)")
            let before = try await AgencyModel.query(on: f.app.db).count()
            let forged = try await browser.post(
                "/units/\(Fixture.communeA)/agencies", form: ["name": "Trường Tiểu học Kim Thành 2", "kind": "school"],
                includeCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("Biểu mẫu đã hết hạn"))
            #expect(try await AgencyModel.query(on: f.app.db).count() == before)
            let real = try await browser.post(
                "/units/\(Fixture.communeA)/agencies", form: ["name": "Trường Tiểu học Kim Thành 2", "kind": "school"])
            #expect(real.status == .seeOther)
            #expect(try await AgencyModel.query(on: f.app.db).count() == before + 1)
            // The login form is protected too.
            let anonymous = Browser(app: f.app)
            let login = try await anonymous.post(
                "/login", form: ["username": "admin", "password": Fixture.password], includeCSRF: false)
            #expect(login.status == .forbidden)
        }
    }

    @Test("After 5 failed sign-ins the next waits, even with the right password, until 15 minutes pass")
    func throttle() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            for attempt in 1...5 {
                let response = try await browser.signIn("a.officer", password: "sai-mat-khau-\(attempt)")
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            }
            let blocked = try await browser.signIn("a.officer")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("Hãy chờ"))
            let api = APIClient(app: f.app, token: nil)
            #expect(
                try await api.send(
                    .POST, "/api/v1/auth/token", json: ["username": "a.officer", "password": Fixture.password]
                ).status == .tooManyRequests)
            f.clock.advance(by: 15 * 60 + 1)
            let allowed = try await browser.signIn("a.officer")
            #expect(allowed.status == .seeOther)
            let entries = try await AuditEntryModel.query(on: f.app.db).filter(\.$actorUsername == "a.officer").all()
                .map(\.action)
            #expect(entries.filter { $0 == "auth.sign_in_failed" }.count == 5)
            #expect(entries.contains("auth.sign_in_throttled"))
            #expect(entries.contains("auth.sign_in"))
        }
    }

    @Test("A session ends after an hour without activity")
    func idleTimeout() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            f.clock.advance(by: 50 * 60)
            #expect(try await api.get("/api/v1/me").status == .ok)
            f.clock.advance(by: 50 * 60)
            #expect(try await api.get("/api/v1/me").status == .ok, "activity keeps the session alive")
            f.clock.advance(by: 61 * 60)
            #expect(try await api.get("/api/v1/me").status == .unauthorized)

            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            #expect(try await browser.get("/units").status == .ok)
            f.clock.advance(by: 61 * 60)
            let expired = try await browser.get("/units")
            #expect(expired.status == .seeOther)
            #expect(expired.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("Session cookies are HttpOnly and SameSite; pages carry a CSP without inline script")
    func headers() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            let login = try await browser.signIn("a.officer")
            let cookie = try #require(login.headers[.setCookie].first { $0.hasPrefix("treem_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let page = try await browser.get("/")
            let csp = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(!page.body.string.contains("<script>"))
            #expect(page.body.string.contains("Xã Kim Thành"))
        }
    }

    @Test("Names are escaped in pages: an agency called <script> stays text")
    func escaping() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.admin")
            let created = try await api.send(
                .POST, "/api/v1/units/\(Fixture.communeA)/agencies",
                json: ["name": "<script>alert(1)</script> Hội", "kind": "otherMassOrganisation"])
            #expect(created.status == .created)
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get("/units/\(Fixture.communeA)")
            #expect(!page.body.string.contains("<script>alert(1)</script>"))
            #expect(page.body.string.contains("&lt;script&gt;"))
        }
    }

    @Test("Sign-ins, failures and changes are in the audit log, which cannot be edited")
    func auditLog() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            _ = try await browser.signIn("a.admin", password: "sai")
            try await browser.signIn("a.admin")
            try await browser.get("/units/\(Fixture.communeA)")
            try await browser.post(
                "/units/\(Fixture.communeA)/agencies",
                form: ["name": "Chi hội Khuyến học thôn Cẩm La", "kind": "otherMassOrganisation"])
            let page = try await browser.get("/audit")
            #expect(page.status == .ok)
            // Actions read in words; the code stays only as the filter's value and a tooltip.
            #expect(
                page.body.string.contains(
                    "<td title=\"auth.sign_in_failed\" data-label=\"Hành động\">Đăng nhập sai mật khẩu</td>"))
            #expect(
                page.body.string.contains("<td title=\"agency.created\" data-label=\"Hành động\">Thêm cơ quan</td>"))
            #expect(page.body.string.contains("<option value=\"report.approved\">Duyệt báo cáo</option>"))
            #expect(page.body.string.contains("Chi hội Khuyến học thôn Cẩm La"))
            // Commune B's administrator does not see A's entries.
            let other = Browser(app: f.app)
            try await other.signIn("b.admin")
            #expect(!(try await other.get("/audit")).body.string.contains("Chi hội Khuyến học"))
            // An officer has no audit page.
            let officer = Browser(app: f.app)
            try await officer.signIn("a.officer")
            #expect(try await officer.get("/audit").status == .notFound)

            let sql = f.app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_entries SET summary = 'sửa lén'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_entries").run()
            }
            #expect(try await AuditEntryModel.query(on: f.app.db).filter(\.$summary == "sửa lén").count() == 0)
        }
    }

    @Test("Errors are Vietnamese pages without stack traces, JSON under /api")
    func errorPages() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get("/khong-co-trang-nay")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("Không tìm thấy trang hoặc bản ghi này."))
            let api = APIClient(app: f.app, token: "sai")
            let response = try await api.get("/api/v1/me")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("\"message\""))
        }
    }
}
