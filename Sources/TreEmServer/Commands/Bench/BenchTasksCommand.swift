import Fluent
import Foundation
import TreEmCore
import Vapor

/// `treem bench-tasks`: times the task pages for a province with 100 communes × 30 tasks, in
/// process, on an in-memory SQLite database it fills itself. Build with `-c release`.
struct BenchTasksCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "communes", help: "Số xã (mặc định 100)") var communes: Int?
        @Option(name: "tasks", help: "Số nhiệm vụ mỗi xã (mặc định 30)") var tasks: Int?
        @Option(name: "iterations", help: "Số lần đo mỗi trang (mặc định 30)") var iterations: Int?
    }

    var help: String { "Đo thời gian các trang nhiệm vụ (bảng theo dõi, nhiệm vụ của tôi) — benchmark the task pages" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let communeCount = signature.communes ?? 100
        let tasksPerCommune = signature.tasks ?? 30
        let iterations = signature.iterations ?? 30
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        do {
            try await configure(
                app,
                settings: Settings(database: .sqliteMemory(identifier: "bench-\(UUID().uuidString)"), bcryptCost: 4))
            try await app.autoMigrate()
            try await app.asyncBoot()
            let fixture = try await seed(app, communes: communeCount, tasksPerCommune: tasksPerCommune)
            context.console.print(
                "\(communeCount) xã × \(tasksPerCommune) nhiệm vụ = \(communeCount * tasksPerCommune) nhiệm vụ; \(iterations) lần đo mỗi trang"
            )
            try await measure(
                app, "my tasks (agency member)", cookie: fixture.memberCookie, path: "/tasks", iterations: iterations,
                console: context.console)
            try await measure(
                app, "board, commune plan", cookie: fixture.communeCookie, path: "/plans/\(fixture.communePlan)/board",
                iterations: iterations, console: context.console)
            try await measure(
                app, "board, province plan", cookie: fixture.provinceCookie,
                path: "/plans/\(fixture.provincePlan)/board", iterations: iterations, console: context.console)
            try await measure(
                app, "all tasks in the province", cookie: fixture.provinceCookie, path: "/tasks?mine=false",
                iterations: iterations, console: context.console)
            try await measure(
                app, "home (due soon)", cookie: fixture.provinceCookie, path: "/", iterations: iterations,
                console: context.console)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    struct Fixture {
        var memberCookie: String
        var communeCookie: String
        var provinceCookie: String
        var communePlan: String
        var provincePlan: String
    }

    private func measure(
        _ app: Application, _ name: String, cookie: String, path: String, iterations: Int, console: any Console
    ) async throws {
        var samples: [Double] = []
        var size = 0
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(Accounts.sessionCookie)=\(cookie)")
        for i in 0..<(iterations + 3) {
            let start = DispatchTime.now().uptimeNanoseconds
            // Straight into the responder: the figure is server time, without sockets.
            let request = Request(
                application: app, method: .GET, url: URI(path: path), headers: headers, on: app.eventLoopGroup.next())
            let response = try await app.responder.respond(to: request).get()
            guard response.status == .ok else {
                throw Abort(.internalServerError, reason: "\(path) answered \(response.status)")
            }
            size = response.body.count
            if i >= 3 { samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) }
        }
        samples.sort()
        console.print(
            String(
                format: "%-28@ min %6.2f ms  median %6.2f ms  p95 %6.2f ms  (%d bytes)", name as NSString,
                samples[0], samples[samples.count / 2],
                samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))], size))
    }

    private func seed(_ app: Application, communes: Int, tasksPerCommune: Int) async throws -> Fixture {
        let db = app.db
        let province = UnitModel(
            record: UnitRecord(
                code: "B00", name: "Tỉnh Thử Nghiệm", level: .province, parentCode: nil, validFrom: nil, validTo: nil),
            parentID: nil)
        try await province.create(on: db)
        let kinds: [AgencyKind] = [
            .peoplesCommittee, .cultureSocialOffice, .healthStation, .police, .school, .radioStation,
            .justiceOffice, .fatherlandFront, .youthUnion, .womenUnion,
        ]
        var communeUnits: [UnitModel] = []
        for n in 1...communes {
            let unit = UnitModel(
                record: UnitRecord(
                    code: "B\(1000 + n)", name: "Xã Thử \(n)", level: .commune, parentCode: "B00",
                    validFrom: nil, validTo: nil), parentID: province.id)
            try await unit.create(on: db)
            communeUnits.append(unit)
        }
        try await UnitDirectory.rebuildScope(on: db)
        var agenciesByUnit: [UUID: [AgencyModel]] = [:]
        for unit in [province] + communeUnits {
            let list = kinds.map { AgencyModel(unitID: unit.id!, name: "\($0.label(.vi)) \(unit.name)", kind: $0) }
            try await list.create(on: db)
            agenciesByUnit[unit.id!] = list
        }
        let document = PlanDocument(
            kind: .actionMonth, issuerName: "ỦY BAN NHÂN DÂN", place: "Thử",
            issueDate: PartialDate(year: 2026, month: 5, day: 1),
            title: "Kế hoạch thử",
            period: DateRange(
                start: CalendarDay(year: 2026, month: 6, day: 1)!, end: CalendarDay(year: 2026, month: 6, day: 30)!))
        func plan(for unit: UnitModel) async throws -> PlanModel {
            let plan = try PlanModel(issuerUnitID: unit.id!, document: document, createdBy: nil)
            plan.status = .issued
            try await plan.create(on: db)
            let agencies = agenciesByUnit[unit.id!]!
            var tasks: [TaskModel] = []
            for t in 0..<tasksPerCommune {
                let task = TaskModel()
                task.$plan.id = plan.id!
                task.unitID = unit.id!
                task.planTaskID = "T\(t)"
                task.derivedFromPlanTaskID = unit.id == province.id ? nil : "P\(t)"
                let agency = agencies[t % agencies.count]
                task.$agency.id = agency.id
                task.agencyName = agency.name
                task.role = .lead
                task.mode = agency.kind.isMassOrganisation ? .request : .assign
                task.text = "Nhiệm vụ thử số \(t) của \(unit.name): tuyên truyền, rà soát, hỗ trợ trẻ em."
                task.dueOn = CalendarDay(year: 2026, month: 6, day: 1 + t % 28)!.iso
                task.status = [TaskStatus.notStarted, .inProgress, .done][t % 3]
                tasks.append(task)
            }
            try await tasks.create(on: db)
            return plan
        }
        let provincePlan = try await plan(for: province)
        var firstCommunePlan: PlanModel?
        for unit in communeUnits {
            let p = try await plan(for: unit)
            firstCommunePlan = firstCommunePlan ?? p
        }
        let hash = try await Accounts.hash("mat-khau-thu-nghiem", app: app)
        func session(_ user: UserModel) async throws -> String {
            try await user.create(on: db)
            let token = Tokens.random()
            try await SessionModel(
                tokenHash: Tokens.hash(token), userID: user.id!, kind: .web, csrfToken: Tokens.random(),
                now: app.treem.now()
            ).create(on: db)
            return token
        }
        let first = communeUnits[0]
        let station = agenciesByUnit[first.id!]!.first { $0.kind == .healthStation }!
        return Fixture(
            memberCookie: try await session(
                UserModel(
                    username: "b.member", displayName: "Thành viên", passwordHash: hash, role: .agencyMember,
                    unitID: first.id, agencyID: station.id, mustChangePassword: false)),
            communeCookie: try await session(
                UserModel(
                    username: "b.commune", displayName: "Cán bộ xã", passwordHash: hash, role: .officer,
                    unitID: first.id, agencyID: nil, mustChangePassword: false)),
            provinceCookie: try await session(
                UserModel(
                    username: "b.province", displayName: "Cán bộ tỉnh", passwordHash: hash, role: .officer,
                    unitID: province.id, agencyID: nil, mustChangePassword: false)),
            communePlan: firstCommunePlan!.id!.uuidString, provincePlan: provincePlan.id!.uuidString)
    }
}
