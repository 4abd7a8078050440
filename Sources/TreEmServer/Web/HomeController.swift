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
        /// Open tasks overdue or due within 7 days, in the user's scope.
        var due: [TasksController.Row]
        /// Reports the user's unit has to send, and lower units' reports waiting for it.
        var reportsToFill: [ReportsController.ReportRow]
        var reportsToReview: [ReportsController.ReportRow]
    }

    @Sendable func home(req: Request) async throws -> Response {
        let user = try req.currentUser
        let today = req.today
        var unitView: UnitsController.UnitView?
        if let unitID = user.unitID, let unit = try await UnitModel.find(unitID, on: req.db) {
            unitView = try await UnitsController.unitView(
                unit, day: today, user: user, language: req.language, on: req.db)
        }
        let visible = try await UnitDirectory.visibleUnits(for: user, asOf: today, on: req.db)
        let users = user.role.isAdministrator ? try await UserDirectory.visibleUsers(for: user, on: req.db).count : 0
        let soon = try await TaskDirectory.tasks(
            for: user, filter: .init(dueBefore: today.adding(days: 7).iso), today: today,
            openOnly: true, limit: 20, on: req.db)
        let reports = try await ReportsController.due(for: user, now: req.now, language: req.language, on: req.db)
        return try await req.page(
            "home", title: "home_title",
            HomeView(
                unit: unitView, wholeCountry: user.seesEverything, roleLabel: user.role.label(req.language),
                subunitCount: max(0, visible.count - (user.unitID == nil ? 0 : 1)), userCount: users, today: today.iso,
                due: soon.map { TasksController.row($0, today: today, language: req.language) },
                reportsToFill: reports.toFill, reportsToReview: reports.toReview))
    }
}
