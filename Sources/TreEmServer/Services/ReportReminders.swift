import Fluent
import Foundation
import SQLKit
import TreEmCore
import Vapor

/// What the officers of a reporting unit hear: a reminder that their report is awaited, and the
/// level above's approval or return — in the app, and by e-mail when it is configured.
enum ReportReminders {
    /// Notifies the active officers of each report's unit, with that report's text (in the
    /// caller's transaction; the e-mail waits in the outbox). Returns how many were told.
    /// Whose officers hear of a report: the unit that fills it, or the unit that reviews it.
    enum Audience {
        case reportingUnit, reviewingUnit

        func unitID(of report: ReportModel) -> UUID? {
            switch self {
            case .reportingUnit: report.$unit.id
            case .reviewingUnit: report.$reviewer.id
            }
        }
    }

    static func tell(
        _ notices: [(report: ReportModel, text: String)], kind: NotificationModel.Kind, settings: Settings,
        at now: Date, audience: Audience = .reportingUnit, on db: Database
    ) async throws -> Int {
        let units = notices.compactMap { audience.unitID(of: $0.report) }
        guard !units.isEmpty else { return 0 }
        let officers = try await UserModel.query(on: db).filter(\.$unit.$id ~~ units)
            .filter(\.$isActive == true).filter(\.$role ~~ [.officer, .unitAdministrator]).all()
        var mail: [Mailer.Message] = []
        var count = 0
        for (report, text) in notices {
            for officer in officers where officer.$unit.id == audience.unitID(of: report) {
                let note = NotificationModel()
                note.$user.id = try officer.requireID()
                note.kind = kind
                note.text = text
                note.link = "/reports/\(try report.requireID().uuidString)"
                note.createdAt = now
                try await note.create(on: db)
                count += 1
                if let email = officer.email, !email.isEmpty {
                    mail.append(
                        Mailer.Message(
                            to: email, subject: "[TreEm] " + text, body: "\(text)\n\nXem trong TreEm: \(note.link)\n"))
                }
            }
        }
        try await MailOutbox.enqueue(mail, at: now, settings: settings, on: db)
        return count
    }

    struct Reminded {
        var people: Int
        var units: [String]
        /// Missing units already reminded earlier the same day, left alone this time.
        var alreadyToday: [String]
    }

    /// "Nhắc nộp báo cáo": the level above reminds every unit below it whose report is still
    /// missing — each at most once a day (Hanoi time), however often the button is pressed.
    static func remind(_ round: ReportRoundModel, below unit: UnitModel, by acting: Acting) async throws -> Reminded {
        let (user, settings, now, db) = (acting.user, acting.treem.settings, acting.now, acting.db)
        guard
            AccessPolicy.allows(
                user.role, .remindUnits,
                relations: UnitDirectory.relations(of: try unit.requireID(), to: user))
        else {
            throw UserFacingError(
                .forbidden, Bilingual(vi: "Chỉ cán bộ được gửi lời nhắc.", en: "Only officers can send reminders."))
        }
        let overview = try await ReportRounds.overview(round, below: unit, now: now, on: db)
        let missing = overview.missing
        guard !missing.isEmpty else { return Reminded(people: 0, units: [], alreadyToday: []) }
        let today = CalendarDay(vietnamTimeOf: now).iso
        let reminded = try await db.transaction { tx -> Reminded in
            // The claim comes first, as one conditional UPDATE: of two presses at the same
            // moment only one gets each report back.
            let sql = tx as! any SQLDatabase
            let claimed = try await sql.update(ReportModel.schema)
                .set("reminded_on", to: today)
                .where("id", .in, try missing.map { try $0.requireID() })
                .where { $0.where("reminded_on", .is, SQLLiteral.null).orWhere("reminded_on", .notEqual, today) }
                .returning("id")
                .all(decodingColumn: "id", as: UUID.self)
            let claimedIDs = Set(claimed)
            let toRemind = missing.filter { $0.id.map(claimedIDs.contains) ?? false }
            let skipped = missing.filter { !($0.id.map(claimedIDs.contains) ?? false) }.map(\.unit.name)
            guard !toRemind.isEmpty else { return Reminded(people: 0, units: [], alreadyToday: skipped) }
            let notices = toRemind.map { report in
                (
                    report: report,
                    text: "\(unit.name) nhắc \(report.unit.name) gửi \(round.title)"
                        + (report.deadlineDay.map { " trước ngày \($0.vietnameseShort)" } ?? "") + "."
                )
            }
            let count = try await tell(notices, kind: .reportReminder, settings: settings, at: now, on: tx)
            try await acting.audit(
                .reportReminded, recordType: "report_round", recordID: round.id?.uuidString, unitID: unit.id,
                summary: "Nhắc \(toRemind.count) đơn vị chưa gửi \(round.title)", on: tx)
            return Reminded(people: count, units: toRemind.map(\.unit.name), alreadyToday: skipped)
        }
        acting.deliverMail()
        return reminded
    }
}
