import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// An issued Action Month plan of `unit` for `year`, with the reporting deadline of its units.
@discardableResult
func issuedActionMonthPlan(
    _ f: Fixture, unit: UUID, issuer: String, year: Int, deadline: String, parent: UUID? = nil
) async throws -> UUID {
    let document = PlanDocument(
        kind: .actionMonth, issuerName: issuer, number: "\(year % 100)/KH-UBND", place: "Hải Dương",
        issueDate: PartialDate(year: year, month: 5, day: 6), title: "Triển khai Tháng hành động vì trẻ em năm \(year)",
        period: DateRange(
            start: CalendarDay(year: year, month: 6, day: 1)!, end: CalendarDay(year: year, month: 6, day: 30)!),
        reporting: ReportingRequirement(deadline: CalendarDay(iso: deadline)!, reportTo: "cấp trên"))
    let plan = try PlanModel(issuerUnitID: unit, document: document, createdBy: nil)
    plan.status = .issued
    plan.$parentPlan.id = parent
    try await plan.create(on: f.app.db)
    return try plan.requireID()
}

func roundDTO(_ response: TestingHTTPResponse) throws -> ReportAPIController.RoundDTO {
    try APIJSON.decoder.decode(ReportAPIController.RoundDTO.self, from: response.body)
}

func reportDTO(_ response: TestingHTTPResponse) throws -> ReportAPIController.ReportDTO {
    try APIJSON.decoder.decode(ReportAPIController.ReportDTO.self, from: response.body)
}

func aggregate(_ response: TestingHTTPResponse) throws -> ReportAPIController.AggregateDTO {
    try APIJSON.decoder.decode(ReportAPIController.AggregateDTO.self, from: response.body)
}

extension ReportAPIController.AggregateDTO {
    func value(_ indicator: String, _ part: String = "") -> Double? {
        figures.first { $0.indicator == indicator && $0.part == part }?.number
    }

    func child(_ name: String, _ indicator: String) -> Double? {
        children.first { $0.unitName == name }?.figures.first { $0.indicator == indicator && $0.part == "" }?.number
    }
}

/// Hải Dương's 2024 Action Month round: the province, its districts Kim Thành and Kinh Môn, and
/// their nine communes as they stood on 30/6/2024, with officers at each level used below.
struct Round2024 {
    var roundID: String
    var reports: [String: String]  // unit code → report id
}

func openRound2024(_ f: Fixture) async throws -> Round2024 {
    let day = "2024-06-30"
    let province = try await unitID("30", on: day, app: f.app)
    let district = try await unitID("293", on: day, app: f.app)
    try await addUser("hd.officer", role: .officer, unit: province, app: f.app)
    try await addUser("kt2024.officer", role: .officer, unit: district, app: f.app)
    for (name, code) in [("dongcam", "10804"), ("tamky", "10801"), ("daiduc", "10810"), ("phuthai", "10750")] {
        try await addUser(
            "\(name).officer", role: .officer, unit: try await unitID(code, on: day, app: f.app), app: f.app)
    }
    let planID = try await issuedActionMonthPlan(
        f, unit: province, issuer: "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG", year: 2024, deadline: "2024-07-20")
    // Kim Thành district's own plan tells its communes to report by 01/7.
    try await issuedActionMonthPlan(
        f, unit: district, issuer: "ỦY BAN NHÂN DÂN\nHUYỆN KIM THÀNH", year: 2024, deadline: "2024-07-01",
        parent: planID)
    f.clock.set("2024-06-05T09:00:00+07:00")
    let officer = try await APIClient.signIn(f.app, "hd.officer")
    let opened = try await officer.send(.POST, "/api/v1/rounds", json: ["planID": planID.uuidString])
    #expect(opened.status == .created, "\(opened.body.string)")
    let round = try roundDTO(opened)
    let reports = try await officer.get("/api/v1/reports?round=\(round.id)").decode(
        [ReportAPIController.ReportSummaryDTO].self)
    return Round2024(
        roundID: round.id, reports: Dictionary(reports.map { ($0.unitCode, $0.id) }, uniquingKeysWith: { a, _ in a }))
}

