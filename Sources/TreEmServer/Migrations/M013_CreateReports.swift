import Fluent
import SQLKit

/// Report forms, reporting rounds, each unit's report in a round and its figures.
struct M013_CreateReports: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReportFormModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("plan_kind", .string)
            .field("definition", .string, .required)
            .field("is_built_in", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(ReportRoundModel.schema)
            .id()
            .field("form_id", .uuid, .required, .references(ReportFormModel.schema, "id"))
            .field("plan_id", .uuid, .references(PlanModel.schema, "id"))
            .field("root_unit_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("as_of", .string, .required)
            .field("deadline", .string, .required)
            .field("opened_by", .uuid)
            .field("opened_at", .datetime, .required)
            .unique(on: "form_id", "root_unit_id", "year")
            .create()
        try await database.schema(ReportModel.schema)
            .id()
            .field("round_id", .uuid, .required, .references(ReportRoundModel.schema, "id"))
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("reviewer_unit_id", .uuid, .references(UnitModel.schema, "id"))
            .field("depth", .int, .required)
            .field("deadline", .string)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("is_partial", .bool, .required)
            .field("results", .string, .required)
            .field("difficulties", .string, .required)
            .field("proposals", .string, .required)
            .field("explanation", .string, .required)
            .field("return_comment", .string)
            .field("submitted_at", .datetime)
            .field("submitted_by", .uuid)
            .field("reviewed_at", .datetime)
            .field("reviewed_by", .uuid)
            .field("updated_at", .datetime)
            .unique(on: "round_id", "unit_id")
            .create()
        // round_id and unit_id are copied from the report so that a roll-up reads one table
        // joined to the scope closure; `counted` follows the report's status in the same transaction.
        try await database.schema(ReportValueModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("round_id", .uuid, .required, .references(ReportRoundModel.schema, "id"))
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("indicator", .string, .required)
            .field("part", .string, .required)
            .field("number", .double)
            .field("text", .string)
            .field("counted", .bool, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .uuid)
            .unique(on: "report_id", "indicator", "part")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "reports_round_reviewer").on(ReportModel.schema).column("round_id").column(
            "reviewer_unit_id"
        ).run()
        try await sql.create(index: "reports_unit").on(ReportModel.schema).column("unit_id").run()
        // A roll-up reads a round's counted figures from this index alone, already in
        // (indicator, part) order for a round's totals, and finds a figure's ancestors through the
        // closure's (descendant, ancestor) index when only part of a round is wanted.
        try await sql.create(index: "report_values_rollup").on(ReportValueModel.schema)
            .column("round_id").column("counted").column("indicator").column("part").column("unit_id").column("number")
            .run()
        try await sql.create(index: "unit_scope_up").on(UnitScopeModel.schema).column("descendant_id").column(
            "ancestor_id"
        ).run()
    }

    func revert(on database: Database) async throws {
        // The closure index belongs to unit_scope, which outlives this revert: drop it by name.
        try await (database as! any SQLDatabase).drop(index: "unit_scope_up").ifExists().run()
        try await database.schema(ReportValueModel.schema).delete()
        try await database.schema(ReportModel.schema).delete()
        try await database.schema(ReportRoundModel.schema).delete()
        try await database.schema(ReportFormModel.schema).delete()
    }
}
