import Fluent

/// The day (Hanoi time) a report's unit was last reminded, so that "remind the missing units"
/// reaches each unit at most once a day however often it is pressed.
struct M016_AddReportRemindedOn: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReportModel.schema).field("reminded_on", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ReportModel.schema).deleteField("reminded_on").update()
    }
}
