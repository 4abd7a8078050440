import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

func seedPlan(_ name: String) throws -> [String: Any] {
    var url = URL(fileURLWithPath: #filePath)
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    let data = try Data(contentsOf: url.appendingPathComponent("Tests/Fixtures/plans/\(name).json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A city plan for 2026 with tasks for its health department, police and education department.
func cityPlan() -> [String: Any] {
    [
        "kind": "actionMonth", "issuerName": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "place": "Hải Phòng",
        "issueDate": ["year": 2026, "month": 4],
        "title": "Triển khai Tháng hành động vì trẻ em thành phố Hải Phòng năm 2026",
        "bases": [["text": "Luật Trẻ em năm 2016"]], "purposes": ["Bảo đảm quyền trẻ em."], "requirements": [],
        "targets": [],
        "theme": "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số",
        "period": ["start": "2026-06-01", "end": "2026-06-30"], "sections": [], "funding": [],
        "assignments": [
            [
                "agencyName": "Sở Y tế", "agencyKind": "healthOffice", "role": "lead", "mode": "assign",
                "tasks": [["id": "T-YTE-1", "text": "Khám sức khỏe cho trẻ em."]],
            ],
            [
                "agencyName": "Công an thành phố", "agencyKind": "police", "role": "lead", "mode": "assign",
                "tasks": [["id": "T-CA-1", "text": "Phòng, chống xâm hại trẻ em."]],
            ],
            [
                "agencyName": "Sở Giáo dục và Đào tạo", "agencyKind": "educationOffice", "role": "lead",
                "mode": "assign",
                "tasks": [["id": "T-GD-1", "text": "Dạy bơi an toàn."]],
            ],
        ],
        "reporting": ["deadline": "2026-07-20", "reportTo": "Bộ Y tế"],
        "recipients": ["UBND các xã, phường"], "appendices": [["title": "Khẩu hiệu", "items": ["Tổng đài 111."]]],
        "signature": [
            "onBehalfOf": "ỦY BAN NHÂN DÂN", "authority": "deputy", "headTitle": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
            "name": "Lê Anh Quân",
        ],
    ]
}

func planDTO(_ response: TestingHTTPResponse) throws -> PlanAPIController.PlanDTO {
    try JSONDecoder().decode(PlanAPIController.PlanDTO.self, from: response.body)
}

@Suite("Plans through the API")
struct PlanAPITests {
    @Test("A seed plan entered through the API renders to DOCX, HTML and Markdown with every part")
    func seedPlanDocuments() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            var document = try seedPlan("seed-002-kim-thanh-2026")
            let created = try await api.send(.POST, "/api/v1/plans", json: ["document": document])
            #expect(created.status == .created, "\(created.body.string)")
            let plan = try planDTO(created)
            #expect(plan.status == "draft")
            #expect(plan.issuerUnitCode == Fixture.communeA)

            let docx = try await api.get("/api/v1/plans/\(plan.id)/document?format=docx")
            #expect(docx.status == .ok)
            #expect(docx.headers.contentType?.description.contains("wordprocessingml") == true)
            #expect(docx.headers.first(name: .contentDisposition)?.contains(".docx") == true)
            // Entries are stored uncompressed: the document's text is in the bytes as UTF-8.
            let bytes = String(decoding: docx.body.readableBytesView, as: UTF8.self)
            for part in [
                "KẾ HOẠCH", "Triển khai Tháng hành động vì trẻ em năm 2026", "XÃ KIM THÀNH", "TỔ CHỨC THỰC HIỆN",
                "Trạm Y tế xã", "Đề nghị UBMTTQ Việt Nam xã", "Nơi nhận:", "KT. CHỦ TỊCH", "Nguyễn Văn Tình",
                "KHẨU HIỆU TUYÊN TRUYỀN",
            ] {
                #expect(bytes.contains(part), "DOCX lacks \(part)")
            }
            let html = try await api.get("/api/v1/plans/\(plan.id)/document?format=html")
            #expect(html.body.string.contains("<p class=\"title\">Triển khai Tháng hành động vì trẻ em năm 2026</p>"))
            let md = try await api.get("/api/v1/plans/\(plan.id)/document?format=md")
            #expect(md.body.string.contains("## IV. TỔ CHỨC THỰC HIỆN"))
            #expect(try await api.get("/api/v1/plans/\(plan.id)/document?format=pdf").status == .badRequest)

            // The document round-trips: what was sent is what is stored.
            document["number"] = nil
            let stored = try await api.get("/api/v1/plans/\(plan.id)").decode(PlanAPIController.PlanDTO.self).document
            #expect(stored.assignments.count == 7)
            #expect(stored.funding.first?.amount == 31_500_000)
        }
    }

    @Test("The commune derives its plan from the city's: basis, deadline, agencies by kind")
    func derive() async throws {
        try await withTreEm { f in
            let city = try await APIClient.signIn(f.app, "city.officer")
            let draft = try planDTO(try await city.send(.POST, "/api/v1/plans", json: ["document": cityPlan()]))
            // A commune does not see the city's draft.
            let commune = try await APIClient.signIn(f.app, "a.officer")
            #expect(try await commune.get("/api/v1/plans/\(draft.id)").status == .notFound)
            let issued = try await city.send(
                .POST, "/api/v1/plans/\(draft.id)/issue",
                json: ["number": "157/KH-UBND", "issueDate": "2026-04-30"])
            #expect(issued.status == .ok, "\(issued.body.string)")

            let response = try await commune.send(.POST, "/api/v1/plans/\(draft.id)/derive", json: [:])
            #expect(response.status == .created, "\(response.body.string)")
            let derived = try planDTO(response)
            #expect(derived.parentPlanID == draft.id)
            #expect(derived.issuerUnitCode == Fixture.communeA)
            let doc = derived.document
            #expect(doc.bases.first?.planID == draft.id)
            #expect(
                doc.bases.first?.text.hasPrefix("Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng")
                    == true)
            #expect(doc.reporting?.deadline.iso == "2026-07-10")
            // The commune's agencies report to its own committee, which reports on to the city.
            #expect(doc.reporting?.reportTo == "Ủy ban nhân dân xã")
            #expect(doc.reporting?.forwardTo == "UBND thành phố Hải Phòng")
            #expect(doc.issueDate.month == nil, "the date line is left for the officer")
            #expect(doc.theme == "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số")
            #expect(doc.appendices.first?.items == ["Tổng đài 111."])
            #expect(doc.issuerName == "ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH")
            #expect(doc.scope == "Trên địa bàn xã Kim Thành.")
            let health = try #require(doc.assignments.first { $0.agencyKind == .healthStation })
            #expect(health.agencyName == "Trạm Y tế xã Kim Thành")
            #expect(health.tasks.first?.derivedFromTaskID == "T-YTE-1")
            #expect(
                doc.assignments.contains { $0.agencyKind == .police && $0.tasks.first?.derivedFromTaskID == "T-CA-1" })
            #expect(
                doc.assignments.filter { $0.agencyKind == .school }.count >= 2, "every school gets the education task")

            // The city's plan now lists the commune's plan and which communes have none yet.
            let parent = try await city.get("/api/v1/plans/\(draft.id)").decode(PlanAPIController.PlanDTO.self)
            #expect(parent.derivedPlans.map(\.id) == [derived.id])
            #expect(parent.unitsWithoutDerivedPlan.contains(Fixture.communeB))
            #expect(!parent.unitsWithoutDerivedPlan.contains(Fixture.communeA))
        }
    }

    @Test("A plan from outside TreEm is kept by the commune that received it and derived for that commune")
    func externalPlan() async throws {
        try await withTreEm { f in
            let commune = try await APIClient.signIn(f.app, "a.officer")
            var received = cityPlan()
            received["number"] = "157/KH-UBND"
            received["issueDate"] = ["year": 2026, "month": 4, "day": 30]
            let saved = try await commune.send(.POST, "/api/v1/plans", json: ["document": received, "external": true])
            #expect(saved.status == .created, "\(saved.body.string)")
            let external = try planDTO(saved)
            #expect(external.isExternal && external.status == "issued" && external.document.number == "157/KH-UBND")
            #expect(external.canEdit == false)
            #expect(
                try await commune.send(.POST, "/api/v1/plans/\(external.id)/supersede", json: [:]).status == .conflict)

            let derived = try planDTO(try await commune.send(.POST, "/api/v1/plans/\(external.id)/derive", json: [:]))
            #expect(
                derived.document.bases.first?.text.hasPrefix(
                    "Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng") == true)
            #expect(derived.document.reporting?.deadline.iso == "2026-07-10")
            #expect(derived.parentPlanID == external.id)
            // Only the commune that keeps it derives from it; a sibling never sees it.
            let admin = try await APIClient.signIn(f.app, "admin")
            #expect(
                try await admin.send(.POST, "/api/v1/plans/\(external.id)/derive", json: ["unitCode": Fixture.communeB])
                    .status == .badRequest)
            let other = try await APIClient.signIn(f.app, "b.officer")
            #expect(try await other.get("/api/v1/plans/\(external.id)").status == .notFound)

            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let form = try await browser.get("/plans/new?external=1")
            #expect(form.body.string.contains("Số và ký hiệu của văn bản"))
            let page = try await browser.get("/plans/\(external.id)")
            #expect(page.body.string.contains("nhận được ngoài TreEm"))
            #expect(page.body.string.contains("Xây dựng kế hoạch cho đơn vị cấp dưới"))
        }
    }

    @Test("Deriving for a unit that is not below the issuer is refused, naming the field")
    func deriveRefused() async throws {
        try await withTreEm { f in
            let a = try await APIClient.signIn(f.app, "a.officer")
            let plan = try planDTO(
                try await a.send(.POST, "/api/v1/plans", json: ["document": try seedPlan("seed-002-kim-thanh-2026")]))
            let admin = try await APIClient.signIn(f.app, "admin")
            let response = try await admin.send(
                .POST, "/api/v1/plans/\(plan.id)/derive", json: ["unitCode": Fixture.communeB])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("không trực thuộc"))
            #expect(response.body.string.contains("\"field\":\"unitCode\""))
            #expect(try await PlanModel.query(on: f.app.db).count() == 1)
        }
    }

    @Test("Life cycle: issue needs number, date, signer; an issued plan is immutable; a correction supersedes it")
    func lifeCycle() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            var document = try seedPlan("seed-002-kim-thanh-2026")
            document["signature"] = [
                "authority": "deputy", "headTitle": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "",
            ]
            let plan = try planDTO(try await api.send(.POST, "/api/v1/plans", json: ["document": document]))
            let refused = try await api.send(.POST, "/api/v1/plans/\(plan.id)/issue", json: [:])
            #expect(refused.status == .unprocessableEntity)
            let error = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: refused.body)) as? [String: [String: Any]])
            #expect(Set(error["error"]?["fields"] as? [String] ?? []) == ["number", "issueDate", "signature.name"])
            #expect(refused.body.string.contains("Cần người ký để ban hành."))

            let issued = try await api.send(
                .POST, "/api/v1/plans/\(plan.id)/issue",
                json: ["number": "45/KH-UBND", "issueDate": "2026-05-08", "signerName": "Nguyễn Văn Tình"])
            #expect(issued.status == .ok)
            #expect(try planDTO(issued).status == "issued")
            let edit = try await api.send(.PUT, "/api/v1/plans/\(plan.id)", json: ["document": document])
            #expect(edit.status == .conflict)
            #expect(edit.body.string.contains("Kế hoạch đã ban hành không được sửa"))

            let correction = try planDTO(try await api.send(.POST, "/api/v1/plans/\(plan.id)/supersede", json: [:]))
            #expect(correction.status == "draft")
            #expect(correction.version == 2)
            #expect(correction.supersedesID == plan.id)
            #expect(
                try await api.send(
                    .POST, "/api/v1/plans/\(correction.id)/issue",
                    json: ["number": "46/KH-UBND", "issueDate": "2026-05-12"]
                ).status == .ok)
            let old = try await api.get("/api/v1/plans/\(plan.id)").decode(PlanAPIController.PlanDTO.self)
            #expect(old.status == "superseded")
            #expect(old.document.number == "45/KH-UBND", "the superseded plan stays readable as it was")
            let list = try await api.get("/api/v1/plans").decode([PlanAPIController.PlanSummary].self)
            #expect(Set(list.map(\.number)) == ["45/KH-UBND", "46/KH-UBND"])
        }
    }

    @Test("Bad plans are refused with the field named and nothing half-saved")
    func badInput() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            let good = try seedPlan("seed-002-kim-thanh-2026")
            let plan = try planDTO(try await api.send(.POST, "/api/v1/plans", json: ["document": good]))

            var reversed = good
            reversed["period"] = ["start": "2026-06-30", "end": "2026-06-01"]
            let period = try await api.send(.PUT, "/api/v1/plans/\(plan.id)", json: ["document": reversed])
            #expect(period.status == .unprocessableEntity)
            #expect(period.body.string.contains("\"field\":\"period\""))
            #expect(period.body.string.contains("kết thúc (01/6/2026) trước khi bắt đầu (30/6/2026)"))

            var early = good
            early["reporting"] = ["deadline": "2026-05-15", "reportTo": "UBND thành phố Hải Phòng"]
            #expect(
                try await api.send(.PUT, "/api/v1/plans/\(plan.id)", json: ["document": early]).body.string.contains(
                    "reporting.deadline"))

            var assigned = good
            var assignments = try #require(good["assignments"] as? [[String: Any]])
            assignments[6]["mode"] = "assign"
            assigned["assignments"] = assignments
            let mass = try await api.send(.PUT, "/api/v1/plans/\(plan.id)", json: ["document": assigned])
            #expect(mass.status == .unprocessableEntity)
            #expect(mass.body.string.contains("chỉ được \\\"đề nghị\\\""))

            var broken = good
            broken["period"] = ["start": "ngày 1 tháng 6", "end": "2026-06-30"]
            let malformed = try await api.send(.PUT, "/api/v1/plans/\(plan.id)", json: ["document": broken])
            #expect(malformed.status == .badRequest)
            #expect(malformed.body.string.contains("document.period.start"))

            let stored = try await api.get("/api/v1/plans/\(plan.id)").decode(PlanAPIController.PlanDTO.self).document
            #expect(stored.period?.start.iso == "2026-06-01", "the failed edits changed nothing")
            #expect(stored.assignments[6].mode == .request)
        }
    }

    @Test("Access: another commune's drafts are 404; issued plans flow down; viewers cannot edit")
    func access() async throws {
        try await withTreEm { f in
            let a = try await APIClient.signIn(f.app, "a.officer")
            let plan = try planDTO(
                try await a.send(.POST, "/api/v1/plans", json: ["document": try seedPlan("seed-002-kim-thanh-2026")]))
            let b = try await APIClient.signIn(f.app, "b.officer")
            for path in ["/api/v1/plans/\(plan.id)", "/api/v1/plans/\(plan.id)/document?format=docx"] {
                #expect(try await b.get(path).status == .notFound, "GET \(path)")
            }
            #expect(
                try await b.send(
                    .PUT, "/api/v1/plans/\(plan.id)", json: ["document": try seedPlan("seed-002-kim-thanh-2026")]
                ).status == .notFound)
            #expect(
                try await b.send(.POST, "/api/v1/plans/\(plan.id)/issue", json: ["number": "1/KH-UBND"]).status
                    == .notFound)
            #expect(try await b.get("/api/v1/plans").decode([PlanAPIController.PlanSummary].self).isEmpty)
            // The city sees the commune's draft (it oversees its communes) but B never does.
            let city = try await APIClient.signIn(f.app, "city.officer")
            #expect(try await city.get("/api/v1/plans/\(plan.id)").status == .ok)

            let cityPlanID = try planDTO(try await city.send(.POST, "/api/v1/plans", json: ["document": cityPlan()])).id
            #expect(try await b.get("/api/v1/plans/\(cityPlanID)").status == .notFound, "a draft stays with its issuer")
            _ = try await city.send(
                .POST, "/api/v1/plans/\(cityPlanID)/issue", json: ["number": "157/KH-UBND", "issueDate": "2026-04-30"])
            let seen = try await b.get("/api/v1/plans/\(cityPlanID)")
            #expect(seen.status == .ok, "an issued plan is visible to the units below its issuer")
            #expect(try planDTO(seen).canEdit == false)
            #expect(try await b.send(.POST, "/api/v1/plans/\(cityPlanID)/withdraw", json: [:]).status == .forbidden)
        }
    }

    @Test("The year library offers each year's theme; administrators add next year's")
    func yearThemes() async throws {
        try await withTreEm { f in
            let officer = try await APIClient.signIn(f.app, "a.officer")
            let themes = try await officer.get("/api/v1/year-themes").decode([YearTheme].self)
            #expect(
                themes.first { $0.year == 2017 }?.theme
                    == "Triển khai Luật trẻ em và phòng, chống bạo lực, xâm hại trẻ em")
            #expect(
                try await officer.send(.PUT, "/api/v1/year-themes/2027", json: ["theme": "Chủ đề 2027"]).status
                    == .notFound)
            let admin = try await APIClient.signIn(f.app, "admin")
            let saved = try await admin.send(
                .PUT, "/api/v1/year-themes/2027", json: ["theme": "Chủ đề năm 2027", "slogans": ["Khẩu hiệu một."]])
            #expect(saved.status == .ok)
            #expect(try await officer.get("/api/v1/year-themes").decode([YearTheme].self).contains { $0.year == 2027 })
        }
    }
}

