import Fluent
import SQLKit

struct M001_CreateUnits: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UnitModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("level", .string, .required)
            .field("parent_id", .uuid, .references(UnitModel.schema, "id"))
            .field("valid_from", .string)
            .field("valid_to", .string)
            .unique(on: "code", "valid_from")
            .create()
        try await database.schema(UnitSuccessionModel.schema)
            .id()
            .field("predecessor_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("successor_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("effective_on", .string, .required)
            .unique(on: "predecessor_id", "successor_id")
            .create()
        try await database.schema(UnitScopeModel.schema)
            .id()
            .field("ancestor_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("descendant_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .unique(on: "ancestor_id", "descendant_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "administrative_units_parent").on(UnitModel.schema).column("parent_id").run()
        try await sql.create(index: "administrative_units_code").on(UnitModel.schema).column("code").run()
        try await sql.create(index: "unit_scope_descendant").on(UnitScopeModel.schema).column("descendant_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UnitScopeModel.schema).delete()
        try await database.schema(UnitSuccessionModel.schema).delete()
        try await database.schema(UnitModel.schema).delete()
    }
}
