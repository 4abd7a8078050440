import TreEmCore
import Vapor

/// Security headers on every response: a Content-Security-Policy without inline script or
/// style, no framing, no MIME sniffing.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// The plan print view carries its own stylesheet so that a saved file prints the same;
    /// the policy allows exactly that stylesheet, by hash, and no other inline style.
    static let printStyleHash =
        "'sha256-" + Data(SHA256.hash(data: Data(PlanHTML.stylesheet.utf8))).base64EncodedString() + "'"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // Only if the error page itself failed: still answer with the headers.
            request.logger.report(error: error)
            response = Response(
                status: .internalServerError, headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: .init(string: ErrorPageMiddleware.message(for: .internalServerError).text(request.language)))
        }
        let headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' \(Self.printStyleHash); img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        // Nothing a signed-in person sees is kept by the browser or a shared cache.
        if request.url.path.hasPrefix("/api/") || response.headers.contentType == .html
            || request.auth.has(CurrentUser.self)
        {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
