import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// A commune's plan derived from the city's reads as the commune's own, on the page as in print.
@Suite("Derived plans on the page")
struct DerivedPlanPageTests {
    @Test("Copied tasks with the city's dates are marked until checked; the preview has the two-column letterhead")
    func derivedPlanReadsRight() async throws {
        try await withTreEm { f in
            var document = cityPlan()
            var assignments = try #require(document["assignments"] as? [[String: Any]])
            assignments[0]["tasks"] = [
                ["id": "T-YTE-1", "text": "Khám sức khỏe cho trẻ em cấp thành phố, báo cáo trước ngày 20/7/2026."],
                ["id": "T-YTE-2", "text": "Tổ chức ngày hội vào ngày 15/6/2026 tại Nhà văn hóa thành phố."],
            ]
            document["assignments"] = assignments
            let city = try await APIClient.signIn(f.app, "city.officer")
            let cityID = try planDTO(try await city.send(.POST, "/api/v1/plans", json: ["document": document])).id
            #expect(
                try await city.send(
                    .POST, "/api/v1/plans/\(cityID)/issue", json: ["number": "157/KH-UBND", "issueDate": "2026-04-30"]
                ).status == .ok)
            let commune = try await APIClient.signIn(f.app, "a.officer")
            let derived = try planDTO(try await commune.send(.POST, "/api/v1/plans/\(cityID)/derive", json: [:]))

            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get("/plans/\(derived.id)").body.string
            // The reporting sentence names the commune's own committee and office.
            #expect(page.contains("về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội)"))
            #expect(!page.contains("về UBND thành phố Hải Phòng (qua"))
            // The deadline in the copied task became the commune's; the other date is marked.
            // (The city's own reports are due 20/7; the commune's ten days earlier.)
            #expect(page.contains("cấp xã, báo cáo trước ngày 10/7/2026"))
            #expect(page.contains("Nhiệm vụ sao chép từ kế hoạch cấp trên cần kiểm tra trước khi ban hành"))
            #expect(page.contains("15/6/2026"))
            // The letterhead is two columns with the national name and motto; "Nơi nhận:" is there.
            #expect(page.contains("<p class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"))
            #expect(page.contains("<p class=\"motto\">Độc lập - Tự do - Hạnh phúc</p>"))
            #expect(page.contains("<p class=\"label\">Nơi nhận:</p>"))
            // The date line is left for the officer.
            let dateLine = try #require(page.firstMatch(of: /<p class="place-date">([^<]*)<\/p>/)).1
            #expect(dateLine.hasPrefix("Kim Thành, ngày "))
            #expect(dateLine.hasSuffix("năm 2026"))
            #expect(dateLine.filter(\.isNumber) == "2026", "no day or month filled in: \(dateLine)")

            // The officer checks the tasks in the form: the marks go.
            let form = try await browser.get("/plans/\(derived.id)/edit").body.string
            #expect(form.contains("name=\"tasks_checked\""))
            var fields: [String: String] = [:]
            for match in form.matches(of: /<input id="([a-z_]+)" name="([a-z_]+)" value="([^"]*)"/) {
                fields[String(match.2)] = String(match.3)
            }
            for match in form.matches(of: /<textarea id="([a-z_]+)" name="([a-z_]+)"[^>]*>([^<]*)<\/textarea>/) {
                fields[String(match.2)] = String(match.3).replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            }
            fields["kind"] = "actionMonth"
            fields["issue_year"] = "2026"
            fields["tasks_checked"] = "on"
            let saved = try await browser.post("/plans/\(derived.id)/edit", form: fields)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(400))")
            let after = try await browser.get("/plans/\(derived.id)").body.string
            #expect(!after.contains("Nhiệm vụ sao chép từ kế hoạch cấp trên cần kiểm tra trước khi ban hành"))
        }
    }
}
