import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// Commune A's records, one of each kind a route can name, with texts no other unit has.
private struct CommuneRecords {
    var ids: [String: String]
    /// Texts that appear only in commune A's records: none may reach an outsider.
    var secrets: [String]
}

private func communeARecords(_ f: Fixture) async throws -> CommuneRecords {
    let (_, communePlan) = try await issuedCascade(f)
    let member = try await healthMember(f)
    let task = try #require(
        try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self).first)
    let progress = try await member.send(
        .POST, "/api/v1/tasks/\(task.id)/progress",
        json: [
            "text": "Khám sàng lọc bí mật cho 42 trẻ em thôn Cẩm La", "childrenReached": 42,
            "evidence": [
                ["filename": "danh-sach-tre-kim-thanh.png", "data": Data(EvidenceTests.png).base64EncodedString()]
            ],
        ])
    #expect(progress.status == .created, "\(progress.body.string.prefix(200))")
    let detail = try progress.decode(TaskAPIController.TaskDetailDTO.self)
    let evidence = try #require(detail.progress.last?.evidence.first)
    // A round of the commune's own plan: its only report is the commune's.
    let officer = try await APIClient.signIn(f.app, "a.officer")
    let opened = try await officer.send(.POST, "/api/v1/rounds", json: ["planID": communePlan])
    #expect(opened.status == .created, "\(opened.body.string.prefix(200))")
    let round = try roundDTO(opened)
    let report = try #require(
        try await officer.get("/api/v1/reports?round=\(round.id)")
            .decode([ReportAPIController.ReportSummaryDTO].self).first { $0.unitCode == Fixture.communeA })
    let unit = try await unitID(Fixture.communeA, app: f.app)
    let agency = try #require(
        try await AgencyModel.query(on: f.app.db).filter(\.$unit.$id == unit).filter(\.$kind == .healthStation).first())
    let user = try #require(try await UserModel.query(on: f.app.db).filter(\.$username == "a.officer").first())
    return CommuneRecords(
        ids: [
            "plans": communePlan, "tasks": task.id, "evidence": evidence.id, "reports": report.id, "rounds": round.id,
            "units": Fixture.communeA, "agencies": try agency.requireID().uuidString,
            "users": try user.requireID().uuidString,
        ],
        secrets: [
            "Khám sàng lọc bí mật", "danh-sach-tre-kim-thanh", "Nguyễn Văn Tình", "45/KH-UBND",
            "Trạm Y tế xã Kim Thành",
            "Người dùng a.officer", "Trạm trưởng Y tế",
        ])
}

@Suite("Every route, every time: another commune's and another province's users get nothing of commune A")
struct RouteAccessTests {
    /// Routes that name no record of anyone's, or act on the caller's own session, with why.
    static let notWalked: [String: String] = [
        "GET /health": "public, names nothing",
        "GET /login": "public sign-in page",
        "POST /login": "signs the caller in",
        "GET /language/:code": "sets the caller's own language; :code is a language",
        "POST /logout": "ends the caller's own session",
        "GET /account/password": "the caller's own password form",
        "POST /account/password": "changes the caller's own password",
        "POST /api/v1/auth/token": "public sign-in",
        "DELETE /api/v1/auth/token": "revokes the caller's own token",
        "GET /api/v1/openapi.json": "public description of the API",
        "POST /api/v1/me/password": "changes the caller's own password",
    ]

    /// The value for a path parameter: the record of commune A that the route's noun names.
    fileprivate static func value(for name: String, after noun: String?, in records: CommuneRecords) -> String? {
        switch (noun, name) {
        case (_, "evidence"): records.ids["evidence"]
        case (_, "format"): "csv"
        case ("year-themes", "year"): "2026"
        case (let noun?, "id"), (let noun?, "code"): records.ids[noun]
        default: nil
        }
    }

    @Test(
        "Each route of the router, called with commune A's ids by outsiders, answers as for a record that does not exist"
    )
    func everyRoute() async throws {
        try await withTreEm { f in
            let records = try await communeARecords(f)
            let province = try await unitID("12", app: f.app)  // Tỉnh Lai Châu
            try await addUser("lc.admin", role: .unitAdministrator, unit: province, app: f.app)
            var walked = 0
            for outsider in ["b.admin", "lc.admin"] {
                let browser = Browser(app: f.app)
                try await browser.signIn(outsider)
                try await browser.get("/")
                let api = try await APIClient.signIn(f.app, outsider)
                for route in f.app.routes.all {
                    let method = route.method.rawValue
                    let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                    if Self.notWalked["\(method) \(pattern)"] != nil { continue }
                    var real: [String] = []
                    var missing: [String] = []
                    var noun: String?
                    for component in route.path {
                        switch component {
                        case .constant(let text):
                            real.append(text)
                            missing.append(text)
                            noun = text
                        case .parameter(let name):
                            let value = try #require(
                                Self.value(for: name, after: noun, in: records),
                                "\(method) \(pattern): no record of commune A for :\(name); add it to the walk")
                            real.append(value)
                            // The same route with a record that does not exist, for comparison.
                            missing.append(
                                UUID(uuidString: value) != nil ? UUID().uuidString : (name == "code" ? "99999" : value))
                        default:
                            Issue.record("\(method) \(pattern): a catch-all cannot be walked")
                        }
                    }
                    let isAPI = route.path.first == .constant("api")
                    func call(_ path: String) async throws -> TestingHTTPResponse {
                        let path = "/" + path
                        if isAPI {
                            return try await api.send(route.method, path, json: route.method == .GET ? nil : [:])
                        }
                        return route.method == .GET
                            ? try await browser.get(path) : try await browser.post(path, form: [:])
                    }
                    let answer = try await call(real.joined(separator: "/"))
                    let body = answer.body.string
                    let leaked = records.secrets.filter { body.contains($0) }
                    #expect(leaked.isEmpty, "\(outsider) \(method) \(pattern) shows \(leaked)")
                    #expect(answer.status.code < 500, "\(outsider) \(method) \(pattern): \(answer.status)")
                    if real != missing {
                        // Commune A's record must look exactly like one that does not exist.
                        let control = try await call(missing.joined(separator: "/"))
                        #expect(
                            answer.status == control.status,
                            "\(outsider) \(method) \(pattern): \(answer.status) for A's record, \(control.status) for none"
                        )
                        #expect(
                            [.notFound, .forbidden].contains(answer.status),
                            "\(outsider) \(method) \(pattern): \(answer.status)")
                    }
                    walked += 1
                }
            }
            let routes = f.app.routes.all.count - Self.notWalked.count
            #expect(
                walked == 2 * routes, "every route but the \(Self.notWalked.count) listed is walked by both outsiders")
            #expect(routes > 80)
            // Nothing of commune A changed under the walk.
            let task = try #require(
                try await TaskModel.find(UUID(uuidString: records.ids["tasks"] ?? ""), on: f.app.db))
            #expect(task.status == .notStarted || task.status == .inProgress)
            let plan = try #require(
                try await PlanModel.find(UUID(uuidString: records.ids["plans"] ?? ""), on: f.app.db))
            #expect(plan.status == .issued)
        }
    }
}
