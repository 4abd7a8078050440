import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Importing plan documents in the browser")
struct PlanImportWebTests {
    func upload(_ browser: Browser, fileName: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        try await browser.get("/plans/import")
        let boundary = "treem-import"
        var body = ByteBuffer(
            string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(browser.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        headers.replaceOrAdd(
            name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        var captured: TestingHTTPResponse?
        try await browser.app.testing().test(.POST, "/plans/import", headers: headers, body: body) { captured = $0 }
        return try #require(captured)
    }

    /// A fixture file's bytes, from the package's `Tests/Fixtures`.
    func fixture(_ path: String) throws -> [UInt8] {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return [UInt8](try Data(contentsOf: url.appendingPathComponent("Tests/Fixtures/\(path)")))
    }

    func seedBytes(_ seed: String) throws -> [UInt8] { try fixture("import/\(seed).txt") }

    func copyBytes(_ name: String) throws -> [UInt8] { try fixture("import-real/\(name).txt") }

    @Test("The same document imported again for the same unit is said to be there already, with a link")
    func sameDocumentTwice() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let first = try await upload(
                browser, fileName: "ke-hoach.txt", bytes: try seedBytes("002_70fa31cfd4f9f8fe"))
            #expect(!first.body.string.contains("Văn bản này đã có trong TreEm"))
            // Saved once (here straight into the database, as the review form's "save" does).
            let unit = try await unitID(Fixture.communeA, app: f.app)
            let plan = try await issuedActionMonthPlan(
                f, unit: unit, issuer: "ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH", year: 2026, deadline: "2026-06-30")
            let second = try await upload(
                browser, fileName: "ke-hoach.txt", bytes: try seedBytes("002_70fa31cfd4f9f8fe"))
            #expect(second.body.string.contains("Văn bản này đã có trong TreEm của đơn vị"))
            #expect(second.body.string.contains("href=\"/plans/\(plan.uuidString)\""))
            // Another commune importing the same file has no copy of its own yet.
            let other = Browser(app: f.app)
            try await other.signIn("b.officer")
            let theirs = try await upload(other, fileName: "ke-hoach.txt", bytes: try seedBytes("002_70fa31cfd4f9f8fe"))
            #expect(!theirs.body.string.contains("Văn bản này đã có trong TreEm"))
        }
    }

    @Test("A plan copied from a legal-document website and a scanned one: letterhead read, doubts named")
    func copiesAsTheyArrive() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let web = try await upload(browser, fileName: "van-ban.txt", bytes: try copyBytes("web-thanh-lam-2023"))
            let page = web.body.string
            #expect(web.status == .ok)
            #expect(page.contains("96/KH-UBND"))
            #expect(page.contains("Thanh Lâm, 8/5/2023"))
            #expect(page.contains("Ủy ban nhân dân huyện Thanh Lâm"))
            #expect(!page.contains("Một số phần đọc chưa chắc chắn"), "nothing in doubt in a clean copy")
            let scan = try await upload(browser, fileName: "ban-quet.txt", bytes: try copyBytes("scan-hoa-binh-2024"))
            let scanned = scan.body.string
            #expect(scanned.contains("15/KH-UBND"))
            #expect(scanned.contains("Hòa Bình, 30/4/2024"))
            #expect(scanned.contains("Một số phần đọc chưa chắc chắn"))
            #expect(scanned.contains("<span class=\"tag warn\">chưa chắc</span>"))
            #expect(scanned.contains("01/6/2024 → 30/6/2024"), "days as officers write them")
        }
    }

    @Test("The commune's own plan file is read into a draft form, each part beside its source lines")
    func ownPlan() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await upload(
                browser, fileName: "ke-hoach-kim-thanh.txt", bytes: try seedBytes("002_70fa31cfd4f9f8fe"))
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Kiểm tra những gì đọc được"))
            #expect(html.contains("dòng 7"), "the title's source line")
            #expect(html.contains("7 cơ quan, 29 nhiệm vụ"))
            #expect(html.contains("value=\"Triển khai Tháng hành động vì trẻ em năm 2026\""))
            #expect(html.contains("name=\"external\" value=\"\""), "Kim Thành's own plan becomes its draft")
            #expect(try await PlanModel.query(on: f.app.db).count() == 0, "nothing is saved before the officer saves")
        }
    }

    @Test("Another body's plan is offered as a plan from outside TreEm; bad files are refused with the reason")
    func externalAndBadFiles() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await upload(browser, fileName: "lai-chau.txt", bytes: try seedBytes("003_a85a19afab6becd2"))
            #expect(page.body.string.contains("name=\"external\" value=\"1\""))
            #expect(page.body.string.contains("Tổng Thanh Hải"))

            let empty = try await upload(browser, fileName: "trong.txt", bytes: [])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("trong.txt: Tệp trống."))
            let sheet = try await upload(
                browser, fileName: "bang.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40))
            #expect(sheet.body.string.contains("không phải văn bản kế hoạch"))
            #expect(try await PlanModel.query(on: f.app.db).count() == 0)

            let viewer = Browser(app: f.app)
            try await viewer.signIn("admin")
            // The system administrator has no unit to import for: the page says who imports plans,
            // and posting a file anyway is refused.
            #expect(try await viewer.get("/plans/import").body.string.contains("Kế hoạch do cán bộ của đơn vị soạn"))
            #expect(
                try await upload(viewer, fileName: "ke-hoach.txt", bytes: Array("KẾ HOẠCH\n".utf8)).status
                    == .notFound)
        }
    }
}

@Suite("Importing plan documents through the API")
struct PlanImportAPITests {
    @Test("POST /api/v1/plans/import reads a document; with save=true it is stored for the unit")
    func importThroughAPI() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            var url = URL(fileURLWithPath: #filePath)
            while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                url.deleteLastPathComponent()
            }
            let bytes = try Data(
                contentsOf: url.appendingPathComponent("Tests/Fixtures/import/003_a85a19afab6becd2.txt"))
            func post(_ path: String) async throws -> TestingHTTPResponse {
                let boundary = "treem-api"
                var body = ByteBuffer(
                    string:
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lai-chau.txt\"\r\n\r\n"
                )
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: api.token ?? "")
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                var captured: TestingHTTPResponse?
                try await f.app.testing().test(.POST, path, headers: headers, body: body) { captured = $0 }
                return try #require(captured)
            }
            let read = try await post("/api/v1/plans/import")
            #expect(read.status == .ok)
            let result = try read.decode(PlanAPIController.ImportResult.self)
            #expect(result.plan.issuer == "Ủy ban nhân dân tỉnh Lai Châu")
            #expect(result.plan.assignments.count == 13)
            #expect(result.saved == nil)
            #expect(try await PlanModel.query(on: f.app.db).count() == 0)

            let saved = try await post("/api/v1/plans/import?save=true")
            #expect(saved.status == .created)
            let plan = try #require(try saved.decode(PlanAPIController.ImportResult.self).saved)
            #expect(plan.isExternal, "the province's plan is kept by the commune as a plan from outside TreEm")
            #expect(plan.document.assignments.count == 13)
            // The commune derives its own plan from it.
            let derived = try await api.send(.POST, "/api/v1/plans/\(plan.id)/derive", json: [:])
            #expect(derived.status == .created)
            #expect(try planDTO(derived).document.assignments.contains { $0.agencyName == "Trạm Y tế xã Kim Thành" })
        }
    }
}
