import Fluent

/// E-mail waits here until the SMTP server has taken it: written in the same transaction as the
/// notification it tells of, so a failed or interrupted send is retried rather than lost.
struct M012_CreateMailOutbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OutgoingMailModel.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OutgoingMailModel.schema).delete()
    }
}
