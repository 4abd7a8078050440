import TreEmCore
import Vapor

/// Turns every error into a clear answer in the user's language: a JSON body under /api, a page
/// elsewhere. Never a stack trace; unexpected errors are logged and reported generically.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct APIError: Content {
        struct Body: Content {
            var status: Int
            var message: String
            var messageEn: String
            var field: String?
            var problems: [String]?
            /// The field of each problem, in the same order, when the problems are about fields.
            var fields: [String]?
        }
        var error: Body
    }

    struct ErrorView: Encodable {
        var status: Int
        /// What happened, in words: "Không tìm thấy", never "Có lỗi (404)".
        var heading: String
        var message: String
        var problems: [String]
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let response = try await answer(error, request: request)
            // Retry-After and the like travel with the error (AbortError.headers).
            if let abort = error as? AbortError {
                for (name, value) in abort.headers where !response.headers.contains(name: name) {
                    response.headers.add(name: name, value: value)
                }
            }
            return response
        }
    }

    private func answer(_ error: Error, request: Request) async throws -> Response {
        let (status, message, field, problems, fields) = describe(error, request: request)
        if status == .internalServerError {
            request.logger.report(error: error)
        }
        if request.url.path.hasPrefix("/api/") {
            let body = APIError(
                error: .init(
                    status: Int(status.code), message: message.vi, messageEn: message.en, field: field,
                    problems: problems.isEmpty ? nil : problems.map { $0.text(request.language) },
                    fields: fields.isEmpty ? nil : fields))
            let response = try await body.encodeResponse(status: status, for: request)
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
        let heading = Self.heading(for: status).text(request.language)
        let view = ErrorView(
            status: Int(status.code), heading: heading, message: message.text(request.language),
            problems: problems.map { $0.text(request.language) })
        do {
            return try await request.page("error", title: heading, view, status: status)
        } catch {
            return Response(
                status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: .init(string: message.text(request.language)))
        }
    }

    private func describe(
        _ error: Error, request: Request
    ) -> (HTTPResponseStatus, Bilingual, String?, [Bilingual], [String]) {
        switch error {
        case let error as UserFacingError:
            return (error.status, error.message, error.field, [], [])
        case is BoundedWork.Busy:
            return (
                .tooManyRequests,
                Bilingual(
                    vi: "Máy chủ đang bận với nhiều yêu cầu cùng lúc. Hãy thử lại sau vài giây.",
                    en: "The server is busy with many requests at once. Try again in a few seconds."), nil, [], []
            )
        case let error as ImportRejected:
            return (
                .unprocessableEntity,
                Bilingual(
                    vi: error.report(.vi).components(separatedBy: "\n")[0],
                    en: error.report(.en).components(separatedBy: "\n")[0]), nil,
                error.problems.map { Bilingual(vi: $0.text(.vi), en: $0.text(.en)) }, []
            )
        case let error as PlanRejected:
            return (
                .unprocessableEntity, Bilingual(vi: "Kế hoạch chưa hợp lệ:", en: "The plan is not valid:"),
                error.problems.first?.field, error.problems.map(\.message), error.problems.map(\.field)
            )
        case let error as ReportRejected:
            return (.unprocessableEntity, error.headline, nil, error.messages, [])
        case let error as ReportConflict:
            return (
                .conflict,
                Bilingual(
                    vi: "Người khác vừa sửa cùng ô số liệu; chưa lưu gì:",
                    en: "Someone else changed the same figures; nothing was saved:"), nil, error.messages, []
            )
        // Before AbortError: Vapor makes DecodingError an AbortError with an English reason.
        case let error as DecodingError:
            return (
                .badRequest,
                Bilingual(
                    vi: "Dữ liệu gửi lên không đúng định dạng (\(Self.path(of: error))).",
                    en: "The data sent is not in the expected form (\(Self.path(of: error)))."), nil, [], []
            )
        case let error as AbortError:
            return (error.status, Self.message(for: error.status), nil, [], [])
        default:
            return (.internalServerError, Self.message(for: .internalServerError), nil, [], [])
        }
    }

    /// "assignments[2].mode" — where in a JSON body decoding failed.
    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c):
            return (c.codingPath + [key]).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: ["."])
        @unknown default: return ""
        }
        return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .trimmingCharacters(in: ["."])
    }

    /// What an error page says for a status: its heading (also the page title, in words, never
    /// "(404)") and the sentence under it, in one table so the two cannot drift apart.
    static func words(for status: HTTPResponseStatus) -> (heading: Bilingual, message: Bilingual) {
        func b(_ vi: String, _ en: String) -> Bilingual { Bilingual(vi: vi, en: en) }
        switch status.code {
        case 400:
            return (
                b("Yêu cầu chưa hợp lệ", "Request not valid"), b("Yêu cầu không hợp lệ.", "The request is not valid.")
            )
        case 401: return (b("Cần đăng nhập", "Sign-in required"), b("Cần đăng nhập.", "Sign-in required."))
        case 403:
            return (
                b("Không có quyền", "Not allowed"),
                b("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.")
            )
        case 404:
            return (
                b("Không tìm thấy", "Not found"),
                b("Không tìm thấy trang hoặc bản ghi này.", "This page or record was not found.")
            )
        case 405:
            return (
                b("Có lỗi", "Something went wrong"),
                b("Thao tác không được hỗ trợ.", "This method is not supported.")
            )
        case 409: return (b("Chưa thực hiện được", "Could not be done"), generic)
        case 413: return (b("Tệp quá lớn", "File too large"), b("Tệp gửi lên quá lớn.", "The upload is too large."))
        case 415: return (b("Loại tệp không được nhận", "File type not accepted"), generic)
        case 422: return (b("Dữ liệu chưa hợp lệ", "Data not valid"), generic)
        case 429:
            return (
                b("Hệ thống đang bận", "Busy"),
                b("Quá nhiều yêu cầu, hãy thử lại sau.", "Too many requests; try again later.")
            )
        default: return (b("Có lỗi", "Something went wrong"), generic)
        }
    }

    private static let generic = Bilingual(
        vi: "Đã có lỗi xảy ra. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.",
        en: "Something went wrong. Try again; if it persists, tell your administrator.")

    static func heading(for status: HTTPResponseStatus) -> Bilingual { words(for: status).heading }

    static func message(for status: HTTPResponseStatus) -> Bilingual { words(for: status).message }
}
