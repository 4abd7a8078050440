import Fluent
import FluentSQL
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Migrations")
struct MigrationTests {
    @Test("Every migration goes up, all revert, and all go up again on the same database")
    func downAndUp() async throws {
        try await withTreEm { f in
            #expect(try await UnitModel.query(on: f.app.db).count() > 0)
            try await f.app.autoRevert()
            let sql = f.app.db as! any SQLDatabase
            // Only Fluent's own bookkeeping table may be left.
            let tables: [String]
            if sql.dialect.name == "sqlite" {
                tables = try await sql.raw(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
                .all(decodingColumn: "name", as: String.self)
            } else {
                tables = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                    .all(decodingColumn: "tablename", as: String.self)
            }
            #expect(Set(tables).subtracting(["_fluent_migrations"]).isEmpty, "left behind: \(tables)")
            try await f.app.autoMigrate()
            try await DemoData.load(on: f.app.db, at: f.clock.now, slice: DemoData.seedSlice)
            #expect(try await UnitModel.query(on: f.app.db).count() > 0)
            // The rows the migrations carry read back as today's built-in forms and themes; when
            // those change, the change needs a migration of its own and this test says so.
            let forms = try await ReportFormModel.query(on: f.app.db).filter(\.$isBuiltIn == true).sort(\.$code).all()
            let current = forms.filter { $0.replacedBy == nil }
            #expect(try current.map { try $0.form() } == ReportForm.builtIn.sorted { $0.code < $1.code })
            // The first edition stays for its rounds and names the edition that replaced it.
            #expect(
                Dictionary(uniqueKeysWithValues: forms.compactMap { f in f.replacedBy.map { (f.code, $0) } })
                    == ReportForm.firstEditionReplacedBy)
            let themes = try await YearThemeModel.query(on: f.app.db).sort(\.$year).all().map(\.value)
            #expect(themes == YearTheme.builtIn.sorted { $0.year < $1.year })
            // The rebuilt schema works as before: a new officer signs in and the sign-in is audited.
            try await addUser(
                "lai.officer", role: .officer, unit: try await unitID(Fixture.communeA, app: f.app), app: f.app)
            let api = try await APIClient.signIn(f.app, "lai.officer")
            #expect(try await api.get("/api/v1/me").status == .ok)
            #expect(try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "auth.token_issued").count() == 1)
        }
    }
}
