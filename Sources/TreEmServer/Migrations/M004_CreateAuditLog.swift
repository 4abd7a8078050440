import Fluent
import SQLKit

/// The audit log is append-only: besides offering no route that edits it, the database itself
/// refuses UPDATE and DELETE on it, so a bug or a hand-run query cannot rewrite history.
struct M004_CreateAuditLog: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_username", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string)
            .field("record_id", .string)
            .field("unit_id", .uuid)
            .field("summary", .string, .required)
            .field("address", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_entries_time").on(AuditEntryModel.schema).column("occurred_at").run()
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_entries
                    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION treem_audit_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION treem_audit_append_only()
                """
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntryModel.schema).delete()
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS treem_audit_append_only()").run()
        }
    }
}
