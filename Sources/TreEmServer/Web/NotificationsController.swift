import Fluent
import TreEmCore
import Vapor

/// The person's notifications, on a page and in the API.
struct NotificationsController {
    func bootWeb(routes: RoutesBuilder) {
        routes.get("notifications", use: page)
        routes.post("notifications", "read", use: markReadWeb)
    }

    func bootAPI(routes: RoutesBuilder) {
        routes.get("notifications", use: list)
        routes.post("notifications", "read", use: markReadAPI)
    }

    struct NotificationDTO: Content {
        var id: String
        var kind: String
        var kindLabel: String
        var text: String
        var link: String
        var createdAt: Date
        var read: Bool
    }

    static func notifications(for user: CurrentUser, on db: Database) async throws -> [NotificationDTO] {
        try await Notifications.latest(for: user, on: db).map {
            NotificationDTO(
                id: $0.id?.uuidString ?? "", kind: $0.kind.rawValue, kindLabel: label($0.kind), text: $0.text,
                link: $0.link,
                createdAt: $0.createdAt, read: $0.readAt != nil)
        }
    }

    static func label(_ kind: NotificationModel.Kind) -> String {
        switch kind {
        case .assigned: "Được giao"
        case .dueSoon: "Sắp đến hạn"
        case .overdue: "Quá hạn"
        case .reportReminder: "Nhắc báo cáo"
        case .reportApproved: "Báo cáo được duyệt"
        case .reportReturned: "Báo cáo bị trả lại"
        case .reportReopened: "Báo cáo được mở lại"
        case .reportArrived: "Báo cáo gửi đến"
        }
    }

    struct PageView: Encodable {
        var items: [NotificationDTO]
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await req.page(
            "notifications", title: "notifications_title",
            PageView(items: try await Self.notifications(for: try req.currentUser, on: req.db)))
    }

    @Sendable func markReadWeb(req: Request) async throws -> Response {
        try await Notifications.markRead(try req.currentUser, at: req.now, on: req.db)
        return req.redirect(to: "/notifications")
    }

    @Sendable func list(req: Request) async throws -> [NotificationDTO] {
        try await Self.notifications(for: try req.currentUser, on: req.db)
    }

    @Sendable func markReadAPI(req: Request) async throws -> HTTPStatus {
        try await Notifications.markRead(try req.currentUser, at: req.now, on: req.db)
        return .noContent
    }
}
