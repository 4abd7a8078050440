import Fluent
import Foundation
import TreEmCore

/// A finished reporting round in the demo: Hải Dương's 2024 Action Month, opened from the
/// province's plan over its two districts and nine communes, with the figures the communes sent,
/// approved by their district. It shows completeness, the drill-down, and — viewed as of
/// 30/6/2026 — the 2024 figures of the communes merged in 2025 adding up under Xã Kim Thành and
/// Xã Phú Thái of the new Hải Phòng. The figures are made up (deterministic), not real.
enum DemoReports {
    static let provinceCode = "30"
    static let day = CalendarDay(year: 2024, month: 6, day: 30)!

    /// Loads the round unless one exists. Returns whether anything was loaded.
    @discardableResult
    static func load(on db: Database, at now: Date) async throws -> Bool {
        guard try await ReportRoundModel.query(on: db).count() == 0,
            let province = try await UnitModel.query(on: db).filter(\.$code == provinceCode).all().first(where: {
                $0.isValid(on: day)
            }),
            let form = try await ReportFormModel.query(on: db).filter(\.$code == ReportForm.actionMonthResults.code)
                .first()
        else { return false }
        try await db.transaction { tx in
            let plan = try PlanModel(issuerUnitID: try province.requireID(), document: document(), createdBy: nil)
            plan.status = .issued
            try await plan.create(on: tx)
            let deadline = CalendarDay(year: 2024, month: 7, day: 20)!
            let round = try await ReportRounds.create(
                plan: plan, form: form, root: province,
                title: "Báo cáo kết quả triển khai Tháng hành động vì trẻ em năm 2024",
                deadline: deadline, asOf: day, openedBy: nil,
                at: date("2024-05-20T08:00:00+07:00"), on: tx)
            let reports = try await ReportModel.query(on: tx).filter(\.$round.$id == round.requireID()).with(\.$unit)
                .all()
                .sortedVietnamese { $0.unit.name }
            for (index, report) in reports.enumerated() where report.depth == 2 {
                // One commune is still late with its report, as there always is one.
                let sent = report.unit.name != "Xã Tam Kỳ"
                try await fill(report, seed: index + 1, sent: sent, on: tx)
            }
            for report in reports where report.depth == 1 {
                try await fill(report, seed: 0, sent: true, ownFiguresOnly: true, on: tx)
            }
        }
        try await AuditLog.record(
            .demoDataLoaded, by: .system, recordType: "report_round",
            summary: "Nạp dữ liệu mẫu: đợt báo cáo Tháng hành động 2024 của tỉnh Hải Dương", address: "local", at: now,
            on: db)
        return true
    }

    static func document() -> PlanDocument {
        PlanDocument(
            kind: .actionMonth, issuerName: "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG", number: "94/KH-UBND", place: "Hải Dương",
            issueDate: PartialDate(year: 2024, month: 4, day: 15),
            title: "Triển khai Tháng hành động vì trẻ em năm 2024",
            bases: [PlanBasis(text: "Luật Trẻ em năm 2016")], purposes: ["Bảo đảm thực hiện quyền trẻ em."],
            theme: YearTheme.builtIn.first { $0.year == 2024 }?.theme,
            period: DateRange(start: CalendarDay(year: 2024, month: 6, day: 1)!, end: day),
            reporting: ReportingRequirement(
                deadline: CalendarDay(year: 2024, month: 7, day: 20)!, reportTo: "Ủy ban nhân dân tỉnh",
                via: "Sở Lao động - Thương binh và Xã hội"),
            recipients: ["UBND các huyện, thị xã, thành phố"],
            signature: Signature(
                onBehalfOf: "ỦY BAN NHÂN DÂN", authority: .deputy, headTitle: "CHỦ TỊCH", position: "PHÓ CHỦ TỊCH",
                name: "Nguyễn Minh Hùng"))
    }

