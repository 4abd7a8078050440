import Fluent
import Foundation
import TreEmCore
import Vapor

/// What the officers of a reporting unit hear: a reminder that their report is awaited, and the
/// level above's approval or return — in the app, and by e-mail when it is configured.
enum ReportReminders {
    /// Notifies the active officers of the report's unit (in the caller's transaction; the e-mail
    /// waits in the outbox). Returns how many were told.
    static func tell(_ report: ReportModel, kind: NotificationModel.Kind, text: String, settings: Settings, at now: Date,
                     on db: Database) async throws -> Int {
        let officers = try await UserModel.query(on: db).filter(\.$unit.$id == report.$unit.id)
            .filter(\.$isActive == true).filter(\.$role ~~ [.officer, .unitAdministrator]).all()
        var mail: [Mailer.Message] = []
        for officer in officers {
            let note = NotificationModel()
            note.$user.id = try officer.requireID()
            note.kind = kind
            note.text = text
            note.link = "/reports/\(try report.requireID().uuidString)"
            note.createdAt = now
            try await note.create(on: db)
            if let email = officer.email, !email.isEmpty {
                mail.append(Mailer.Message(to: email, subject: "[TreEm] " + text, body: "\(text)\n\nXem trong TreEm: \(note.link)\n"))
            }
        }
        try await MailOutbox.enqueue(mail, at: now, settings: settings, on: db)
        return officers.count
    }

    /// "Nhắc nộp báo cáo": the level above reminds every unit below it whose report is still missing.
    static func remind(_ round: ReportRoundModel, below unit: UnitModel, request req: Request) async throws -> (people: Int, units: [String]) {
        let user = try req.currentUser
        guard user.role >= .officer else {
            throw UserFacingError(.forbidden, Bilingual(vi: "Chỉ cán bộ được gửi lời nhắc.", en: "Only officers can send reminders."))
        }
        let overview = try await ReportRounds.overview(round, below: unit, now: req.now, on: req.db)
        let missing = overview.missing
        guard !missing.isEmpty else { return (0, []) }
        let settings = req.application.treem.settings
        let now = req.now
        let count = try await req.db.transaction { tx -> Int in
            var count = 0
            for report in missing {
                let deadline = report.deadlineDay.map { " trước ngày \($0.vietnameseShort)" } ?? ""
                count += try await tell(report, kind: .reportReminder, text: "\(unit.name) nhắc \(report.unit.name) gửi \(round.title)\(deadline).",
                                        settings: settings, at: now, on: tx)
            }
            try await req.audit(.reportReminded, recordType: "report_round", recordID: round.id?.uuidString, unitID: unit.id,
                                summary: "Nhắc \(missing.count) đơn vị chưa gửi \(round.title)", on: tx)
            return count
        }
        MailOutbox.kick(req.application)
        return (count, missing.map(\.unit.name))
    }
}
