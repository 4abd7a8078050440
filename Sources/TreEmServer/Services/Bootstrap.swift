import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// First start: migrate, load the demo data, create the first administrator.
enum Bootstrap {
    /// Migrates the database; on SQLite also switches the file to WAL so readers never block the writer.
    static func prepareDatabase(_ app: Application) async throws {
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite",
            case .sqliteFile = app.treem.settings.database
        {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
    }

    struct FirstAdministrator {
        var username: String
        /// Nil when the password came from `TREEM_INITIAL_ADMIN_PASSWORD`.
        var oneTimePassword: String?
    }

    /// Creates `admin` when there is no user yet.
    static func createFirstAdministrator(_ app: Application) async throws -> FirstAdministrator? {
        guard try await UserModel.query(on: app.db).count() == 0 else { return nil }
        let given = app.treem.settings.initialAdminPassword
        let password = given ?? PasswordPolicy.oneTimePassword()
        let user = UserModel(
            username: "admin", displayName: "Quản trị hệ thống",
            passwordHash: try await Accounts.hash(password, app: app), role: .systemAdministrator,
            unitID: nil, agencyID: nil, mustChangePassword: given == nil)
        try await app.db.transaction { tx in
            try await user.create(on: tx)
            try await AuditLog.record(
                .userCreated, by: .system, recordType: "user", recordID: user.id?.uuidString,
                summary: "Tạo quản trị hệ thống đầu tiên admin", address: "local", at: app.treem.now(), on: tx)
        }
        return FirstAdministrator(username: "admin", oneTimePassword: given == nil ? password : nil)
    }
}
