import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// What the officer typed into the report form is never lost: refusals come back as the same
/// form with the values in place, and what could be saved is saved.
@Suite("The report form keeps what was typed")
struct ReportInputTests {
    static func stored(_ reportID: String, app: Application) async throws -> [ValueKey: ReportValue] {
        let report = try #require(try await ReportModel.find(UUID(uuidString: reportID), on: app.db))
        return try await ReportEditing.values(of: report, on: app.db)
    }

    @Test("A bad cell comes back marked beside what was typed; the valid cells and the text are saved")
    func badCellKeepsTheForm() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let reportID = try #require(round.reports["10804"])
            let dc = Browser(app: f.app)
            try await dc.signIn("dongcam.officer")
            _ = try await dc.get("/reports/\(reportID)")
            let refused = try await dc.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-QUA-DS:total": "abc", "o:AM-QUA-DS:total": "",
                    "v:AM-QUA-TRE:total": "-3", "o:AM-QUA-TRE:total": "",
                    "v:AM-LOP-BOI:total": "4", "o:AM-LOP-BOI:total": "",
                    "v:AM-TT-SU-KIEN:total": "0", "o:AM-TT-SU-KIEN:total": "",
                    "results": "Đã tặng quà cho các cháu.", "o:results": "", "then": "submit",
                ])
            let page = refused.body.string
            #expect(refused.status == .unprocessableEntity)
            #expect(!page.contains("Về trang chủ"), "the form, not an error page")
            // Every typed value is back in its cell.
            #expect(page.contains("name=\"v:AM-QUA-DS:total\" value=\"abc\""))
            #expect(page.contains("name=\"v:AM-QUA-TRE:total\" value=\"-3\""))
            #expect(page.contains("name=\"v:AM-LOP-BOI:total\" value=\"4\""))
            #expect(page.contains("Đã tặng quà cho các cháu.</textarea>"))
            // The bad cells are marked beside them, and the list at the top links to them, once.
            #expect(page.contains("<label class=\"cell refused\" for=\"cell-AM-QUA-DS-total\">"))
            #expect(page.contains("id=\"cell-AM-QUA-DS-total-why\">"))
            #expect(page.contains("&quot;abc&quot; không phải là số."))
            #expect(page.contains("<a href=\"#cell-AM-QUA-TRE-total\">"))
            #expect(page.contains("không được là số âm"))
            #expect(page.components(separatedBy: "Các ô dưới đây chưa hợp lệ").count == 2)
            #expect(!page.contains("<label class=\"cell refused\" for=\"cell-AM-LOP-BOI-total\">"))
            // The valid cells and the text are in the draft; the bad ones are not, and nothing was sent.
            let values = try await Self.stored(reportID, app: f.app)
            #expect(values[ValueKey("AM-LOP-BOI")] == .number(4))
            #expect(values[ValueKey("AM-TT-SU-KIEN")] == .number(0))
            #expect(values[ValueKey("AM-QUA-DS")] == nil)
            #expect(values[ValueKey("AM-QUA-TRE")] == nil)
            let report = try #require(try await ReportModel.find(UUID(uuidString: reportID), on: f.app.db))
            #expect(report.status == .draft)
            #expect(report.results == "Đã tặng quà cho các cháu.")

            // Correcting the two cells from that page saves them without touching the rest.
            let corrected = try await dc.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-QUA-DS:total": "12", "o:AM-QUA-DS:total": "",
                    "v:AM-QUA-TRE:total": "10", "o:AM-QUA-TRE:total": "",
                    "v:AM-LOP-BOI:total": "4", "o:AM-LOP-BOI:total": "4", "then": "save",
                ])
            #expect(corrected.status == .seeOther)
            let after = try await Self.stored(reportID, app: f.app)
            #expect(after[ValueKey("AM-QUA-DS")] == .number(12))
            #expect(after[ValueKey("AM-LOP-BOI")] == .number(4))
        }
    }

    @Test("A colleague's newer figure in the same cell: nothing is saved and the typed values stay in the form")
    func conflictKeepsTheForm() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let reportID = try #require(round.reports["10804"])
            try await addUser(
                "dongcam.second", role: .officer, unit: try await unitID("10804", on: "2024-06-30", app: f.app),
                app: f.app)
            let first = Browser(app: f.app)
            try await first.signIn("dongcam.officer")
            let second = Browser(app: f.app)
            try await second.signIn("dongcam.second")
            _ = try await first.get("/reports/\(reportID)")
            _ = try await second.get("/reports/\(reportID)")
            _ = try await first.post(
                "/reports/\(reportID)", form: ["v:AM-QUA-TRE:total": "10", "o:AM-QUA-TRE:total": "", "then": "save"])
            let clash = try await second.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-QUA-TRE:total": "11", "o:AM-QUA-TRE:total": "",
                    "v:AM-LOP-BOI:total": "3", "o:AM-LOP-BOI:total": "", "then": "save",
                ])
            #expect(clash.status == .conflict)
            #expect(clash.body.string.contains("name=\"v:AM-QUA-TRE:total\" value=\"11\""))
            #expect(clash.body.string.contains("name=\"v:AM-LOP-BOI:total\" value=\"3\""))
            #expect(clash.body.string.contains("người khác vừa lưu &quot;10&quot;"))
            // The hidden original is now the colleague's figure: sending again is a deliberate overwrite.
            #expect(clash.body.string.contains("name=\"o:AM-QUA-TRE:total\" value=\"10\""))
            #expect(try await Self.stored(reportID, app: f.app)[ValueKey("AM-QUA-TRE")] == .number(10))
        }
    }

    @Test("A blank cell and a 0 are kept apart and shown apart; after sending, the page says where the report went")
    func blankZeroAndWhereItWent() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let reportID = try #require(round.reports["10804"])
            let dc = Browser(app: f.app)
            try await dc.signIn("dongcam.officer")
            _ = try await dc.get("/reports/\(reportID)")
            let sent = try await dc.post(
                "/reports/\(reportID)",
                form: [
                    "v:AM-TT-SU-KIEN:total": "0", "o:AM-TT-SU-KIEN:total": "",
                    "v:AM-TT-BANG-RON:total": "", "o:AM-TT-BANG-RON:total": "", "then": "submit",
                ])
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers.first(name: .location))
            let page = try await dc.get(location).body.string
            #expect(page.contains("Đã gửi báo cáo lên Ủy ban nhân dân huyện Kim Thành."))
            #expect(page.contains("<span class=\"value\" id=\"cell-AM-TT-SU-KIEN-total\">0</span>"))
            #expect(
                page.contains(
                    "<span class=\"value blank\" id=\"cell-AM-TT-BANG-RON-total\" title=\"chưa nhập\">—</span>"))
            let values = try await Self.stored(reportID, app: f.app)
            #expect(values[ValueKey("AM-TT-SU-KIEN")] == .number(0))
            #expect(values[ValueKey("AM-TT-BANG-RON")] == nil)
            // The district sees the commune's 0 as 0, and a figure nobody gave as "—", not 0.
            let kt = Browser(app: f.app)
            try await kt.signIn("kt2024.officer")
            let districtReport = try #require(round.reports["293"])
            let district = try await kt.get("/reports/\(districtReport)").body.string
            let eventsRow = try #require(district.range(of: "Số buổi, sự kiện truyền thông"))
            let bannersRow = try #require(district.range(of: "Số băng rôn, khẩu hiệu, pa nô"))
            let afterEvents = district[eventsRow.upperBound...].prefix(1500)
            let afterBanners = district[bannersRow.upperBound...].prefix(1500)
            #expect(afterEvents.contains("<td class=\"num\" data-label=\"Cấp dưới đã gửi\">0</td>"))
            #expect(afterBanners.contains("<td class=\"num\" data-label=\"Cấp dưới đã gửi\">—</td>"))
        }
    }
}

