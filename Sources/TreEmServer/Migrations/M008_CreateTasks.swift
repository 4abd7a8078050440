import Fluent
import SQLKit

/// Tasks made from issued plans, and their append-only progress entries.
struct M008_CreateTasks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TaskModel.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanModel.schema, "id"))
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("plan_task_id", .string, .required)
            .field("derived_from_plan_task_id", .string)
            .field("agency_id", .uuid, .references(AgencyModel.schema, "id"))
            .field("agency_name", .string, .required)
            .field("role", .string, .required)
            .field("mode", .string, .required)
            .field("text", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("cancel_reason", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(TaskProgressModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskModel.schema, "id"))
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("text", .string, .required)
            .field("children_reached", .int)
            .field("amount_spent", .int64)
            .field("status_from", .string)
            .field("status_to", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "tasks_plan").on(TaskModel.schema).column("plan_id").run()
        try await sql.create(index: "tasks_agency").on(TaskModel.schema).column("agency_id").run()
        try await sql.create(index: "tasks_unit_due").on(TaskModel.schema).column("unit_id").column("due_on").run()
        try await sql.create(index: "tasks_derived_from").on(TaskModel.schema).column("derived_from_plan_task_id").run()
        try await sql.create(index: "task_progress_task").on(TaskProgressModel.schema).column("task_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TaskProgressModel.schema).delete()
        try await database.schema(TaskModel.schema).delete()
    }
}
