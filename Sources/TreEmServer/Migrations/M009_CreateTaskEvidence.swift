import Fluent

/// Evidence files of progress entries, kept in the database so every server process (and a
/// backup of the database) has them.
struct M009_CreateTaskEvidence: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TaskEvidenceModel.schema)
            .id()
            .field("progress_id", .uuid, .required, .references(TaskProgressModel.schema, "id"))
            .field("task_id", .uuid, .required, .references(TaskModel.schema, "id"))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("content", .data, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TaskEvidenceModel.schema).delete()
    }
}