@Suite("Reporting rounds")
struct ReportRoundTests {
    @Test("A round opened from a plan expects every unit below it, with each level's deadline")
    func expectedReports() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let officer = try await APIClient.signIn(f.app, "hd.officer")
            let all = try await officer.get("/api/v1/reports?round=\(round.roundID)").decode(
                [ReportAPIController.ReportSummaryDTO].self)
            // The province, 2 districts, 5 communes of Kim Thành and 3 of Kinh Môn (the tests' part of the country).
            #expect(all.count == 11)
            #expect(
                Set(all.filter { $0.depth == 2 }.map(\.unitName)).isSuperset(of: [
                    "Xã Đồng Cẩm", "Xã Hòa Bình", "Thị trấn Phú Thái",
                ]))
            #expect(all.first { $0.unitCode == "293" }?.deadline == "2024-07-20")
            #expect(
                all.first { $0.unitName == "Xã Đồng Cẩm" }?.deadline == "2024-07-01",
                "the district's own plan sets its communes' date")
            #expect(
                all.first { $0.unitName == "Phường Duy Tân" }?.deadline == "2024-07-10",
                "ten days before the district's")
            let detail = try await officer.get("/api/v1/rounds/\(round.roundID)").decode(
                ReportAPIController.RoundDetailDTO.self)
            #expect(detail.completeness.expected == 10)
            #expect(detail.completeness.missing == 10)
            #expect(detail.reports.map(\.unitName).sorted() == ["Huyện Kim Thành", "Thị xã Kinh Môn"])
            // Opening it twice is refused.
            let again = try await officer.send(
                .POST, "/api/v1/rounds", json: ["planID": try #require(detail.round.planID)])
            #expect(again.status == .conflict)
            // A commune sees the round and only its own report.
            let commune = try await APIClient.signIn(f.app, "dongcam.officer")
            let mine = try await commune.get("/api/v1/reports?round=\(round.roundID)").decode(
                [ReportAPIController.ReportSummaryDTO].self)
            #expect(mine.map(\.unitName) == ["Xã Đồng Cẩm"])
        }
    }

    @Test("Fill, submit, return, approve; totals through two levels and under the 2025 successors")
    func lifeCycleAndAggregation() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let dongCam = try #require(round.reports["10804"])
            let tamKy = try #require(round.reports["10801"])
            let daiDuc = try #require(round.reports["10810"])
            let phuThai = try #require(round.reports["10750"])
            f.clock.set("2024-06-28T10:00:00+07:00")

            let dc = try await APIClient.signIn(f.app, "dongcam.officer")
            var saved = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values",
                json: [
                    "values": [
                        ["indicator": "AM-QUA-DS", "value": "12"], ["indicator": "AM-QUA-TRE", "value": 10],
                        ["indicator": "AM-QUA-TRE", "part": "male", "value": 6],
                        ["indicator": "AM-QUA-TRE", "part": "female", "value": 4],
                        ["indicator": "AM-TIEN-NS", "value": "3.500.000"],
                        ["indicator": "AM-PHAT-DONG", "value": true],
                    ], "results": "Tổ chức thăm, tặng quà cho 10 trẻ em.",
                ])
            #expect(saved.status == .ok, "\(saved.body.string)")
            #expect(try reportDTO(saved).values.contains { $0.indicator == "AM-TIEN-NS" && $0.number == 3_500_000 })
            // A value that is not a number: refused, naming the indicator; the good cell beside it is not stored either.
            let bad = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values",
                json: [
                    "values": [
                        ["indicator": "AM-LOP-BOI", "value": "2"], ["indicator": "AM-HOC-BOI", "value": "ba mươi"],
                    ]
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Số trẻ em được dạy bơi: \\\"ba mươi\\\" không phải là số."))
            #expect(
                !(try reportDTO(try await dc.get("/api/v1/reports/\(dongCam)")).values.contains {
                    $0.indicator == "AM-LOP-BOI"
                }))
            // A negative figure is refused even in a draft.
            let negative = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values",
                json: ["values": [["indicator": "AM-TT-SU-KIEN", "value": "-2"]]])
            #expect(negative.status == .unprocessableEntity)
            #expect(negative.body.string.contains("Số buổi, sự kiện truyền thông: không được là số âm (-2)."))
            #expect(try await dc.send(.POST, "/api/v1/reports/\(dongCam)/submit", json: [:]).status == .ok)
            let twice = try await dc.send(.POST, "/api/v1/reports/\(dongCam)/submit", json: [:])
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("đã được gửi"))

            // A subset larger than its whole blocks submission, with the indicator named.
            let tk = try await APIClient.signIn(f.app, "tamky.officer")
            _ = try await tk.send(
                .PUT, "/api/v1/reports/\(tamKy)/values",
                json: [
                    "values": [
                        ["indicator": "AM-QUA-DS", "value": 5], ["indicator": "AM-QUA-TRE", "value": 20],
                        ["indicator": "AM-QUA-HCDB", "value": 21],
                    ]
                ])
            let refused = try await tk.send(.POST, "/api/v1/reports/\(tamKy)/submit", json: [:])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains(
                    "Trong đó: trẻ em có hoàn cảnh đặc biệt (21) lớn hơn Số trẻ em được thăm hỏi, tặng quà (20)"))
            // More children given gifts than on the reviewed list can be right: sent once explained.
            _ = try await tk.send(
                .PUT, "/api/v1/reports/\(tamKy)/values", json: ["values": [["indicator": "AM-QUA-HCDB", "value": 5]]])
            let unexplained = try await tk.send(.POST, "/api/v1/reports/\(tamKy)/submit", json: [:])
            #expect(unexplained.status == .unprocessableEntity)
            #expect(unexplained.body.string.contains("Có thể đúng; xin ghi rõ lý do nếu số liệu đúng."))
            #expect(
                try await tk.send(
                    .POST, "/api/v1/reports/\(tamKy)/submit",
                    json: ["explanation": "15 suất quà tặng học sinh vượt khó học giỏi, không thuộc danh sách."]
                ).status == .ok)

            let dd = try await APIClient.signIn(f.app, "daiduc.officer")
            _ = try await dd.send(
                .PUT, "/api/v1/reports/\(daiDuc)/values",
                json: [
                    "values": [
                        ["indicator": "AM-QUA-DS", "value": 30], ["indicator": "AM-QUA-TRE", "value": 30],
                    ]
                ])
            #expect(try await dd.send(.POST, "/api/v1/reports/\(daiDuc)/submit", json: [:]).status == .ok)
            let pt = try await APIClient.signIn(f.app, "phuthai.officer")
            _ = try await pt.send(
                .PUT, "/api/v1/reports/\(phuThai)/values",
                json: [
                    "values": [
                        ["indicator": "AM-QUA-DS", "value": 7], ["indicator": "AM-QUA-TRE", "value": 7],
                    ]
                ])
            #expect(try await pt.send(.POST, "/api/v1/reports/\(phuThai)/submit", json: [:]).status == .ok)

            // The district reviews: approves, returns one with a comment; it cannot review its own.
            let district = try await APIClient.signIn(f.app, "kt2024.officer")
            #expect(try await district.send(.POST, "/api/v1/reports/\(dongCam)/approve", json: [:]).status == .ok)
            let noComment = try await district.send(.POST, "/api/v1/reports/\(tamKy)/return", json: ["comment": " "])
            #expect(noComment.status == .badRequest)
            #expect(
                try await district.send(
                    .POST, "/api/v1/reports/\(tamKy)/return", json: ["comment": "Kiểm tra lại danh sách."]
                ).status == .ok)
            let own = try #require(round.reports["293"])
            let selfApproval = try await district.send(.POST, "/api/v1/reports/\(own)/approve", json: [:])
            #expect(selfApproval.status == .forbidden)
            #expect(selfApproval.body.string.contains("Không được tự duyệt"))
            // A commune cannot approve either, and nobody edits an approved report.
            #expect(
                try await tk.send(.POST, "/api/v1/reports/\(daiDuc)/approve", json: [:]).status == .notFound,
                "a sibling's report is 404")
            let locked = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values", json: ["values": [["indicator": "AM-QUA-DS", "value": 13]]])
            #expect(locked.status == .conflict)
            #expect(locked.body.string.contains("đã được duyệt"))

            // Live totals: the returned report does not count until it is sent again.
            var totals = try aggregate(try await district.get("/api/v1/aggregates?round=\(round.roundID)"))
            #expect(totals.unitName == "Huyện Kim Thành")
            #expect(totals.value("AM-QUA-TRE") == 47)
            #expect(totals.value("AM-QUA-TRE", "male") == 6)
            #expect(totals.value("AM-TIEN-NS") == 3_500_000)
            #expect(totals.value("AM-PHAT-DONG") == 1, "one commune held a launch ceremony")
            #expect(totals.child("Xã Tam Kỳ", "AM-QUA-TRE") == nil)
            let tkReport = try reportDTO(try await tk.get("/api/v1/reports/\(tamKy)"))
            #expect(tkReport.summary.status == "returned")
            #expect(tkReport.returnComment == "Kiểm tra lại danh sách.")
            let told = try await tk.get("/api/v1/notifications").decode([NotificationsController.NotificationDTO].self)
            #expect(
                told.contains {
                    $0.kind == "reportReturned" && $0.text.contains("Huyện Kim Thành trả lại báo cáo")
                        && $0.text.contains("Kiểm tra lại danh sách.")
                })
            #expect(
                try await dc.get("/api/v1/notifications").decode([NotificationsController.NotificationDTO].self)
                    .contains { $0.kind == "reportApproved" })
            #expect(try await tk.send(.POST, "/api/v1/reports/\(tamKy)/submit", json: [:]).status == .ok)
            for id in [tamKy, daiDuc, phuThai] {
                #expect(try await district.send(.POST, "/api/v1/reports/\(id)/approve", json: [:]).status == .ok)
            }
            totals = try aggregate(try await district.get("/api/v1/aggregates?round=\(round.roundID)"))
            #expect(totals.value("AM-QUA-TRE") == 67)
            #expect(totals.child("Xã Đại Đức", "AM-QUA-TRE") == 30)

            // The district cannot submit while Hòa Bình has not reported, unless it says the figure is partial.
            let early = try await district.send(.POST, "/api/v1/reports/\(own)/submit", json: [:])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("Xã Hòa Bình"))
            let partial = try await district.send(.POST, "/api/v1/reports/\(own)/submit", json: ["partial": true])
            #expect(partial.status == .ok)
            #expect(try reportDTO(partial).summary.isPartial)

            // The province: two levels down.
            let province = try await APIClient.signIn(f.app, "hd.officer")
            let provinceTotals = try aggregate(try await province.get("/api/v1/aggregates?round=\(round.roundID)"))
            #expect(provinceTotals.unitName == "Tỉnh Hải Dương")
            #expect(provinceTotals.value("AM-QUA-TRE") == 67)
            #expect(provinceTotals.child("Huyện Kim Thành", "AM-QUA-TRE") == 67)
            let detail = try await province.get("/api/v1/rounds/\(round.roundID)").decode(
                ReportAPIController.RoundDetailDTO.self)
            #expect(detail.completeness.expected == 10)
            #expect(detail.completeness.submitted == 5)
            #expect(detail.completeness.approved == 4)
            #expect(detail.completeness.onTime == 5)
            #expect(detail.missing.count == 5)
            #expect(try await province.send(.POST, "/api/v1/reports/\(own)/approve", json: [:]).status == .ok)

            // 2026: the same 2024 figures add up under the communes they became, and under the new Hải Phòng.
            f.clock.set("2026-05-28T10:00:00+07:00")
            let city = try await APIClient.signIn(f.app, "city.officer")
            let merged = try aggregate(
                try await city.get("/api/v1/aggregates?round=\(round.roundID)&unit=31&asOf=2026-06-30"))
            #expect(merged.unitName == "Thành phố Hải Phòng")
            #expect(merged.value("AM-QUA-TRE") == 67)
            #expect(merged.child("Xã Kim Thành", "AM-QUA-TRE") == 60, "Đồng Cẩm 10 + Tam Kỳ 20 + Đại Đức 30")
            #expect(merged.child("Xã Phú Thái", "AM-QUA-TRE") == 7)
            let kimThanh = try await APIClient.signIn(f.app, "a.officer")
            #expect(
                try aggregate(try await kimThanh.get("/api/v1/aggregates?round=\(round.roundID)")).value("AM-QUA-TRE")
                    == 60)
            #expect(
                try await kimThanh.get("/api/v1/reports/\(dongCam)").status == .ok,
                "a commune reads the reports of the communes merged into it")
            // Phú Thái, a sibling, sees none of Kim Thành's.
            let phuThai2026 = try await APIClient.signIn(f.app, "b.officer")
            #expect(
                try await phuThai2026.get("/api/v1/aggregates?round=\(round.roundID)&unit=10804").status == .notFound)
            #expect(try await phuThai2026.get("/api/v1/reports/\(dongCam)").status == .notFound)
            #expect(
                try aggregate(try await phuThai2026.get("/api/v1/aggregates?round=\(round.roundID)")).value(
                    "AM-QUA-TRE") == 7)
        }
    }

    @Test("Two officers saving one draft: the second is told, nothing is lost silently")
    func concurrentSaves() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let dongCam = try #require(round.reports["10804"])
            let unit = try await unitID("10804", on: "2024-06-30", app: f.app)
            try await addUser("dongcam.second", role: .officer, unit: unit, app: f.app)
            let first = try await APIClient.signIn(f.app, "dongcam.officer")
            let second = try await APIClient.signIn(f.app, "dongcam.second")
            let version = try reportDTO(try await first.get("/api/v1/reports/\(dongCam)")).version
            #expect(
                try await first.send(
                    .PUT, "/api/v1/reports/\(dongCam)/values",
                    json: ["version": version, "values": [["indicator": "AM-LOP-BOI", "value": 2]]]
                ).status == .ok)
            let stale = try await second.send(
                .PUT, "/api/v1/reports/\(dongCam)/values",
                json: ["version": version, "values": [["indicator": "AM-LOP-BOI", "value": 3]]])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("vừa được người khác lưu"))
            let now = try reportDTO(try await second.get("/api/v1/reports/\(dongCam)"))
            #expect(now.values.first { $0.indicator == "AM-LOP-BOI" }?.number == 2)
        }
    }
}
