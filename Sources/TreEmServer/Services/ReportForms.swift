import Fluent
import Foundation
import TreEmCore
import Vapor

/// Forms added by a system administrator, beside the two TreEm ships.
enum ReportForms {
    static func create(_ form: ReportForm, request req: Request) async throws -> ReportFormModel {
        let user = try req.currentUser
        guard user.role == .systemAdministrator else {
            throw UserFacingError(.forbidden, Bilingual(vi: "Chỉ quản trị hệ thống được thêm biểu mẫu.",
                                                        en: "Only system administrators can add forms."))
        }
        var form = form
        form.code = VietnameseText.clean(form.code).uppercased()
        form.name = VietnameseText.clean(form.name)
        let problems = form.problems()
        if !problems.isEmpty {
            throw ReportRejected(headline: Bilingual(vi: "Biểu mẫu chưa hợp lệ:", en: "The form is not valid:"), messages: problems)
        }
        if try await ReportFormModel.query(on: req.db).filter(\.$code == form.code).first() != nil {
            throw UserFacingError(.conflict, Bilingual(vi: "Đã có biểu mẫu mã \(form.code).", en: "A form with code \(form.code) exists."), field: "code")
        }
        let model = try ReportFormModel(form, builtIn: false)
        let summary = "Thêm biểu mẫu \(form.code) \"\(form.name)\" (\(form.indicators.count) chỉ tiêu)"
        try await req.db.transaction { tx in
            try await model.create(on: tx)
            try await req.audit(.reportFormCreated, recordType: "report_form", recordID: model.id?.uuidString,
                                summary: summary, on: tx)
        }
        return model
    }
}

/// "Nhắc nộp báo cáo": the level above tells the officers of every unit below it whose report is
/// still missing, in the app and by e-mail when it is configured.
enum ReportReminders {
    static func remind(_ round: ReportRoundModel, below unit: UnitModel, request req: Request) async throws -> (people: Int, units: [String]) {
        let user = try req.currentUser
        guard user.role >= .officer else {
            throw UserFacingError(.forbidden, Bilingual(vi: "Chỉ cán bộ được gửi lời nhắc.", en: "Only officers can send reminders."))
        }
        let overview = try await ReportRounds.overview(round, below: unit, now: req.now, on: req.db)
        let missing = overview.missing
        guard !missing.isEmpty else { return (0, []) }
        let officers = try await UserModel.query(on: req.db).filter(\.$unit.$id ~~ missing.map(\.$unit.id))
            .filter(\.$isActive == true).filter(\.$role ~~ [.officer, .unitAdministrator]).all()
        let settings = req.application.treem.settings
        let now = req.now
        let count = try await req.db.transaction { tx -> Int in
            var count = 0
            var mail: [Mailer.Message] = []
            for report in missing {
                let deadline = report.deadlineDay.map { " trước ngày \($0.vietnameseShort)" } ?? ""
                let text = "\(unit.name) nhắc \(report.unit.name) gửi \(round.title)\(deadline)."
                for officer in officers where officer.$unit.id == report.$unit.id {
                    let note = NotificationModel()
                    note.$user.id = try officer.requireID()
                    note.kind = .reportReminder
                    note.text = text
                    note.link = "/reports/\(try report.requireID().uuidString)"
                    note.createdAt = now
                    try await note.create(on: tx)
                    count += 1
                    if let email = officer.email, !email.isEmpty {
                        mail.append(Mailer.Message(to: email, subject: "[TreEm] " + text, body: "\(text)\n\nXem trong TreEm: \(note.link)\n"))
                    }
                }
            }
            try await MailOutbox.enqueue(mail, at: now, settings: settings, on: tx)
            try await req.audit(.reportReminded, recordType: "report_round", recordID: round.id?.uuidString, unitID: unit.id,
                                summary: "Nhắc \(missing.count) đơn vị chưa gửi \(round.title)", on: tx)
            return count
        }
        MailOutbox.kick(req.application)
        return (count, missing.map(\.unit.name))
    }
}