@Suite("Plans in the browser")
struct PlanWebTests {
    @Test("An officer writes a plan in the form, issues it, and the commune derives its own")
    func writeIssueDerive() async throws {
        try await withTreEm { f in
            let city = Browser(app: f.app)
            try await city.signIn("city.officer")
            let form = try await city.get("/plans/new?kind=actionMonth&year=2026")
            #expect(form.status == .ok)
            // The year library and the letterhead are filled in.
            #expect(form.body.string.contains("Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số"))
            #expect(form.body.string.contains("THÀNH PHỐ HẢI PHÒNG"))
            #expect(form.body.string.contains("2026-06-01"))
            let fields: [String: String] = [
                "kind": "actionMonth", "issuer_name": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "place": "Hải Phòng",
                "issue_year": "2026", "issue_month": "4",
                "title": "Triển khai Tháng hành động vì trẻ em thành phố Hải Phòng năm 2026",
                "purposes": "- Bảo đảm quyền trẻ em.",
                "theme": "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số",
                "period_start": "2026-06-01", "period_end": "2026-06-30",
                "sections": "1. Truyền thông\n- Treo băng rôn, khẩu hiệu.",
                "assignments":
                    "1. Sở Y tế thành phố Hải Phòng\n- Khám sức khỏe cho trẻ em.\n2. Đề nghị Hội Liên hiệp Phụ nữ thành phố Hải Phòng\n- Vận động hội viên.",
                "reporting_deadline": "2026-07-20", "reporting_to": "Bộ Y tế",
                "recipients": "UBND các xã, phường\nLưu: VT, VX", "signature_on_behalf_of": "ỦY BAN NHÂN DÂN",
                "signature_authority": "deputy", "signature_head": "CHỦ TỊCH", "signature_position": "PHÓ CHỦ TỊCH",
            ]
            // Assigning (not requesting) a mass organisation is refused, the form comes back filled in.
            var wrong = fields
            wrong["assignments"] = "1. Hội Liên hiệp Phụ nữ thành phố Hải Phòng\n- Vận động hội viên."
            let refused = try await city.post("/plans", form: wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("chỉ được &quot;đề nghị&quot;"))
            #expect(refused.body.string.contains("Triển khai Tháng hành động vì trẻ em thành phố Hải Phòng năm 2026"))
            #expect(try await PlanModel.query(on: f.app.db).count() == 0)

            let created = try await city.post("/plans", form: fields)
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let page = try await city.get(path)
            #expect(page.body.string.contains("Dự thảo"))
            #expect(page.body.string.contains("1. Sở Y tế thành phố Hải Phòng"))
            // The women's union was matched to the city's agency by its name.
            let stored = try #require(try await PlanModel.query(on: f.app.db).first()).document()
            #expect(stored.assignments[1].agencyKind == .womenUnion && stored.assignments[1].mode == .request)

            let missingSigner = try await city.post(
                path + "/issue", form: ["number": "157/KH-UBND", "issue_date": "2026-04-30"])
            #expect(missingSigner.status == .unprocessableEntity)
            #expect(missingSigner.body.string.contains("Cần người ký để ban hành."))
            let issued = try await city.post(
                path + "/issue",
                form: ["number": "157/KH-UBND", "issue_date": "2026-04-30", "signer_name": "Lê Anh Quân"])
            #expect(issued.status == .seeOther)
            #expect(try await city.get(path).body.string.contains("Đã ban hành"))
            #expect(try await city.get(path + "/edit").status == .seeOther, "an issued plan has no edit form")

            let commune = Browser(app: f.app)
            try await commune.signIn("a.officer")
            let parentPage = try await commune.get(path)
            #expect(parentPage.body.string.contains("Xây dựng kế hoạch cho đơn vị cấp dưới"))
            let derived = try await commune.post(path + "/derive", form: ["unit": Fixture.communeA, "lead_days": "10"])
            #expect(derived.status == .seeOther)
            let draft = try await commune.get(try #require(derived.headers.first(name: .location)))
            #expect(draft.body.string.contains("Triển khai Tháng hành động vì trẻ em xã Kim Thành năm 2026"))
            #expect(draft.body.string.contains("Trạm Y tế xã Kim Thành"))
            #expect(
                draft.body.string.contains(
                    "Thực hiện Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng"))
            // Another commune's officer cannot derive for Kim Thành, nor see its draft.
            let other = Browser(app: f.app)
            try await other.signIn("b.officer")
            try await other.get(path)
            let foreign = try await other.post(path + "/derive", form: ["unit": Fixture.communeA])
            #expect(foreign.status == .badRequest)
            #expect(try await other.get(try #require(derived.headers.first(name: .location))).status == .notFound)

            let docx = try await commune.get(path + "/document?format=docx")
            #expect(docx.status == .ok)
            let print = try await commune.get(path + "/print")
            #expect(print.body.string.contains("Lê Anh Quân"))
            let csp = try #require(print.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains(SecurityHeadersMiddleware.printStyleHash))
        }
    }

