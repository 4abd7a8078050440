import Fluent
import Foundation
import TreEmCore
import Vapor

/// Tells the members of an agency about its tasks: when one is assigned, three days before it
/// is due, and when it is overdue.
enum Notifications {
    /// The person's 200 latest notifications, newest first.
    static func latest(for user: CurrentUser, on db: Database) async throws -> [NotificationModel] {
        try await NotificationModel.query(on: db).filter(\.$user.$id == user.id).sort(\.$createdAt, .descending)
            .limit(200).all()
    }

    /// Marks all the person's notifications read.
    static func markRead(_ user: CurrentUser, at now: Date, on db: Database) async throws {
        try await NotificationModel.query(on: db).filter(\.$user.$id == user.id).filter(\.$readAt == nil)
            .set(\.$readAt, to: now).update()
    }

    static let dueSoonDays = 3

    /// Notifies every active member of each task's agency; an existing notification of the same
    /// kind for the same task and person is left alone.
    /// Members with an e-mail address also get a message, queued in the same transaction and sent
    /// by `MailOutbox` once it has committed. Returns how many notifications were made.
    @discardableResult
    static func notify(
        _ kind: NotificationModel.Kind, about tasks: [TaskModel], at now: Date,
        settings: Settings, on db: Database
    ) async throws -> Int {
        let agencyIDs = Set(tasks.compactMap { $0.$agency.id })
        guard !agencyIDs.isEmpty else { return 0 }
        var mail: [Mailer.Message] = []
        let members = try await UserModel.query(on: db).filter(\.$agency.$id ~~ Array(agencyIDs)).filter(
            \.$isActive == true
        ).all()
        // Who has heard of which of these tasks already: one query, not one per task and member.
        struct Told: Hashable { var user: UUID; var task: UUID }
        let told = Set(
            try await NotificationModel.query(on: db).filter(\.$task.$id ~~ tasks.compactMap(\.id)).filter(
                \.$kind == kind
            ).all()
                .compactMap { note in note.$task.id.map { Told(user: note.$user.id, task: $0) } })
        var created = 0
        for task in tasks {
            guard let agencyID = task.$agency.id, let taskID = task.id else { continue }
            for member in members where member.$agency.id == agencyID {
                let memberID = try member.requireID()
                if told.contains(Told(user: memberID, task: taskID)) { continue }
                let note = NotificationModel()
                note.$user.id = memberID
                note.$task.id = taskID
                note.kind = kind
                note.text = text(kind, task)
                note.link = "/tasks/\(taskID.uuidString)"
                note.createdAt = now
                try await note.create(on: db)
                created += 1
                if let email = member.email, !email.isEmpty {
                    mail.append(
                        Mailer.Message(
                            to: email, subject: "[TreEm] " + note.text,
                            body: "\(note.text)\n\n\(task.text)\n\nXem trong TreEm: \(note.link)\n"))
                }
            }
        }
        try await MailOutbox.enqueue(mail, at: now, settings: settings, on: db)
        return created
    }

    static func text(_ kind: NotificationModel.Kind, _ task: TaskModel) -> String {
        let short = VietnameseText.shortened(task.text, to: 90)
        let due = task.due.map { " (hạn \($0.vietnameseShort))" } ?? ""
        switch kind {
        case .assigned: return "Nhiệm vụ mới cho \(task.agencyName): \(short)\(due)"
        case .dueSoon: return "Sắp đến hạn\(due): \(short)"
        case .overdue: return "Quá hạn\(due): \(short)"
        case .reportReminder, .reportApproved, .reportReturned, .reportReopened, .reportArrived: return short
        }
    }

    /// Finds open tasks due within three days or overdue and notifies their agencies. Run on a
    /// timer by `treem serve`; safe to run as often as wanted.
    @discardableResult
    static func sweep(at now: Date, settings: Settings, on db: Database) async throws -> Int {
        let today = CalendarDay(vietnamTimeOf: now)
        let soon = today.adding(days: dueSoonDays).iso
        let open = try await TaskModel.query(on: db)
            .filter(\.$status ~~ [TaskStatus.notStarted, TaskStatus.inProgress])
            .filter(\.$dueOn <= soon).filter(\.$agency.$id != nil).all()
        let overdue = open.filter { TaskRules.isOverdue(due: $0.due, status: $0.status, today: today) }
        let dueSoon = open.filter { !TaskRules.isOverdue(due: $0.due, status: $0.status, today: today) }
        return try await db.transaction { tx in
            let late = try await notify(.overdue, about: overdue, at: now, settings: settings, on: tx)
            return late + (try await notify(.dueSoon, about: dueSoon, at: now, settings: settings, on: tx))
        }
    }

    static func unreadCount(for user: CurrentUser, on db: Database) async throws -> Int {
        try await NotificationModel.query(on: db).filter(\.$user.$id == user.id).filter(\.$readAt == nil).count()
    }
}

/// Stops a background loop when the application shuts down.
struct CancelOnShutdown: LifecycleHandler {
    let task: Task<Void, Never>

    func shutdownAsync(_ application: Application) async {
        task.cancel()
    }
}

extension Notifications {
    /// Runs the sweep, and sends the e-mail that is due, every ten minutes while `treem serve` runs.
    static func startSweeping(_ app: Application) {
        let task = Task {
            while !Task.isCancelled {
                do {
                    try await sweep(at: app.treem.now(), settings: app.treem.settings, on: app.db)
                } catch {
                    app.logger.warning("Notification sweep failed: \(error)")
                }
                await MailOutbox.deliverDue(app)
                try? await Task.sleep(for: .seconds(600))
            }
        }
        app.lifecycle.use(CancelOnShutdown(task: task))
    }
}
