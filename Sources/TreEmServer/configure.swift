import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Vapor

/// Sets up databases, migrations, views, middleware, routes and commands. Public so that the
/// executable, the commands and the tests share one configuration.
public func configure(
    _ app: Application, settings: Settings,
    now: @escaping @Sendable () -> Date = { Date() }
) async throws {
    InstallDirectory.adopt(app, configured: settings.resourcesDirectory)
    app.treem = TreEmEnvironment(
        settings: settings, now: now,
        dummyPasswordHash: try Bcrypt.hash(Tokens.random(), cost: settings.bcryptCost))
    app.lifecycle.use(MailDeliveryDrain())
    app.lifecycle.use(WorkPoolsShutdown())

    switch settings.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory(let identifier):
        app.databases.use(.sqlite(.init(storage: .memory(identifier: identifier))), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let searchPath { configuration.searchPath = [searchPath] }
        app.databases.use(.postgres(configuration: configuration, sqlLogLevel: .debug), as: .psql)
    }
    app.migrations.add(M001_CreateUnits())
    app.migrations.add(M002_CreateAgencies())
    app.migrations.add(M003_CreateUsersAndSessions())
    app.migrations.add(M004_CreateAuditLog())
    app.migrations.add(M005_CreatePlans())
    app.migrations.add(M006_CreateYearThemes())
    app.migrations.add(M007_AddExternalPlans())
    app.migrations.add(M008_CreateTasks())
    app.migrations.add(M009_CreateTaskEvidence())
    app.migrations.add(M010_CreateNotifications())
    app.migrations.add(M011_AddUserEmail())
    app.migrations.add(M012_CreateMailOutbox())
    app.migrations.add(M013_CreateReports())
    app.migrations.add(M014_InstallBuiltInReportForms())
    app.migrations.add(M015_SealAuditLog())
    app.migrations.add(M016_AddReportRemindedOn())
    app.migrations.add(M017_InstallSecondEditionForms())
    app.migrations.add(M018_AddDefaultSuccessors())

    ContentConfiguration.global.use(encoder: APIJSON.encoder, for: .json)
    ContentConfiguration.global.use(decoder: APIJSON.decoder, for: .json)

    app.views.use(.leaf)
    // Room for a 10 MB plan document upload (PlanSourceFile.maximumBytes) and its form fields.
    app.routes.defaultMaxBodySize = "12mb"

    app.middleware = Middlewares()
    // Outermost, so that error pages (404, 403, 429…) carry the headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))

    try routes(app)

    app.asyncCommands.use(TreEmServeCommand(inner: await app.servers.asyncCommand), as: "serve", isDefault: true)
    app.asyncCommands.use(MigrateDatabaseCommand(), as: "migrate")
    app.asyncCommands.use(ImportUnitsCommand(), as: "import-units")
    app.asyncCommands.use(DemoDataCommand(), as: "demo-data")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(RenderPlanCommand(), as: "render-plan")
    app.asyncCommands.use(ImportPlanCommand(), as: "import-plan")
    app.asyncCommands.use(BenchTasksCommand(), as: "bench-tasks")
    app.asyncCommands.use(BenchCommands(), as: "bench")
}

func routes(_ app: Application) throws {
    app.get("health") { _ in "ok" }

    let web = app.grouped(WebSessionAuthenticator(), CSRFMiddleware())
    try web.register(collection: AuthController())
    let signedIn = web.grouped(RequireWebUser())
    AuthController().bootSignedIn(routes: signedIn)
    HomeController().boot(routes: signedIn)
    UnitsController().boot(routes: signedIn)
    AgenciesController().boot(routes: signedIn)
    UsersController().boot(routes: signedIn)
    AuditController().boot(routes: signedIn)
    PlanImportController().boot(routes: signedIn)
    TasksController().boot(routes: signedIn)
    ReportsController().boot(routes: signedIn)
    ReportFormsController().boot(routes: signedIn)
    NotificationsController().bootWeb(routes: signedIn)
    PlansController().boot(routes: signedIn)

    let api = app.grouped("api", "v1")
    let apiController = APIController()
    apiController.bootPublic(routes: api)
    let apiSignedIn = api.grouped(APITokenAuthenticator(), RequireAPIUser())
    apiController.bootSignedIn(routes: apiSignedIn)
    PlanAPIController().boot(routes: apiSignedIn)
    TaskAPIController().boot(routes: apiSignedIn)
    ReportAPIController().boot(routes: apiSignedIn)
    NotificationsController().bootAPI(routes: apiSignedIn)
}