    @Test("Editing keeps task identities, so derived tasks still point at their parent")
    func editKeepsTaskIDs() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "city.officer")
            let cityID = try planDTO(try await api.send(.POST, "/api/v1/plans", json: ["document": cityPlan()])).id
            _ = try await api.send(
                .POST, "/api/v1/plans/\(cityID)/issue", json: ["number": "157/KH-UBND", "issueDate": "2026-04-30"])
            let commune = try await APIClient.signIn(f.app, "a.officer")
            let derived = try planDTO(try await commune.send(.POST, "/api/v1/plans/\(cityID)/derive", json: [:]))
            let before = derived.document.assignments.flatMap(\.tasks)

            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let form = try await browser.get("/plans/\(derived.id)/edit")
            #expect(form.status == .ok)
            let text = PlanText.writeAssignments(derived.document.assignments)
                .replacingOccurrences(of: "Khám sức khỏe cho trẻ em.", with: "Khám sức khỏe cho trẻ em dưới 6 tuổi.")
            var fields = try PlanForm(derived.document).fields()
            fields["assignments"] = text
            let saved = try await browser.post("/plans/\(derived.id)/edit", form: fields)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(400))")
            let after = try #require(try await PlanModel.find(UUID(uuidString: derived.id), on: f.app.db)).document()
                .assignments.flatMap(\.tasks)
            #expect(after.map(\.id) == before.map(\.id))
            #expect(after.map(\.derivedFromTaskID) == before.map(\.derivedFromTaskID))
            #expect(after.contains { $0.text == "Khám sức khỏe cho trẻ em dưới 6 tuổi." })
        }
    }
}

extension PlanForm {
    /// The form as a browser would send it.
    func fields() throws -> [String: String] {
        let data = try JSONEncoder().encode(self)
        return try JSONDecoder().decode([String: String].self, from: data)
    }
}
