import Fluent

/// An e-mail address for notifications (optional: many commune officers have none).
struct M011_AddUserEmail: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UserModel.schema).field("email", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UserModel.schema).deleteField("email").update()
    }
}
