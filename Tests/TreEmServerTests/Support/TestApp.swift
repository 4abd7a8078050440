import Fluent
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current = NIOLockedValueBox(Date(timeIntervalSince1970: 1_780_000_000))  // 2026-05-28

    var now: Date { current.withLockedValue { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to an instant written in ISO 8601 ("2024-07-10T23:59:59+07:00").
    func set(_ iso: String) {
        let date = ISO8601DateFormatter().date(from: iso)!
        current.withLockedValue { $0 = date }
    }
}

/// People the tests act as, all created on the demo data.
struct Fixture {
    static let password = "mat-khau-thu-nghiem-2026"
    /// Xã Kim Thành (commune A, since 2025-07-01, under Hải Phòng).
    static let communeA = "10804"
    /// Xã Phú Thái (commune B, a sibling of A).
    static let communeB = "10750"
    static let city = "31"

    var app: Application
    var clock: ManualClock
}

/// Runs `body` against a freshly migrated database with the demo data and test users: SQLite in
/// memory by default, a schema of its own in PostgreSQL when `DATABASE_URL` is set.
func withTreEm(
    settings adjust: (inout Settings) -> Void = { _ in }, _ body: (Fixture) async throws -> Void
) async throws {
    let clock = ManualClock()
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let database: Settings.Database
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        database = .postgres(url: url, searchPath: String(schema))
    } else {
        database = .sqliteMemory(identifier: String(schema))
    }
    let app = try await Application.make(.testing)
    app.directory = DirectoryConfiguration(workingDirectory: packageRoot())
    do {
        var settings = Settings(database: database, bcryptCost: 4)
        adjust(&settings)
        try await configure(app, settings: settings, now: { clock.now })
        app.logger.logLevel = .warning
        if case .postgres = database {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: String(schema))").run()
        }
        try await app.autoMigrate()
        try await DemoData.load(on: app.db, at: clock.now, slice: DemoData.seedSlice)
        try await createUsers(app)
        try await body(Fixture(app: app, clock: clock))
    } catch {
        try? await dropSchema(app, database: database, schema: String(schema))
        try? await app.asyncShutdown()
        throw error
    }
    try await dropSchema(app, database: database, schema: String(schema))
    try await app.asyncShutdown()
}

private func dropSchema(_ app: Application, database: Settings.Database, schema: String) async throws {
    if case .postgres = database {
        try await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}

private func packageRoot() -> String {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.path + "/"
        }
    }
    return FileManager.default.currentDirectoryPath + "/"
}

/// The current version of a unit code.
func unitID(_ code: String, app: Application) async throws -> UUID {
    let versions = try await UnitModel.query(on: app.db).filter(\.$code == code).all()
    let today = CalendarDay(year: 2026, month: 5, day: 28)!
    return try #require(versions.first { $0.isValid(on: today) }?.id, "no unit \(code) today")
}

/// The version of `code` valid on `day` (ISO).
func unitID(_ code: String, on day: String, app: Application) async throws -> UUID {
    let versions = try await UnitModel.query(on: app.db).filter(\.$code == code).all()
    let date = try #require(CalendarDay(iso: day))
    return try #require(versions.first { $0.isValid(on: date) }?.id, "no unit \(code) on \(day)")
}

/// An active user of `role` at the unit with `id` (nil: the whole country), signing in with the fixture password.
@discardableResult
func addUser(_ username: String, role: Role, unit: UUID?, app: Application) async throws -> UserModel {
    let user = UserModel(
        username: username, displayName: "Người dùng \(username)",
        passwordHash: try await Accounts.hash(Fixture.password, app: app),
        role: role, unitID: unit, agencyID: nil, mustChangePassword: false)
    try await user.create(on: app.db)
    return user
}

private func createUsers(_ app: Application) async throws {
    let hash = try await Accounts.hash(Fixture.password, app: app)
    let a = try await unitID(Fixture.communeA, app: app)
    let b = try await unitID(Fixture.communeB, app: app)
    let city = try await unitID(Fixture.city, app: app)
    let users: [(String, Role, UUID?)] = [
        ("admin", .systemAdministrator, nil),
        ("a.admin", .unitAdministrator, a),
        ("a.officer", .officer, a),
        ("b.admin", .unitAdministrator, b),
        ("b.officer", .officer, b),
        ("city.officer", .officer, city),
    ]
    for (name, role, unit) in users {
        try await UserModel(
            username: name, displayName: "Người dùng \(name)", passwordHash: hash, role: role,
            unitID: unit, agencyID: nil, mustChangePassword: false
        ).create(on: app.db)
    }
}