@Suite("Reopening an approved report")
struct ReportReopenTests {
    @Test("The level above reopens an approved report with a reason: audited, the unit told, the totals follow")
    func reopen() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let dongCam = try #require(round.reports["10804"])
            f.clock.set("2024-06-28T10:00:00+07:00")
            let dc = try await APIClient.signIn(f.app, "dongcam.officer")
            _ = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values", json: ["values": [["indicator": "AM-QUA-TRE", "value": 12]]])
            #expect(try await dc.send(.POST, "/api/v1/reports/\(dongCam)/submit", json: [:]).status == .ok)
            let district = try await APIClient.signIn(f.app, "kt2024.officer")
            // The reviewer is told that the report arrived.
            let arrived = try await district.get("/api/v1/notifications").decode(
                [NotificationsController.NotificationDTO].self)
            #expect(
                arrived.contains {
                    $0.kind == "reportArrived" && $0.text.hasPrefix("Xã Đồng Cẩm đã gửi báo cáo")
                        && $0.link == "/reports/\(dongCam)"
                })
            #expect(try await district.send(.POST, "/api/v1/reports/\(dongCam)/approve", json: [:]).status == .ok)
            func districtTotal() async throws -> Double? {
                try aggregate(try await district.get("/api/v1/aggregates?round=\(round.roundID)")).value("AM-QUA-TRE")
            }
            #expect(try await districtTotal() == 12)

            // The unit itself cannot reopen its own approved report; another commune does not see it;
            // a reopening without a reason is refused.
            #expect(
                try await dc.send(.POST, "/api/v1/reports/\(dongCam)/reopen", json: ["reason": "Sửa"]).status
                    == .forbidden)
            let tamKy = try await APIClient.signIn(f.app, "tamky.officer")
            #expect(
                try await tamKy.send(.POST, "/api/v1/reports/\(dongCam)/reopen", json: ["reason": "Sửa"]).status
                    == .notFound)
            let noReason = try await district.send(.POST, "/api/v1/reports/\(dongCam)/reopen", json: ["reason": " "])
            #expect(noReason.status == .badRequest)
            #expect(noReason.body.string.contains("Ghi rõ lý do mở lại"))

            // From the page: the district's officer sees the button and reopens with a reason.
            let kt = Browser(app: f.app)
            try await kt.signIn("kt2024.officer")
            #expect(try await kt.get("/reports/\(dongCam)").body.string.contains("Mở lại để sửa"))
            let reopened = try await kt.post(
                "/reports/\(dongCam)/reopen", form: ["reason": "Số trẻ em được tặng quà thiếu 3 cháu ở thôn Đông."])
            #expect(reopened.status == .seeOther)
            let report = try reportDTO(try await dc.get("/api/v1/reports/\(dongCam)"))
            #expect(report.summary.status == "returned")
            #expect(report.returnComment == "Số trẻ em được tặng quà thiếu 3 cháu ở thôn Đông.")
            #expect(try await districtTotal() == nil, "a reopened report stops counting until it is sent again")
            let told = try await dc.get("/api/v1/notifications").decode([NotificationsController.NotificationDTO].self)
            #expect(told.contains { $0.kind == "reportReopened" && $0.text.contains("thiếu 3 cháu ở thôn Đông") })
            #expect(
                try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "report.reopened").count() == 1)
            #expect(
                try await district.send(.POST, "/api/v1/reports/\(dongCam)/reopen", json: ["reason": "Lần nữa"]).status
                    == .conflict, "only an approved report is reopened")

            // The commune corrects and sends again; the district approves; the totals follow.
            _ = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values", json: ["values": [["indicator": "AM-QUA-TRE", "value": 15]]])
            #expect(try await dc.send(.POST, "/api/v1/reports/\(dongCam)/submit", json: [:]).status == .ok)
            #expect(try await district.send(.POST, "/api/v1/reports/\(dongCam)/approve", json: [:]).status == .ok)
            #expect(try await districtTotal() == 15)

            // Once the district's own report is approved above, the province reopens that one first.
            let districtReportID = try #require(round.reports["293"].flatMap(UUID.init(uuidString:)))
            let own = try #require(try await ReportModel.find(districtReportID, on: f.app.db))
            own.status = .approved
            try await own.save(on: f.app.db)
            let blocked = try await district.send(.POST, "/api/v1/reports/\(dongCam)/reopen", json: ["reason": "Sửa"])
            #expect(blocked.status == .conflict)
            #expect(blocked.body.string.contains("cần cấp trên mở lại báo cáo đó trước"))
        }
    }
}

