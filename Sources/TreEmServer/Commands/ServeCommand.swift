import Vapor

/// `treem serve`: Vapor's server, after the first-start work (migrate, demo data, first administrator).
struct TreEmServeCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature
    let inner: ServeCommand

    var help: String {
        "Chạy TreEm (tạo và cập nhật cơ sở dữ liệu, nạp dữ liệu mẫu lần đầu) — run TreEm: migrates, loads demo data on first start"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.prepareDatabase(app)
        if try await DemoData.load(on: app.db, at: app.treem.now()) {
            try await DemoReports.load(on: app.db, at: app.treem.now())
            context.console.print("Đã nạp dữ liệu mẫu (demo data loaded).")
        }
        let admin = try await Bootstrap.createFirstAdministrator(app)
        try await inner.run(using: context, signature: signature)
        Notifications.startSweeping(app)
        let address = app.http.server.shared.localAddress
        let host = address?.ipAddress ?? app.http.server.configuration.hostname
        let port = address?.port ?? app.http.server.configuration.port
        context.console.print("TreEm đang chạy tại (running at) http://\(host):\(port)/")
        if let admin {
            if let password = admin.oneTimePassword {
                context.console.print("Quản trị viên đầu tiên (first administrator): \(admin.username)")
                context.console.print("Mật khẩu dùng một lần (one-time password): \(password)")
                context.console.print("Hãy đổi mật khẩu ở lần đăng nhập đầu tiên (change it at first sign-in).")
            } else {
                context.console.print(
                    "Quản trị viên đầu tiên (first administrator): \(admin.username), mật khẩu từ TREEM_INITIAL_ADMIN_PASSWORD"
                )
            }
        }
    }
}

/// `treem migrate`: the explicit migration step for deployments.
struct MigrateDatabaseCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Tạo và cập nhật cấu trúc cơ sở dữ liệu — create or update the database schema" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Bootstrap.prepareDatabase(context.application)
        context.console.print("Cơ sở dữ liệu đã được cập nhật (database migrated).")
    }
}

/// `treem demo-data`: loads the demo units and agencies (again), and the demo reporting round
/// when there is no round yet.
struct DemoDataCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Nạp dữ liệu mẫu (đơn vị, cơ quan trong 5 kế hoạch mẫu) — load the demo units and agencies" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.prepareDatabase(app)
        try await DemoData.load(on: app.db, at: app.treem.now(), force: true)
        try await DemoReports.load(on: app.db, at: app.treem.now())
        context.console.print("Đã nạp dữ liệu mẫu (demo data loaded).")
    }
}
