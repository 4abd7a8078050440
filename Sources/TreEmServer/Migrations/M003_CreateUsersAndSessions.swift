import Fluent
import SQLKit

struct M003_CreateUsersAndSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .uuid, .references(UnitModel.schema, "id"))
            .field("agency_id", .uuid, .references(AgencyModel.schema, "id"))
            .field("must_change_password", .bool, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(SessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginAttemptModel.schema)
            .id()
            .field("username", .string, .required)
            .field("address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "login_attempts_username").on(LoginAttemptModel.schema)
            .column("username").column("attempted_at").run()
        try await sql.create(index: "login_attempts_address").on(LoginAttemptModel.schema)
            .column("address").column("attempted_at").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(LoginAttemptModel.schema).delete()
        try await database.schema(SessionModel.schema).delete()
        try await database.schema(UserModel.schema).delete()
    }
}
