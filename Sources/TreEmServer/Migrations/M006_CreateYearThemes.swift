import Fluent
import Foundation
import SQLKit

/// The year library, filled with the themes known when it was written (`rows`, a copy of
/// TreEmCore's `YearTheme.builtIn` then).
struct M006_CreateYearThemes: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(YearThemeModel.schema)
            .id()
            .field("year", .int, .required)
            .field("theme", .string, .required)
            .field("slogans", .string, .required)
            .unique(on: "year")
            .create()
        let sql = database as! any SQLDatabase
        for row in Self.rows {
            try await sql.insert(into: "year_themes").columns("id", "year", "theme", "slogans")
                .values(SQLBind(UUID()), SQLBind(row.year), SQLBind(row.theme), SQLBind(row.slogans)).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(YearThemeModel.schema).delete()
    }
}
