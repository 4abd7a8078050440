import Fluent
import TreEmCore
import Vapor

/// The signed-in person's home: their unit, what lies below it, its agencies.
struct HomeController {
    func boot(routes: RoutesBuilder) {
        routes.get(use: home)
    }

    struct HomeView: Encodable {
        var unit: UnitsController.UnitView?
        var wholeCountry: Bool
        var roleLabel: String
        var subunitCount: Int
        var userCount: Int
        var today: String
        /// The user's own open tasks (their agency's, or their unit's) overdue or due within 7 days.
        var due: [TasksController.Row]
        /// "12 nhiệm vụ quá hạn ở 3 xã", and each lower unit with its count and a filtered list.
        var lowerOverdueSummary: String?
        var lowerOverdue: [LowerUnitRow]
        /// Issued plans from above that the unit has not yet made its own plan from.
        var awaitingOwnPlan: [AwaitingPlanRow]
        /// Reports the user's unit has to send, and lower units' reports waiting for it.
        var reportsToFill: [ReportsController.ReportRow]
        var reportsToReview: [ReportsController.ReportRow]
    }

    struct LowerUnitRow: Encodable {
        var name: String
        var count: String
        var link: String
    }

    struct AwaitingPlanRow: Encodable {
        var id: String
        var title: String
        var issuer: String
        var number: String
    }

    /// "12 nhiệm vụ quá hạn ở 3 xã" (the units' own word when they share one, else "đơn vị").
    static func overdueSummary(_ counts: [TaskDirectory.LowerUnitCount], language: Language) -> String? {
        guard !counts.isEmpty else { return nil }
        let tasks = VietnameseNumber.format(Double(counts.reduce(0) { $0 + $1.overdue }))
        let types = Set(counts.map { UnitNaming($0.unit.name).type.lowercased() })
        let noun = types.count == 1 && !(types.first ?? "").isEmpty ? types.first ?? "" : "đơn vị cấp dưới"
        return language == .vi
            ? "\(tasks) nhiệm vụ quá hạn ở \(counts.count) \(noun)"
            : "\(tasks) overdue tasks in \(counts.count) lower units"
    }

    @Sendable func home(req: Request) async throws -> Response {
        let user = try req.currentUser
        let today = req.today
        var unitView: UnitsController.UnitView?
        if let unitID = user.unitID, let unit = try await UnitModel.find(unitID, on: req.db) {
            unitView = try await UnitsController.unitView(
                unit, day: today, user: user, language: req.language, on: req.db)
        }
        let visible = try await UnitDirectory.visibleUnitCount(for: user, asOf: today, on: req.db)
        let users = user.role.isAdministrator ? try await UserDirectory.visibleUsers(for: user, on: req.db).count : 0
        // One's own work first: an agency member sees their agency's tasks, an officer their unit's.
        let soon = try await TaskDirectory.tasks(
            for: user, filter: .init(dueBefore: today.adding(days: 7).iso, mine: true), today: today,
            openOnly: true, limit: 20, on: req.db)
        let below = try await TaskDirectory.overdueBelow(for: user, today: today, on: req.db)
        let awaiting = try await PlanDirectory.awaitingOwnPlan(for: user, today: today, on: req.db)
        let reports = try await ReportsController.due(for: user, now: req.now, language: req.language, on: req.db)
        return try await req.page(
            "home", title: "home_title",
            HomeView(
                unit: unitView, wholeCountry: user.seesEverything, roleLabel: user.role.label(req.language),
                subunitCount: max(0, visible - (user.unitID == nil ? 0 : 1)), userCount: users, today: today.iso,
                due: soon.map { TasksController.row($0, today: today, language: req.language) },
                lowerOverdueSummary: Self.overdueSummary(below, language: req.language),
                lowerOverdue: below.map {
                    LowerUnitRow(
                        name: $0.unit.name, count: VietnameseNumber.format(Double($0.overdue)),
                        link: "/tasks?mine=false&overdue=true&unit=\($0.unit.code)")
                },
                awaitingOwnPlan: awaiting.map {
                    AwaitingPlanRow(
                        id: $0.id?.uuidString ?? "", title: $0.title, issuer: $0.$issuer.value?.name ?? "",
                        number: $0.number ?? "")
                },
                reportsToFill: reports.toFill, reportsToReview: reports.toReview))
    }
}
