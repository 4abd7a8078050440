import Fluent
import SQLKit

struct M005_CreatePlans: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PlanModel.schema)
            .id()
            .field("issuer_unit_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("status", .string, .required)
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("number", .string)
            .field("title", .string, .required)
            .field("issued_on", .string)
            .field("parent_plan_id", .uuid, .references(PlanModel.schema, "id"))
            .field("supersedes_id", .uuid, .references(PlanModel.schema, "id"))
            .field("version", .int, .required)
            .field("document", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "plans_issuer").on(PlanModel.schema).column("issuer_unit_id").run()
        try await sql.create(index: "plans_parent").on(PlanModel.schema).column("parent_plan_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PlanModel.schema).delete()
    }
}
