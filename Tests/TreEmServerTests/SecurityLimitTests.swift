import Fluent
import FluentSQL
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// Sends a JSON sign-in without the helpers' expectations, for bursts.
private func tokenAttempt(
    _ app: Application, _ username: String, _ password: String,
    headers extra: HTTPHeaders = [:], tester: TestingApplicationTester? = nil
) async throws -> HTTPResponseStatus {
    var headers = extra
    headers.contentType = .json
    let body = ByteBuffer(
        data: try JSONSerialization.data(withJSONObject: ["username": username, "password": password]))
    var status: HTTPResponseStatus = .internalServerError
    try await (tester ?? app.testing()).test(.POST, "/api/v1/auth/token", headers: headers, body: body) {
        status = $0.status
    }
    return status
}

/// Runs `count` attempts at once and gathers their answers.
private func burst(
    _ count: Int, _ attempt: @escaping @Sendable (Int) async throws -> HTTPResponseStatus
) async throws -> [HTTPResponseStatus] {
    try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
        for index in 0..<count { group.addTask { try await attempt(index) } }
        return try await group.reduce(into: []) { $0.append($1) }
    }
}

@Suite("Limits that hold under concurrency, behind a proxy, and on errors")
struct SecurityLimitTests {
    @Test("Forty concurrent wrong passwords: at most five are checked, the rest wait like the sixth in a row")
    func concurrentThrottle() async throws {
        try await withTreEm { f in
            let statuses = try await burst(40) { try await tokenAttempt(f.app, "a.officer", "sai-mat-khau-\($0)") }
            let checked = statuses.filter { $0 == .unauthorized }.count
            #expect(checked <= LoginThrottle.maxFailures)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 40 - LoginThrottle.maxFailures)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            // Only the passwords actually checked count as failures; an attempt refused unchecked does not.
            let failures = try await LoginAttemptModel.query(on: f.app.db).filter(\.$username == "a.officer").filter(
                \.$succeeded == false
            ).count()
            #expect(failures == checked)
            // After five failures even the right password waits, as after five in a row.
            for attempt in checked..<LoginThrottle.maxFailures {
                #expect(try await tokenAttempt(f.app, "a.officer", "sai-lan-nua-\(attempt)") == .unauthorized)
            }
            #expect(
                try await tokenAttempt(f.app, "a.officer", Fixture.password) == .tooManyRequests,
                "even the right password waits")
        }
    }

    @Test(
        "A burst of 150 sign-ins for many people gives no server error: bcrypt waits in a bounded queue or answers 429")
    func burstWithoutErrors() async throws {
        try await withTreEm { f in
            let statuses = try await burst(150) {
                try await tokenAttempt(f.app, "nguoi-\($0 % 50)", "sai-mat-khau-\($0)")
            }
            #expect(!statuses.contains { $0.code >= 500 }, "\(statuses.filter { $0.code >= 500 }.count) server errors")
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            // Afterwards the server answers as usual.
            #expect(try await tokenAttempt(f.app, "a.admin", Fixture.password) == .ok)
        }
    }

    @Test("Behind the proxy, a client cannot choose its address by writing X-Forwarded-For")
    func forgedForwardedFor() async throws {
        try await withTreEm(settings: { $0.behindProxy = true }) { f in
            // Below Linux's ephemeral range (32768–60999), where the tests' database and SMTP
            // connections take their ports: a port from there was once already in use.
            let port = Int.random(in: 10_000..<32_000)
            let live = try f.app.testing(method: .running(hostname: "127.0.0.1", port: port))
            for attempt in 0..<8 {
                // The attacker varies the first entry; nginx (here: the test) appends the real address.
                let headers: HTTPHeaders = ["X-Forwarded-For": "10.0.0.\(attempt), 198.51.100.23"]
                let status = try await tokenAttempt(
                    f.app, "khong-ton-tai-\(attempt)", "sai", headers: headers, tester: live)
                #expect(
                    status == (attempt < LoginThrottle.maxFailures ? .unauthorized : .tooManyRequests),
                    "attempt \(attempt + 1)")
            }
            let addresses = Set(
                try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "auth.sign_in_failed").all().map(
                    \.address))
            #expect(addresses == ["198.51.100.23"])
        }
    }

    @Test("Language switch and sign-in only ever redirect to a path on this site")
    func redirects() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            for next in [
                "/%09/evil.example/phish", "//evil.example", "/%5Cevil.example", "/%2F%2Fevil.example",
                "https://evil.example",
            ] {
                let response = try await browser.get("/language/en?next=\(next)")
                #expect(response.headers.first(name: .location) == "/", "next=\(next)")
            }
            #expect(try await browser.get("/language/vi?next=/units").headers.first(name: .location) == "/units")
            try await browser.get("/login")
            let signedIn = try await browser.post(
                "/login",
                form: [
                    "username": "a.officer", "password": Fixture.password,
                    "next": "/\t/evil.example/phish",
                ])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == "/")
        }
    }

    @Test("Error responses carry the security headers too; signed-in pages are not stored")
    func headersEverywhere() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let api = APIClient(app: f.app, token: "sai")
            let responses = [
                try await browser.get("/khong-co-trang-nay"),  // 404 page
                try await browser.get("/audit"),  // 404 for an officer
                try await api.get("/api/v1/me"),  // 401 JSON
                try await browser.post("/units/\(Fixture.communeA)/agencies", form: [:], includeCSRF: false),  // 403
                try await browser.get("/units"),  // 200
            ]
            for response in responses {
                #expect(
                    response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true,
                    "\(response.status)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(response.status)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(response.status)")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin", "\(response.status)")
                #expect(response.headers.first(name: .cacheControl) == "no-store", "\(response.status)")
            }
        }
    }

    @Test("A viewer given an agency cannot mark that agency's task done")
    func viewerWithAgency() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let unit = try await unitID(Fixture.communeA, app: f.app)
            let station = try #require(
                try await AgencyModel.query(on: f.app.db).filter(\.$unit.$id == unit).filter(\.$kind == .healthStation)
                    .first())
            try await UserModel(
                username: "a.viewer", displayName: "Người xem",
                passwordHash: try await Accounts.hash(Fixture.password, app: f.app),
                role: .viewer, unitID: unit, agencyID: station.id, mustChangePassword: false
            ).create(on: f.app.db)
            let viewer = try await APIClient.signIn(f.app, "a.viewer")
            let tasks = try await viewer.get("/api/v1/tasks").decode([TaskAPIController.TaskDTO].self)
            let task = try #require(tasks.first { $0.agencyName == "Trạm Y tế xã Kim Thành" })
            #expect(!task.canUpdate)
            let attempt = try await viewer.send(
                .POST, "/api/v1/tasks/\(task.id)/progress", json: ["text": "Xong", "status": "done"])
            #expect(attempt.status == .forbidden)
            let stored = try #require(try await TaskModel.find(UUID(uuidString: task.id), on: f.app.db))
            #expect(stored.status == .notStarted)
        }
    }

    @Test("Passwords: bcrypt's 72-byte cut cannot be used, common ones are refused, wrong current ones are throttled")
    func passwords() async throws {
        try await withTreEm { f in
            // A user whose password is exactly 72 bytes: a longer one sharing those bytes must not sign in.
            let exact = String(repeating: "Kim-Thanh-", count: 7) + "ab"
            #expect(exact.utf8.count == 72)
            let unit = try await unitID(Fixture.communeA, app: f.app)
            try await UserModel(
                username: "a.long", displayName: "Dài", passwordHash: try await Accounts.hash(exact, app: f.app),
                role: .officer, unitID: unit, agencyID: nil, mustChangePassword: false
            ).create(on: f.app.db)
            #expect(try await tokenAttempt(f.app, "a.long", exact + "-khac-hoan-toan") == .unauthorized)
            #expect(try await tokenAttempt(f.app, "a.long", exact) == .ok)
            // In-memory requests share one address: let that failure's window pass.
            f.clock.advance(by: LoginThrottle.window + 1)

            let officer = try await APIClient.signIn(f.app, "a.officer")
            let tooLong = try await officer.send(
                .POST, "/api/v1/me/password",
                json: ["currentPassword": Fixture.password, "newPassword": String(repeating: "ệ", count: 30)])
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.string.contains("72 byte"))
            let common = try await officer.send(
                .POST, "/api/v1/me/password", json: ["currentPassword": Fixture.password, "newPassword": "Password123"])
            #expect(common.status == .badRequest)
            #expect(common.body.string.contains("phổ biến"))

            for attempt in 1...LoginThrottle.maxFailures {
                let wrong = try await officer.send(
                    .POST, "/api/v1/me/password",
                    json: ["currentPassword": "doan-mo-\(attempt)", "newPassword": "Trẻ em Kim Thành 2026!"])
                #expect(wrong.status == .badRequest)
            }
            let throttled = try await officer.send(
                .POST, "/api/v1/me/password",
                json: ["currentPassword": Fixture.password, "newPassword": "Trẻ em Kim Thành 2026!"])
            #expect(throttled.status == .tooManyRequests)
            f.clock.advance(by: LoginThrottle.window + 1)
            let later = try await officer.send(
                .POST, "/api/v1/me/password",
                json: ["currentPassword": Fixture.password, "newPassword": "Trẻ em Kim Thành 2026!"])
            #expect(later.status == .noContent)
        }
    }

    @Test("The audit log refuses REPLACE on SQLite and TRUNCATE on PostgreSQL; bulk reads are logged")
    func auditSealedAndReadsLogged() async throws {
        try await withTreEm { f in
            let sql = f.app.db as! any SQLDatabase
            let entry = try #require(try await AuditEntryModel.query(on: f.app.db).first())
            let id = try entry.requireID()
            if sql.dialect.name == "sqlite" {
                await #expect(throws: (any Error).self) {
                    try await sql.raw(
                        """
                        INSERT OR REPLACE INTO audit_entries (id, occurred_at, actor_username, action, summary, address)
                        VALUES (\(bind: id), \(bind: Date()), 'ke-gian', 'x', 'sửa lén', '0.0.0.0')
                        """
                    ).run()
                }
            } else {
                await #expect(throws: (any Error).self) { try await sql.raw("TRUNCATE audit_entries").run() }
            }
            let again = try #require(try await AuditEntryModel.find(id, on: f.app.db))
            #expect(again.summary == entry.summary)
            #expect(try await AuditEntryModel.query(on: f.app.db).filter(\.$summary == "sửa lén").count() == 0)

            let browser = Browser(app: f.app)
            try await browser.signIn("a.admin")
            #expect(try await browser.get("/audit").status == .ok)
            let api = try await APIClient.signIn(f.app, "a.admin")
            #expect(try await api.get("/api/v1/audit").status == .ok)
            let views = try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "audit.viewed").count()
            #expect(views == 2)
        }
    }

    @Test("API dates are ISO 8601, in answers and in requests")
    func isoDates() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let member = try await healthMember(f)
            let task = try #require(
                try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self).first)
            #expect(
                try await member.send(
                    .POST, "/api/v1/tasks/\(task.id)/progress", json: ["text": "Bắt đầu", "status": "inProgress"]
                ).status == .created)
            let detail = try await member.get("/api/v1/tasks/\(task.id)")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(detail.body.readableBytesView)) as? [String: Any])
            let progress = try #require((json["progress"] as? [[String: Any]])?.first)
            let recordedAt = try #require(
                progress["recordedAt"] as? String, "recordedAt is a string, not seconds since 2001")
            #expect(recordedAt.firstMatch(of: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) != nil, "\(recordedAt)")
            #expect(APIJSON.instant("2026-06-30T08:15:00+07:00") == APIJSON.instant("2026-06-30T01:15:00Z"))
            #expect(APIJSON.instant("2026-06-30T01:15:00.250Z") != nil)
            #expect(APIJSON.instant("817688177") == nil)
            let openAPI = try await member.get("/api/v1/openapi.json").body.string
            #expect(openAPI.contains("\"date-time\""))
        }
    }
}
