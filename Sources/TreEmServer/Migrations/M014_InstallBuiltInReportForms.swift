import Fluent
import Foundation
import SQLKit

/// The two forms TreEm ships, as they were when this migration landed (`rows`, a copy of
/// TreEmCore's `ReportForm.builtIn` then); a later change to them comes with a migration of its own.
struct M014_InstallBuiltInReportForms: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        for row in Self.rows {
            try await sql.insert(into: "report_forms")
                .columns("id", "code", "name", "plan_kind", "definition", "is_built_in", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(row.code), SQLBind(row.name), SQLBind(row.planKind),
                    SQLBind(row.definition),
                    SQLBind(true), SQLBind(Date())
                )
                .run()
        }
    }

    func revert(on database: Database) async throws {
        try await (database as! any SQLDatabase).delete(from: "report_forms").where("is_built_in", .equal, true).run()
    }
}
