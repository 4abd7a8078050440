import Fluent
import Foundation
import TreEmCore

/// The year library, filled with the themes known when it was written (`YearTheme.builtIn`).
struct M006_CreateYearThemes: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(YearThemeModel.schema)
            .id()
            .field("year", .int, .required)
            .field("theme", .string, .required)
            .field("slogans", .string, .required)
            .unique(on: "year")
            .create()
        for theme in YearTheme.builtIn {
            try await YearThemeModel(theme).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(YearThemeModel.schema).delete()
    }
}
