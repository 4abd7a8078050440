import Fluent
import SQLKit

/// Closes the two ways around M004's append-only triggers. On SQLite, `INSERT OR REPLACE`
/// deletes the conflicting row without firing DELETE triggers (recursive triggers are off), so
/// an insert with an existing id is refused before it happens. On PostgreSQL, `TRUNCATE` fires
/// no row trigger, so a statement trigger refuses it.
struct M015_SealAuditLog: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_no_replace BEFORE INSERT ON audit_entries
                WHEN EXISTS (SELECT 1 FROM audit_entries WHERE id = NEW.id)
                BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION treem_audit_append_only()
                """
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_replace").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries").run()
        }
    }
}
