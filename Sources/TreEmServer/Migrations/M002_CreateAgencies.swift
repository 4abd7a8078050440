import Fluent
import SQLKit

struct M002_CreateAgencies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AgencyModel.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id"))
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("kind", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase)
            .create(index: "agencies_unit").on(AgencyModel.schema).column("unit_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AgencyModel.schema).delete()
    }
}
