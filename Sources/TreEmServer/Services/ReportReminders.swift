import Fluent
import Foundation
import TreEmCore
import Vapor

/// What the officers of a reporting unit hear: a reminder that their report is awaited, and the
/// level above's approval or return — in the app, and by e-mail when it is configured.
enum ReportReminders {
    /// Notifies the active officers of each report's unit, with that report's text (in the
    /// caller's transaction; the e-mail waits in the outbox). Returns how many were told.
    static func tell(_ notices: [(report: ReportModel, text: String)], kind: NotificationModel.Kind, settings: Settings,
                     at now: Date, on db: Database) async throws -> Int {
        let officers = try await UserModel.query(on: db).filter(\.$unit.$id ~~ notices.map(\.report.$unit.id))
            .filter(\.$isActive == true).filter(\.$role ~~ [.officer, .unitAdministrator]).all()
        var mail: [Mailer.Message] = []
        var count = 0
        for (report, text) in notices {
            for officer in officers where officer.$unit.id == report.$unit.id {
                let note = NotificationModel()
                note.$user.id = try officer.requireID()
                note.kind = kind
                note.text = text
                note.link = "/reports/\(try report.requireID().uuidString)"
                note.createdAt = now
                try await note.create(on: db)
                count += 1
                if let email = officer.email, !email.isEmpty {
                    mail.append(Mailer.Message(to: email, subject: "[TreEm] " + text, body: "\(text)\n\nXem trong TreEm: \(note.link)\n"))
                }
            }
        }
        try await MailOutbox.enqueue(mail, at: now, settings: settings, on: db)
        return count
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
            let notices = missing.map { report in
                (report: report, text: "\(unit.name) nhắc \(report.unit.name) gửi \(round.title)"
                    + (report.deadlineDay.map { " trước ngày \($0.vietnameseShort)" } ?? "") + ".")
            }
            let count = try await tell(notices, kind: .reportReminder, settings: settings, at: now, on: tx)
            try await req.audit(.reportReminded, recordType: "report_round", recordID: round.id?.uuidString, unitID: unit.id,
                                summary: "Nhắc \(missing.count) đơn vị chưa gửi \(round.title)", on: tx)
            return count
        }
        MailOutbox.kick(req.application)
        return (count, missing.map(\.unit.name))
    }
}
