import Fluent

/// Plans from outside TreEm (the province's Word file, typed in or imported) are kept by the
/// unit that received them, marked external: readable and derivable, never issued here.
struct M007_AddExternalPlans: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PlanModel.schema)
            .field("is_external", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PlanModel.schema).deleteField("is_external").update()
    }
}
