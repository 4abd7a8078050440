import Fluent
import FluentSQL

/// A unit divided between several successors (an old commune split among new ones in 2025)
/// names one default successor; its figures are counted there only. The closure table says,
/// for each pair, whether the descendant's figures count in the ancestor's totals — every
/// successor still sees the divided unit's records. Existing links and pairs count, as before.
struct M018_AddDefaultSuccessors: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UnitSuccessionModel.schema)
            .field("is_default", .bool, .required, .sql(.default(true)))
            .update()
        try await database.schema(UnitScopeModel.schema)
            .field("counted", .bool, .required, .sql(.default(true)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UnitScopeModel.schema).deleteField("counted").update()
        try await database.schema(UnitSuccessionModel.schema).deleteField("is_default").update()
    }
}
