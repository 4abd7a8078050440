import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Reports in the browser")
struct ReportPageTests {
    @Test(
        "A province opens the round from its plan page; a commune fills the form, the district approves; the pages show the truth"
    )
    func pages() async throws {
        try await withTreEm { f in
            let day = "2024-06-30"
            let province = try await unitID("30", on: day, app: f.app)
            try await addUser("hd.officer", role: .officer, unit: province, app: f.app)
            try await addUser(
                "kt2024.officer", role: .officer, unit: try await unitID("293", on: day, app: f.app), app: f.app)
            try await addUser(
                "dongcam.officer", role: .officer, unit: try await unitID("10804", on: day, app: f.app), app: f.app)
            try await addUser(
                "dongcam.second", role: .officer, unit: try await unitID("10804", on: day, app: f.app), app: f.app)
            try await addUser(
                "tamky.officer", role: .officer, unit: try await unitID("10801", on: day, app: f.app), app: f.app)
            let planID = try await issuedActionMonthPlan(
                f, unit: province, issuer: "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG", year: 2024, deadline: "2024-07-20")
            f.clock.set("2024-06-20T09:00:00+07:00")

            let hd = Browser(app: f.app)
            try await hd.signIn("hd.officer")
            let planPage = try await hd.get("/plans/\(planID)")
            #expect(planPage.body.string.contains("Mở đợt báo cáo kết quả"))
            let opened = try await hd.post("/plans/\(planID)/round", form: [:])
            #expect(opened.status == .seeOther)
            let roundPath = try #require(opened.headers.first(name: .location))
            let dashboard = try await hd.get(roundPath)
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("Huyện Kim Thành"))
            #expect(
                dashboard.body.string.contains("<span class=\"value\">10</span>"),
                "ten units expected below the province")

