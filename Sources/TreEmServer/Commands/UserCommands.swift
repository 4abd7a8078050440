import Fluent
import TreEmCore
import Vapor

/// `treem user add …` and `treem user reset-password U`.
struct UserCommands: AsyncCommandGroup {
    var help: String { "Quản lý người dùng — manage users" }
    var commands: [String: any AnyAsyncCommand] {
        ["add": AddUserCommand(), "reset-password": ResetPasswordCommand()]
    }
}

struct AddUserCommand: AsyncCommand {
    /// What `--unit` takes for the whole country: the top of the tree, above every province.
    static let wholeCountry = "VN"

    struct Signature: CommandSignature {
        @Option(name: "username", help: "Tên đăng nhập") var username: String?
        @Option(
            name: "unit",
            help:
                "Mã đơn vị (GSO) của người dùng; VN: toàn quốc (cán bộ, người xem của Bộ Y tế); bỏ trống chỉ với systemAdministrator"
        ) var unit: String?
        @Option(name: "role", help: "systemAdministrator | unitAdministrator | officer | agencyMember | viewer")
        var role: String?
        @Option(name: "agency", help: "UUID của cơ quan (với agencyMember)") var agency: String?
        @Option(name: "name", help: "Họ và tên") var name: String?
        @Flag(name: "password-stdin", help: "Đọc mật khẩu từ đầu vào chuẩn thay vì tạo mật khẩu dùng một lần")
        var passwordStdin: Bool
    }

    var help: String { "Thêm người dùng, in mật khẩu dùng một lần — add a user and print a one-time password" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let rawUsername = signature.username, let roleText = signature.role else {
            throw CommandFailure(description: "Cần --username và --role (both --username and --role are required)")
        }
        let username = VietnameseText.clean(rawUsername).lowercased()
        guard let role = Role(rawValue: roleText) else {
            throw CommandFailure(
                description:
                    "Vai trò không hợp lệ: \(roleText). Chọn: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try await Bootstrap.prepareDatabase(app)
        if try await UserModel.query(on: app.db).filter(\.$username == username).first() != nil {
            throw CommandFailure(description: "Tên đăng nhập \(username) đã có (username taken)")
        }
        var unitID: UUID?
        if signature.unit?.uppercased() == Self.wholeCountry {
            // The whole country: the ministry's officers and viewers, or a system administrator.
            guard Role.nationalRoles.contains(role) else {
                throw CommandFailure(
                    description:
                        "--unit \(Self.wholeCountry) (toàn quốc) chỉ dành cho systemAdministrator, officer hoặc viewer (whole country: those roles only)"
                )
            }
        } else if let code = signature.unit {
            let today = CalendarDay(vietnamTimeOf: app.treem.now())
            guard let unit = try await UnitDirectory.anyUnit(code: code, asOf: today, on: app.db) else {
                throw CommandFailure(description: "Không có đơn vị mã \(code) (no such unit)")
            }
            unitID = unit.id
        } else if role != .systemAdministrator {
            throw CommandFailure(description: "Cần --unit cho vai trò \(role.rawValue) (--unit is required)")
        }
        var agencyID: UUID?
        if let agencyText = signature.agency {
            guard let id = UUID(uuidString: agencyText), let agency = try await AgencyModel.find(id, on: app.db),
                agency.$unit.id == unitID
            else {
                throw CommandFailure(
                    description: "Cơ quan \(agencyText) không thuộc đơn vị đã chọn (agency not in the unit)")
            }
            agencyID = id
        } else if role == .agencyMember {
            throw CommandFailure(description: "Vai trò agencyMember cần --agency")
        }
        let password: String
        let oneTime: Bool
        if signature.passwordStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure(
                    description: "Không đọc được mật khẩu từ đầu vào chuẩn (no password on standard input)")
            }
            if let problem = PasswordPolicy.problem(password: line, username: username) {
                throw CommandFailure(description: problem.vi)
            }
            password = line
            oneTime = false
        } else {
            password = PasswordPolicy.oneTimePassword()
            oneTime = true
        }
        let user = UserModel(
            username: username, displayName: signature.name.map(VietnameseText.clean) ?? username,
            passwordHash: try await Accounts.hash(password, app: app), role: role,
            unitID: unitID, agencyID: agencyID, mustChangePassword: oneTime)
        let scopeUnitID = unitID
        try await app.db.transaction { tx in
            try await user.create(on: tx)
            try await AuditLog.record(
                .userCreated, by: .init(id: nil, username: "cli"), recordType: "user", recordID: user.id?.uuidString,
                unitID: scopeUnitID, summary: "Tạo người dùng \(username) (\(role.label(.vi)))",
                address: "local", at: app.treem.now(), on: tx)
        }
        context.console.print("Đã tạo người dùng \(username) (\(role.label(.vi))).")
        if oneTime { context.console.print("Mật khẩu dùng một lần (one-time password): \(password)") }
    }
}

struct ResetPasswordCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username", help: "Tên đăng nhập") var username: String
    }

    var help: String { "Cấp mật khẩu dùng một lần mới — issue a new one-time password" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.prepareDatabase(app)
        let username = VietnameseText.clean(signature.username).lowercased()
        guard let user = try await UserModel.query(on: app.db).filter(\.$username == username).first() else {
            throw CommandFailure(description: "Không có người dùng \(username) (no such user)")
        }
        let password = PasswordPolicy.oneTimePassword()
        user.passwordHash = try await Accounts.hash(password, app: app)
        user.mustChangePassword = true
        try await app.db.transaction { tx in
            try await user.save(on: tx)
            try await SessionModel.query(on: tx).filter(\.$user.$id == user.requireID()).delete()
            try await AuditLog.record(
                .passwordReset, by: .init(id: nil, username: "cli"), recordType: "user", recordID: user.id?.uuidString,
                unitID: user.$unit.id, summary: "Cấp mật khẩu dùng một lần mới cho \(username)",
                address: "local", at: app.treem.now(), on: tx)
        }
        context.console.print("Mật khẩu dùng một lần mới của \(username) (new one-time password): \(password)")
    }
}
