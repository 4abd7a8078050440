import Fluent
import TreEmCore
import Vapor

extension Request {
    /// The interface language: Vietnamese unless the person chose English (the `treem_lang`
    /// cookie). The browser's own language is not consulted: many officers' machines are set
    /// to English, and the interface is Vietnamese first.
    var language: Language {
        Language(code: cookies["treem_lang"]?.string)
    }

    var currentUser: CurrentUser {
        get throws { try auth.require(CurrentUser.self) }
    }
}

/// Reads the session cookie.
struct WebSessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let token = request.cookies[Accounts.sessionCookie]?.string,
            let user = try await Accounts.user(
                forToken: token, kind: .web, idleTimeout: request.application.treem.settings.idleTimeout,
                now: request.now, on: request.db)
        {
            request.auth.login(user)
        }
        return try await next.respond(to: request)
    }
}

/// Pages behind sign-in: a visitor goes to the login page; a one-time password must be changed first.
struct RequireWebUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(CurrentUser.self) else {
            let target =
                request.url.path == "/"
                ? "/login"
                : "/login?next=\(request.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["/"])) ?? "/")"
            return request.redirect(to: target)
        }
        if user.mustChangePassword, !["/account/password", "/logout"].contains(request.url.path) {
            return request.redirect(to: "/account/password")
        }
        return try await next.respond(to: request)
    }
}

/// Synchronizer-token CSRF check on every form POST. Signed-in forms carry the session's token;
/// the login form carries the token of a short-lived pre-session cookie.
struct CSRFMiddleware: AsyncMiddleware {
    static let preSessionCookie = "treem_csrf"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        // A large form arrives in several chunks; gather it before reading the token.
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        let sent =
            (try? request.content.get(String.self, at: "csrf_token")) ?? request.headers.first(name: "X-CSRF-Token")
        let expected = request.auth.get(CurrentUser.self)?.csrfToken ?? request.cookies[Self.preSessionCookie]?.string
        guard let sent, let expected, !expected.isEmpty,
            sent.utf8.count == expected.utf8.count,
            zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại.",
                    en: "The form has expired or is invalid. Reload the page and try again."))
        }
        return try await next.respond(to: request)
    }
}

/// Reads `Authorization: Bearer …` for the JSON API.
struct APITokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let user = try await Accounts.user(
            forToken: bearer.token, kind: .api, idleTimeout: request.application.treem.settings.idleTimeout,
            now: request.now, on: request.db)
        {
            request.auth.login(user)
        }
    }
}

struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(CurrentUser.self) else {
            throw UserFacingError(
                .unauthorized,
                Bilingual(
                    vi: "Cần đăng nhập: gửi mã truy cập trong tiêu đề Authorization: Bearer.",
                    en: "Sign-in required: send a token in the Authorization: Bearer header."))
        }
        if user.mustChangePassword, request.url.path != "/api/v1/me/password" {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Phải đổi mật khẩu dùng một lần trước (POST /api/v1/me/password).",
                    en: "The one-time password must be changed first (POST /api/v1/me/password)."))
        }
        return try await next.respond(to: request)
    }
}
