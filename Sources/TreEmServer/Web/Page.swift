import Leaf
import TreEmCore
import Vapor

/// What every page's layout needs: the language and its strings, the signed-in person, the
/// CSRF token for forms.
struct PageFrame: Encodable {
    struct Badge: Encodable {
        var username: String
        var displayName: String
        var role: String
        var isAdministrator: Bool
        var isSystemAdministrator: Bool
    }

    var lang: String
    var otherLang: String
    var t: [String: String]
    var title: String
    var user: Badge?
    var csrf: String
    var path: String
    /// Unread notifications of the signed-in person.
    var unread: Int = 0
}

/// A page: the frame plus the page's own view model.
struct Page<Content: Encodable>: Encodable {
    var frame: PageFrame
    var content: Content
}

extension Request {
    func frame(title: String) -> PageFrame {
        let language = self.language
        let user = auth.get(CurrentUser.self)
        return PageFrame(
            lang: language.rawValue,
            otherLang: language == .vi ? "en" : "vi",
            t: InterfaceText.table(language),
            title: title,
            user: user.map {
                .init(
                    username: $0.username, displayName: $0.displayName, role: $0.role.label(language),
                    isAdministrator: $0.role.isAdministrator,
                    isSystemAdministrator: $0.role == .systemAdministrator)
            },
            csrf: user?.csrfToken ?? cookies[CSRFMiddleware.preSessionCookie]?.string ?? "",
            path: url.path)
    }

    /// Renders `template` inside the layout; `titleKey` names an `InterfaceText` entry or is the title itself.
    func page<Content: Encodable>(
        _ template: String, title titleKey: String, _ content: Content,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let title = InterfaceText.entries[titleKey]?.text(language) ?? titleKey
        var frame = frame(title: title)
        if let user = auth.get(CurrentUser.self) {
            frame.unread = try await Notifications.unreadCount(for: user, on: db)
        }
        let view = try await self.view.render(template, Page(frame: frame, content: content))
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }

    func text(_ key: String) -> String {
        InterfaceText.entries[key]?.text(language) ?? key
    }
}
