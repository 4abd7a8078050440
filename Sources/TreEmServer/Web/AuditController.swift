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
        var entries: [AuditLog.EntryRow]
        var actions: [String]
        var filter: AuditLog.Filter
    }

    @Sendable func list(req: Request) async throws -> Response {
        let filter = try req.query.decode(AuditLog.Filter.self)
        let entries = try await AuditLog.entries(filter: filter, for: try req.currentUser, on: req.db)
        try await AuditLog.recordView(entries: entries.count, req.auditStamp, on: req.db)
        return try await req.page(
            "audit", title: "audit_title",
            ListView(entries: entries, actions: AuditLog.Action.allCases.map(\.rawValue), filter: filter))
    }
}