            // The commune's home page says what it has to send.
            let dc = Browser(app: f.app)
            try await dc.signIn("dongcam.officer")
            let home = try await dc.get("/")
            #expect(home.body.string.contains("Báo cáo phải gửi và chờ duyệt"))
            let reportID = try #require(
                try await ReportModel.query(on: f.app.db)
                    .filter(\.$unit.$id == (try await unitID("10804", on: day, app: f.app))).first()?.id)
            let formPage = try await dc.get("/reports/\(reportID)")
            #expect(formPage.body.string.contains("name=\"v:AM-QUA-TRE:male\""))
            #expect(
                formPage.body.string.contains("name=\"o:AM-QUA-TRE:male\""),
                "the hidden original the save compares with")
            // Two officers open the same draft; each changes a different figure; then both change the same one.
            let second = Browser(app: f.app)
            try await second.signIn("dongcam.second")
            _ = try await second.get("/reports/\(reportID)")
            let first = try await dc.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-QUA-DS:total": "12", "o:AM-QUA-DS:total": "",
                    "v:AM-QUA-TRE:total": "10", "o:AM-QUA-TRE:total": "", "then": "save",
                ])
            #expect(first.status == .seeOther)
            let other = try await second.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-LOP-BOI:total": "2", "o:AM-LOP-BOI:total": "",
                    "v:AM-QUA-DS:total": "", "o:AM-QUA-DS:total": "", "then": "save",
                ])
            #expect(other.status == .seeOther, "a cell left as it was shown is not written: the colleague's 12 stays")
            let clash = try await second.post(
                "/reports/\(reportID)", form: ["v:AM-QUA-TRE:total": "11", "o:AM-QUA-TRE:total": "", "then": "save"])
            #expect(clash.status == .conflict)
            #expect(clash.body.string.contains("Số trẻ em được thăm hỏi, tặng quà: người khác vừa lưu &quot;10&quot;"))
            let values = try await ReportEditing.values(
                of: try #require(try await ReportModel.find(reportID, on: f.app.db)), on: f.app.db)
            #expect(values[ValueKey("AM-QUA-DS")] == .number(12))
            #expect(values[ValueKey("AM-QUA-TRE")] == .number(10))
            #expect(values[ValueKey("AM-LOP-BOI")] == .number(2))
            // A breakdown that does not add up is shown beside the indicator and blocks sending.
            _ = try await dc.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-QUA-TRE:male": "7", "o:AM-QUA-TRE:male": "",
                    "v:AM-QUA-TRE:female": "4", "o:AM-QUA-TRE:female": "", "then": "save",
                ])
            let withProblem = try await dc.get("/reports/\(reportID)")
            #expect(withProblem.body.string.contains("cộng theo giới tính được 11, khác tổng số 10"))
            let blocked = try await dc.post("/reports/\(reportID)", form: ["then": "submit"])
            #expect(blocked.status == .unprocessableEntity)
            #expect(
                blocked.body.string.contains("Số liệu đã được lưu nhưng báo cáo chưa gửi được:"),
                "the officer stays on the form")
            #expect(blocked.body.string.contains("name=\"v:AM-QUA-TRE:male\""))
            _ = try await dc.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-QUA-TRE:male": "6", "o:AM-QUA-TRE:male": "7",
                    "results": "Thăm, tặng 10 suất quà.", "o:results": "", "then": "submit",
                ])
            let sent = try await dc.get("/reports/\(reportID)")
            #expect(sent.body.string.contains("Đã gửi, chờ duyệt"))
            #expect(!sent.body.string.contains("name=\"v:AM-QUA-TRE:male\""), "a sent report is read-only")

            // The district approves from the page; the province's dashboard drills into the district.
            let kt = Browser(app: f.app)
            try await kt.signIn("kt2024.officer")
            #expect(try await kt.get("/").body.string.contains("Duyệt báo cáo của Xã Đồng Cẩm"))
            #expect(try await kt.get("/reports/\(reportID)").body.string.contains("Duyệt, khóa số liệu"))
            #expect(try await kt.post("/reports/\(reportID)/approve", form: [:]).status == .seeOther)
            let drill = try await hd.get(roundPath + "?unit=293&indicator=AM-QUA-TRE")
            #expect(drill.body.string.contains("<svg"))
            #expect(drill.body.string.contains("Xã Đồng Cẩm"))
            #expect(drill.body.string.contains("<td class=\"num\" data-label=\"Kết quả\">10</td>"))

            // Exports: a real XLSX and the results report as DOCX.
            let xlsx = try await hd.get(roundPath + "/export/xlsx?unit=293")
            #expect(xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let sheet = try ZipReader.entries(Array(xlsx.body.readableBytesView))
            let sheetXML = String(decoding: try #require(sheet["xl/worksheets/sheet1.xml"]), as: UTF8.self)
            #expect(sheetXML.contains("Số trẻ em được thăm hỏi, tặng quà"))
            #expect(sheetXML.contains("<v>10</v>"))
            let docx = try await hd.get(roundPath + "/export/docx?unit=293")
            let text = try DOCXText.text(of: Array(docx.body.readableBytesView))
            #expect(text.contains("BÁO CÁO"))
            #expect(text.contains("ỦY BAN NHÂN DÂN"))
            #expect(text.contains("HUYỆN KIM THÀNH"))
            #expect(text.contains("Xã Đồng Cẩm: Thăm, tặng 10 suất quà."))

            // Another commune: 404 for the report page, the round's exports and the actions.
            let tk = Browser(app: f.app)
            try await tk.signIn("tamky.officer")
            #expect(try await tk.get("/reports/\(reportID)").status == .notFound)
            #expect(try await tk.get(roundPath + "/export/xlsx?unit=10804").status == .notFound)
            #expect(try await tk.get(roundPath + "/export/docx?unit=293").status == .notFound)
            #expect(try await tk.post("/reports/\(reportID)/approve", form: [:]).status == .notFound)
            let b = Browser(app: f.app)
            try await b.signIn("b.officer")
            #expect(try await b.get(roundPath + "?unit=10804").status == .notFound)
        }
    }
}