@Suite("The forms' second edition")
struct FormEditionTests {
    @Test(
        "New rounds take the second edition: gifts as packages, value per package computed, all funds with their parts")
    func secondEdition() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let roundID = try #require(UUID(uuidString: round.roundID))
            let model = try #require(
                try await ReportRoundModel.query(on: f.app.db).filter(\.$id == roundID).with(\.$form).first())
            #expect(model.form.code == "THANG-HANH-DONG-2")
            let dongCam = try #require(round.reports["10804"])
            let dc = try await APIClient.signIn(f.app, "dongcam.officer")
            let saved = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values",
                json: [
                    "values": [
                        ["indicator": "AM-QUA-TRE", "value": 38], ["indicator": "AM-QUA-VUOT-KHO", "value": 12],
                        ["indicator": "AM-QUA-SUAT", "value": 40], ["indicator": "AM-QUA-LUOT", "value": 45],
                        ["indicator": "AM-QUA-GIA-TRI", "value": "20.000.000"],
                        ["indicator": "AM-TIEN-TONG", "value": "25.000.000"],
                        ["indicator": "AM-TIEN-NS", "value": "26.000.000"],
                    ]
                ])
            #expect(saved.status == .ok, "\(saved.body.string)")
            let browser = Browser(app: f.app)
            try await browser.signIn("dongcam.officer")
            let page = try await browser.get("/reports/\(dongCam)").body.string
            #expect(page.contains("Giá trị bình quân một suất quà"))
            #expect(page.contains("<span class=\"computed\">500.000</span>"), "20.000.000 đồng over 40 packages")
            #expect(page.contains("Số lượt trẻ em được thăm hỏi, tặng quà"))
            // The state budget is part of all funds: more than the total cannot be sent.
            #expect(
                page.contains(
                    "Trong đó: kinh phí từ ngân sách nhà nước (26.000.000) lớn hơn Tổng kinh phí thực hiện Tháng hành động (mọi nguồn) (25.000.000)."
                ))
            // The form list keeps the first edition for its rounds, marked as replaced.
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            let forms = try await admin.get("/reports/forms").body.string
            #expect(forms.contains("mẫu cũ, dùng cho các đợt đã mở; nay thay bằng THANG-HANH-DONG-2"))
        }
    }
}
