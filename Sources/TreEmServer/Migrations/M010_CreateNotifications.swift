import Fluent

/// In-app notifications: a task assigned, due in 3 days, overdue. One of each kind per task
/// and person (the unique key), so a repeated sweep never repeats a notification.
struct M010_CreateNotifications: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(NotificationModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("task_id", .uuid, .references(TaskModel.schema, "id"))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .unique(on: "user_id", "task_id", "kind")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(NotificationModel.schema).delete()
    }
}
