import Fluent
import TreEmCore
import Vapor

/// Sign-in, sign-out, password change and the language switch.
struct AuthController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("login", use: loginPage)
        routes.post("login", use: login)
        routes.get("language", ":code", use: switchLanguage)
    }

    func bootSignedIn(routes: RoutesBuilder) {
        routes.post("logout", use: logout)
        routes.get("account", "password", use: passwordPage)
        routes.post("account", "password", use: changePassword)
    }

    struct LoginView: Encodable {
        var error: String?
        var username: String
        var next: String
    }

    @Sendable func loginPage(req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: "/") }
        return try await renderLogin(req, LoginView(error: nil, username: "", next: safeNext(req.query["next"])))
    }

    private func renderLogin(
        _ req: Request, _ view: LoginView, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        // A fresh pre-session CSRF token for the login form (double-submit: cookie and field).
        let token = Tokens.random()
        req.cookies[CSRFMiddleware.preSessionCookie] = .init(string: token)
        let response = try await req.page("login", title: "login_title", view, status: status)
        response.cookies[CSRFMiddleware.preSessionCookie] = cookie(token, req: req, maxAge: 3600)
        return response
    }

    struct LoginForm: Content {
        var username: String
        var password: String
        var next: String?
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = safeNext(form.next)
        let result: Accounts.SignInResult
        do {
            result = try await Accounts.signIn(
                username: form.username, password: form.password, kind: .web, in: req.accounts)
        } catch is BoundedWork.Busy {
            let message = Bilingual(
                vi: "Máy chủ đang bận với nhiều lượt đăng nhập cùng lúc. Hãy thử lại sau vài giây.",
                en: "The server is busy with many sign-ins at once. Try again in a few seconds.")
            let response = try await renderLogin(
                req, LoginView(error: message.text(req.language), username: form.username, next: next),
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: "5")
            return response
        }
        switch result {
        case .signedIn(let token, let user, _):
            let response = req.redirect(to: user.mustChangePassword ? "/account/password" : next)
            response.cookies[Accounts.sessionCookie] = cookie(token, req: req, maxAge: nil)
            response.cookies[CSRFMiddleware.preSessionCookie] = cookie("", req: req, maxAge: 0)
            return response
        case .wrongCredentials:
            return try await renderLogin(
                req, LoginView(error: req.text("login_wrong"), username: form.username, next: next),
                status: .unauthorized)
        case .throttled(let seconds):
            return try await renderLogin(
                req,
                LoginView(
                    error: Accounts.throttledMessage(seconds).text(req.language),
                    username: form.username, next: next),
                status: .tooManyRequests)
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        let user = try req.currentUser
        try await Accounts.endSession(user, on: req.db)
        try await req.audit(
            .signOut, recordType: "user", recordID: user.id.uuidString, unitID: user.unitID, summary: "Đăng xuất")
        let response = req.redirect(to: "/login")
        response.cookies[Accounts.sessionCookie] = cookie("", req: req, maxAge: 0)
        return response
    }

    struct PasswordView: Encodable {
        var mustChange: Bool
        var error: String?
        var errorField: String?
        var done: Bool
        /// What a new password must be, stated before the first try.
        var rules: [String]
    }

    private func passwordView(
        _ req: Request, mustChange: Bool, error: UserFacingError? = nil, done: Bool = false
    ) -> PasswordView {
        PasswordView(
            mustChange: mustChange, error: error?.message.text(req.language), errorField: error?.field, done: done,
            rules: PasswordPolicy.rules.map { $0.text(req.language) })
    }

    @Sendable func passwordPage(req: Request) async throws -> Response {
        let user = try req.currentUser
        return try await req.page(
            "password", title: "password_title",
            passwordView(req, mustChange: user.mustChangePassword))
    }

    struct PasswordForm: Content {
        var current_password: String
        var new_password: String
        var confirmation: String
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        var user = try req.currentUser
        let form = try req.content.decode(PasswordForm.self)
        do {
            try await Accounts.changePassword(
                user: user, currentPassword: form.current_password, newPassword: form.new_password,
                confirmation: form.confirmation, in: req.accounts)
        } catch let error as UserFacingError {
            return try await req.page(
                "password", title: "password_title",
                passwordView(req, mustChange: user.mustChangePassword, error: error), status: error.status)
        }
        user.mustChangePassword = false
        req.auth.login(user)
        return try await req.page(
            "password", title: "password_title",
            passwordView(req, mustChange: false, done: true))
    }

    @Sendable func switchLanguage(req: Request) async throws -> Response {
        let language = Language(code: req.parameters.get("code"))
        let response = req.redirect(to: safeNext(req.query["next"]))
        response.cookies["treem_lang"] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
            isSecure: req.application.treem.settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only a path on this site may follow sign-in or a language switch (`LocalRedirect`).
    private func safeNext(_ next: String?) -> String {
        LocalRedirect.target(next)
    }

    private func cookie(_ value: String, req: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: maxAge == 0 ? Date(timeIntervalSince1970: 0) : nil, maxAge: maxAge,
            path: "/", isSecure: req.application.treem.settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }
}
