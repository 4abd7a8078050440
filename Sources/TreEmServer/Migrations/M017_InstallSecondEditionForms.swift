import Fluent
import Foundation
import SQLKit

/// The built-in forms' second edition: the figures published Action Month results report and the
/// first edition could not hold (gifts as packages and child-times, recipient groups, value per
/// package, all funds, health and study support, participation, works for children, children
/// under 6 with health-insurance cards). The first edition stays for the rounds opened with it and
/// names the edition that replaced it (`replaced_by`), so new rounds take the second and last
/// year's figures of the first still compare.
struct M017_InstallSecondEditionForms: AsyncMigration {
    /// First edition → second, as `rows` were written.
    static let replacements = ["THANG-HANH-DONG": "THANG-HANH-DONG-2", "CONG-TAC-TRE-EM": "CONG-TAC-TRE-EM-2"]

    func prepare(on database: Database) async throws {
        try await database.schema("report_forms").field("replaced_by", .string).update()
        let sql = database as! any SQLDatabase
        for row in Self.rows {
            try await sql.insert(into: "report_forms")
                .columns("id", "code", "name", "plan_kind", "definition", "is_built_in", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(row.code), SQLBind(row.name), SQLBind(row.planKind),
                    SQLBind(row.definition), SQLBind(true), SQLBind(Date())
                )
                .run()
        }
        for (old, new) in Self.replacements {
            try await sql.update("report_forms").set("replaced_by", to: SQLBind(new)).where("code", .equal, old).run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.delete(from: "report_forms").where("code", .in, Self.rows.map(\.code)).run()
        try await database.schema("report_forms").deleteField("replaced_by").update()
    }
}