@Suite("Report forms and reminders")
struct ReportFormAndReminderTests {
    @Test("A system administrator adds a form from a CSV; a bad line is named; officers only read the list")
    func formsFromCSV() async throws {
        try await withTreEm { f in
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            let list = try await admin.get("/reports/forms")
            #expect(list.body.string.contains("AM-QUA-TRE"))
            #expect(list.body.string.contains("Bộ chỉ tiêu quốc gia (TT 13/2021): Số trẻ em bị xâm hại"))
            let good =
                "section,code,name,unit,type,breakdowns,part_of,target\n1. Trẻ em,TE-DS,Số trẻ em trong danh sách,trẻ em,số nguyên,giới tính,,\n"
            let created = try await admin.upload(
                "/reports/forms", fields: ["code": "mau-hoc-boi", "name": "Kết quả dạy bơi", "planKind": "other"],
                file: ("file", "mau.csv", good))
            #expect(created.status == .ok)
            #expect(created.body.string.contains("Đã thêm biểu mẫu MAU-HOC-BOI — Kết quả dạy bơi"))
            let bad = "section,code,name,unit,type,breakdowns,part_of,target\nA,X1,Một,cái,số đếm,,,\n"
            let refused = try await admin.upload(
                "/reports/forms", fields: ["code": "mau-2", "name": "Mẫu 2"], file: ("file", "mau2.csv", bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Dòng 2, cột type: kiểu &quot;số đếm&quot; không có"))
            #expect(try await ReportFormModel.query(on: f.app.db).filter(\.$code == "MAU-2").first() == nil)
            // The API too, and only for system administrators.
            let officer = try await APIClient.signIn(f.app, "a.officer")
            let forms = try await officer.get("/api/v1/forms").decode([ReportAPIController.FormDTO].self)
            #expect(
                Set(forms.map(\.form.code)) == [
                    "THANG-HANH-DONG", "CONG-TAC-TRE-EM", "THANG-HANH-DONG-2", "CONG-TAC-TRE-EM-2", "MAU-HOC-BOI",
                ])
            let denied = try await officer.send(
                .POST, "/api/v1/forms", json: ["code": "X", "name": "X", "sections": [] as [Any]])
            #expect(denied.status == .forbidden)
        }
    }

    @Test("The level above reminds the units that have not reported; only their officers hear of it")
    func reminders() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let district = try await APIClient.signIn(f.app, "kt2024.officer")
            let reminded = try await district.send(.POST, "/api/v1/rounds/\(round.roundID)/remind", json: [:])
            #expect(reminded.status == .ok)
            let result = try reminded.decode(ReportAPIController.RemindDTO.self)
            #expect(result.units.count == 5, "Kim Thành's five communes")
            #expect(result.reminded == 4, "the four commune officers created for the round (one each)")
            let commune = try await APIClient.signIn(f.app, "dongcam.officer")
            let notes = try await commune.get("/api/v1/notifications").decode(
                [NotificationsController.NotificationDTO].self)
            #expect(
                notes.contains {
                    $0.text.contains("Huyện Kim Thành nhắc Xã Đồng Cẩm gửi") && $0.text.contains("01/7/2024")
                })
            let province = try await APIClient.signIn(f.app, "hd.officer")
            #expect(
                try await province.get("/api/v1/notifications").decode([NotificationsController.NotificationDTO].self)
                    .isEmpty)
            // Phú Thái of 2026 sees the round (its 2024 predecessor reports in it) but not Kim Thành district.
            let sibling = try await APIClient.signIn(f.app, "b.officer")
            #expect(
                try await sibling.send(.POST, "/api/v1/rounds/\(round.roundID)/remind?unit=293", json: [:]).status
                    == .notFound)
            let outsider = try await APIClient.signIn(f.app, "city.officer")
            #expect(
                try await outsider.send(.POST, "/api/v1/rounds/\(round.roundID)/remind?unit=293", json: [:]).status
                    == .ok,
                "the city of 2026 covers Hải Dương's 2024 units through the merger")
        }
    }
}

