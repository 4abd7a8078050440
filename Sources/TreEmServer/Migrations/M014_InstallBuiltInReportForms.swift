import Fluent
import TreEmCore

/// The two forms TreEm ships (TreEmCore `ReportForm.builtIn`), as they were when this migration
/// landed; a later change to them comes with a migration of its own.
struct M014_InstallBuiltInReportForms: AsyncMigration {
    func prepare(on database: Database) async throws {
        for form in ReportForm.builtIn {
            try await ReportFormModel(form, builtIn: true).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await ReportFormModel.query(on: database).filter(\.$isBuiltIn == true).delete()
    }
}
