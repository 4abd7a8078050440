import Fluent
import FluentSQL
import TreEmCore
import Vapor

/// Browsing the audit log. Read-only by construction: no route here or anywhere writes to an entry.
struct AuditController {
    func boot(routes: RoutesBuilder) {
        routes.get("audit", use: list)
    }

    struct ListView: Encodable {
        var entries: [Row]
        var actions: [SelectOption]
        var filter: AuditLog.Filter
    }

    /// An entry as the page shows it: the action in words, its code kept for the filter.
    struct Row: Encodable {
        var entry: AuditLog.EntryRow
        var actionLabel: String
    }

    @Sendable func list(req: Request) async throws -> Response {
        let filter = try req.query.decode(AuditLog.Filter.self)
        let entries = try await AuditLog.entries(filter: filter, for: try req.currentUser, on: req.db)
        try await AuditLog.recordView(entries: entries.count, req.auditStamp, on: req.db)
        return try await req.page(
            "audit", title: "audit_title",
            ListView(
                entries: entries.map { entry in
                    Row(
                        entry: entry,
                        actionLabel: AuditLog.Action(rawValue: entry.action).map {
                            AuditLog.label($0).text(req.language)
                        } ?? entry.action)
                },
                actions: AuditLog.Action.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: AuditLog.label($0).text(req.language),
                        selected: $0.rawValue == filter.action)
                }, filter: filter))
    }
}
