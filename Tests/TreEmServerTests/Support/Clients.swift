import Foundation
import NIOHTTP1
import Testing
import VaporTesting

@testable import TreEmServer

/// Acts like a browser: keeps cookies, sends the CSRF token found in the last page's forms.
final class Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String = ""

    init(app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil as ByteBuffer?)
    }

    @discardableResult
    func post(_ path: String, form: [String: String], includeCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if includeCSRF { fields["csrf_token"] = csrf }
        let body = fields.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// A multipart form as a browser sends a file input: the fields, the CSRF token and one text file.
    @discardableResult
    func upload(
        _ path: String, fields: [String: String], file: (field: String, name: String, text: String)
    ) async throws -> TestingHTTPResponse {
        try await upload(path, fields: fields, file: (field: file.field, name: file.name, bytes: Array(file.text.utf8)))
    }

    /// The same with the file's raw bytes, which need not be UTF-8.
    @discardableResult
    func upload(
        _ path: String, fields: [String: String], file: (field: String, name: String, bytes: [UInt8])
    ) async throws -> TestingHTTPResponse {
        let boundary = "treem-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields.merging(["csrf_token": csrf], uniquingKeysWith: { a, _ in a }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n"
        )
        body.writeBytes(file.bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", ".", "~"])) ?? text
    }

    private func send(
        _ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil
    ) async throws -> TestingHTTPResponse {
        try await send(method, path, body: body.map { ByteBuffer(string: $0) }, contentType: contentType)
    }

    private func send(
        _ method: HTTPMethod, _ path: String, body: ByteBuffer?, contentType: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if body != nil {
            if let contentType {
                headers.replaceOrAdd(name: .contentType, value: contentType)
            } else {
                headers.contentType = .urlEncodedForm
            }
        }
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body) { response in
            captured = response
        }
        let response = try #require(captured)
        for cookie in response.headers[.setCookie] {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 {
                if pair[1].isEmpty { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
            }
        }
        if let match = response.body.string.firstMatch(of: /name="csrf_token" value="([^"]*)"/) {
            csrf = String(match.1)
        }
        return response
    }

    /// Signs in through the login form, as a person would.
    func signIn(_ username: String, password: String = Fixture.password) async throws -> TestingHTTPResponse {
        try await get("/login")
        return try await post("/login", form: ["username": username, "password": password])
    }
}

/// Calls the JSON API with a bearer token.
struct APIClient {
    let app: Application
    var token: String?

    static func signIn(
        _ app: Application, _ username: String, password: String = Fixture.password
    ) async throws -> APIClient {
        var client = APIClient(app: app, token: nil)
        let response = try await client.send(
            .POST, "/api/v1/auth/token", json: ["username": username, "password": password])
        #expect(response.status == .ok, "sign-in of \(username): \(response.body.string)")
        client.token = try JSONDecoder().decode(APIController.TokenResponse.self, from: response.body).token
        return client
    }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, json: [String: Any]? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        var buffer: ByteBuffer?
        if let json {
            headers.contentType = .json
            buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: buffer) { captured = $0 }
        return try #require(captured)
    }

    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path)
    }
}

extension TestingHTTPResponse {
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try APIJSON.decoder.decode(type, from: body)
    }
}