@Suite("Demo reporting round")
struct DemoReportTests {
    @Test(
        "The demo's 2024 round is complete but for one commune, passes every rule, and adds up under the 2026 communes")
    func demoRound() async throws {
        try await withTreEm { f in
            #expect(try await DemoReports.load(on: f.app.db, at: f.clock.now))
            #expect(try await DemoReports.load(on: f.app.db, at: f.clock.now) == false, "loaded once only")
            let round = try #require(try await ReportRoundModel.query(on: f.app.db).with(\.$form).with(\.$root).first())
            let admin = try await APIClient.signIn(f.app, "admin")
            let detail = try await admin.get("/api/v1/rounds/\(try round.requireID())").decode(
                ReportAPIController.RoundDetailDTO.self)
            #expect(detail.completeness.expected == 10)
            #expect(detail.completeness.submitted == 9)
            #expect(detail.completeness.onTime == 9)
            #expect(detail.missing.map(\.unitName) == ["Xã Tam Kỳ"])
            // Every sent report passes the rules a commune officer's would have to.
            for report in try await ReportModel.query(on: f.app.db).filter(\.$round.$id == round.requireID()).filter(
                \.$status == .approved
            ).all() {
                report.$round.value = round
                #expect(try await ReportEditing.problems(of: report, on: f.app.db).isEmpty)
            }
            let district = try aggregate(
                try await admin.get("/api/v1/aggregates?round=\(try round.requireID())&unit=293"))
            let communes = district.children.compactMap {
                $0.figures.first { $0.indicator == "AM-QUA-TRE" && $0.part == "" }?.number
            }
            // The demo's figures (DemoReports), added up here by hand: the four communes that sent,
            // and the district's own 20.
            #expect(communes.sorted() == [39, 45, 50, 63])
            #expect(
                district.value("AM-QUA-TRE") == 217,
                "39 + 45 + 50 + 63 from the communes and the district's own 20")
            // As of 2026: Xã Kim Thành counts Đồng Cẩm, Tam Kỳ (which sent nothing) and Đại Đức. Hòa
            // Bình was divided; its figures count under its default successor (Xã Hà Nam), not here.
            let merged = try aggregate(
                try await admin.get("/api/v1/aggregates?round=\(try round.requireID())&unit=31&asOf=2026-06-30"))
            func figure(_ names: [String]) -> Double {
                district.children.filter { names.contains($0.unitName) }
                    .compactMap { $0.figures.first { $0.indicator == "AM-QUA-TRE" && $0.part == "" }?.number }
                    .reduce(0, +)
            }
            #expect(figure(["Xã Đồng Cẩm", "Xã Tam Kỳ", "Xã Đại Đức"]) == 102, "39 + 63")
            #expect(figure(["Xã Hòa Bình"]) > 0)
            #expect(merged.child("Xã Kim Thành", "AM-QUA-TRE") == 102)
            // The round page says why Hòa Bình's figures are not in Kim Thành's total.
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            let page = try await browser.get("/reports/rounds/\(try round.requireID())?unit=31&asOf=2026-06-30")
            #expect(
                page.body.string.contains(
                    "Xã Hòa Bình đã được chia cho nhiều đơn vị: số liệu của đơn vị này được tính một lần"))
            #expect(page.body.string.contains("không tính ở Xã Kim Thành."))
            let before = try await browser.get("/reports/rounds/\(try round.requireID())?unit=293&asOf=2024-06-30")
            #expect(!before.body.string.contains("đã được chia"), "before the reform nothing was divided")
        }
    }
}