    /// Figures that pass every rule (parts within their whole, breakdowns adding up), made from `seed`.
    static func figures(seed n: Int, ownFiguresOnly: Bool) -> [ValueKey: Double] {
        if ownFiguresOnly {
            // A district's own activities: its launch and its leaders' visits.
            return [
                ValueKey("AM-PHAT-DONG"): 1, ValueKey("AM-QUA-DS"): 20, ValueKey("AM-QUA-TRE"): 20,
                ValueKey("AM-TIEN-NS"): 10_000_000,
                ValueKey("AM-TT-SU-KIEN"): 1, ValueKey("AM-TT-LUOT"): 300,
            ]
        }
        let listed = Double(40 + (n * 7) % 30)
        let gifts = listed - Double(n % 5)
        let boys = (gifts / 2).rounded(.down)
        let young = (gifts / 3).rounded(.down)
        let taught = Double(25 + (n * 5) % 30)
        let sites = Double(3 + n % 7)
        return [
            ValueKey("AM-QUA-DS"): listed, ValueKey("AM-QUA-TRE"): gifts, ValueKey("AM-QUA-TRE", .male): boys,
            ValueKey("AM-QUA-TRE", .female): gifts - boys, ValueKey("AM-QUA-TRE", .age0to5): young,
            ValueKey("AM-QUA-TRE", .age6to10): young,
            ValueKey("AM-QUA-TRE", .age11to15): gifts - 2 * young, ValueKey("AM-QUA-HCDB"): (gifts / 4).rounded(.down),
            ValueKey("AM-TIEN-NS"): gifts * 300_000, ValueKey("AM-TIEN-XHH"): gifts * 150_000,
            ValueKey("AM-HIEN-VAT"): gifts * 50_000,
            ValueKey("AM-PHAT-DONG"): 1, ValueKey("AM-TT-SU-KIEN"): Double(2 + n % 4),
            ValueKey("AM-TT-LUOT"): Double(150 + (37 * n) % 200),
            ValueKey("AM-TT-BANG-RON"): Double(5 + n % 6), ValueKey("AM-TT-PHAT-THANH"): Double(8 + n % 10),
            ValueKey("AM-DIEN-DAN"): 1, ValueKey("AM-LAY-Y-KIEN"): Double(30 + n % 20),
            ValueKey("AM-HOAT-DONG-HE"): Double(4 + n % 5), ValueKey("AM-LOP-BOI"): Double(1 + n % 3),
            ValueKey("AM-HOC-BOI"): taught,
            ValueKey("AM-BIET-BOI"): taught - Double(n % 4), ValueKey("AM-NGUY-CO"): sites,
            ValueKey("AM-NGUY-CO-XU-LY"): sites - Double(n % 3),
            ValueKey("AM-XAM-HAI"): Double(n % 2), ValueKey("AM-DUOI-NUOC"): 0, ValueKey("AM-TNTT"): Double(n % 3),
        ]
    }

    private static func fill(
        _ report: ReportModel, seed: Int, sent: Bool, ownFiguresOnly: Bool = false, on db: Database
    ) async throws {
        let submitted = date("2024-06-2\(seed % 9 + 1)T15:30:00+07:00")
        var values: [ReportValueModel] = []
        for (key, number) in figures(seed: seed, ownFiguresOnly: ownFiguresOnly) {
            let value = ReportValueModel()
            value.$report.id = try report.requireID()
            value.roundID = report.$round.id
            value.unitID = report.$unit.id
            value.indicator = key.indicator
            value.part = key.part.rawValue
            value.number = number
            value.counted = sent
            value.updatedAt = submitted
            values.append(value)
        }
        // One statement per report: the whole country's demo round has some two hundred reports.
        try await values.create(on: db)
        report.results =
            ownFiguresOnly
            ? "Tổ chức lễ phát động Tháng hành động cấp huyện; lãnh đạo huyện thăm, tặng quà 20 trẻ em có hoàn cảnh đặc biệt."
            : "Tổ chức lễ phát động tại nhà văn hóa; thăm, tặng quà trẻ em có hoàn cảnh khó khăn; mở lớp dạy bơi dịp hè."
        report.difficulties = seed % 3 == 0 ? "Kinh phí vận động còn hạn chế; thiếu bể bơi cho lớp dạy bơi." : ""
        report.version = 1
        if sent {
            report.status = .approved
            report.submittedAt = submitted
            report.reviewedAt = submitted.addingTimeInterval(86_400)
        }
        try await report.save(on: db)
    }

    private static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0)
    }
}
