import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// Browsing the audit log: read-only by construction, no route anywhere writes to an entry.
extension AuditLog {
    struct Filter: Content {
        var action: String?
        var user: String?
        var from: String?
        var to: String?
        var record: String?
        var before: String?
    }

    struct EntryRow: Encodable, Content {
        var id: String
        var occurredAt: String
        var actor: String
        var action: String
        var recordType: String?
        var recordID: String?
        var summary: String
        var address: String
    }

    static let pageSize = 100

    /// Entries the caller may read, newest first: all for a system administrator; for a unit
    /// administrator, those about their scope and those they wrote.
    static func entries(filter: Filter, for caller: CurrentUser, on db: Database) async throws -> [EntryRow] {
        guard caller.role.isAdministrator else { throw Abort(.notFound) }
        let query = AuditEntryModel.query(on: db)
        if !caller.seesEverything {
            let root = caller.unitID ?? UUID()
            query.group(.or) {
                $0.filter(UnitScopeModel.filter("unit_id", below: root))
                    .filter(\.$actorID == caller.id)
            }
        }
        if let action = filter.action, !action.isEmpty { query.filter(\.$action == action) }
        if let user = filter.user.map(VietnameseText.clean), !user.isEmpty {
            query.filter(\.$actorUsername == user.lowercased())
        }
        if let record = filter.record, !record.isEmpty { query.filter(\.$recordID == record) }
        if let from = filter.from.flatMap(CalendarDay.init(iso:)) {
            query.filter(\.$occurredAt >= Date(timeIntervalSince1970: from.vietnamStart))
        }
        if let to = filter.to.flatMap(CalendarDay.init(iso:)) {
            query.filter(\.$occurredAt < Date(timeIntervalSince1970: to.adding(days: 1).vietnamStart))
        }
        if let before = filter.before.flatMap(Double.init) {
            query.filter(\.$occurredAt < Date(timeIntervalSince1970: before))
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy HH:mm:ss"
        formatter.timeZone = TimeZone(secondsFromGMT: CalendarDay.vietnamOffsetSeconds)
        return try await query.sort(\.$occurredAt, .descending).limit(pageSize).all().map {
            EntryRow(
                id: $0.id?.uuidString ?? "", occurredAt: formatter.string(from: $0.occurredAt), actor: $0.actorUsername,
                action: $0.action, recordType: $0.recordType, recordID: $0.recordID, summary: $0.summary,
                address: $0.address)
        }
    }
}
