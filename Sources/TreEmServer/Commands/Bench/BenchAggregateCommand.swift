import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// `treem bench aggregate`: a synthetic nation (34 provinces, 3,321 communes, 10,000 villages),
/// the Action Month form and three years of rounds, filled with figures; then the live roll-ups
/// TreEm answers with — national, one province, a province's completeness — timed over repeated
/// runs, beside a hand-written `GROUP BY` of the same totals on the same rows. Prints one
/// `key=value` line per figure. Build with `-c release`.
///
/// `--hierarchy national` uses the real country instead (`NationalHierarchy`): 63 provinces,
/// 696 districts and 10,035 communes reporting for 2022–2024, added up as of 30 June 2026 over
/// the real successions, into the 34 provinces of 2026.
struct BenchAggregateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "database", help: "sqlite (mặc định, tệp tạm) | postgres (cần DATABASE_URL)") var database:
            String?
        @Option(name: "scale", help: "nation (mặc định) | small") var scale: String?
        @Option(
            name: "hierarchy",
            help:
                "synthetic (mặc định) | national: cả nước thật năm 2024, cộng theo năm 2026 (the real 2024 country, added up as of 2026)"
        )
        var hierarchy: String?
        @Option(name: "iterations", help: "Số lần đo (mặc định 20)") var iterations: Int?
        @Option(
            name: "keep",
            help: "Giữ cơ sở dữ liệu SQLite ở đường dẫn này để xem lại — keep the SQLite database at this path")
        var keep: String?
    }

    var help: String { "Đo tổng hợp báo cáo trên một quốc gia giả lập — benchmark live report aggregation" }

    struct Scale {
        var provinces: Int
        var communes: Int
        var villages: Int
        var years: [Int]
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let scale =
            signature.scale == "small"
            ? Scale(provinces: 3, communes: 100, villages: 300, years: [2024, 2025, 2026])
            : Scale(provinces: 34, communes: 3321, villages: 10000, years: [2024, 2025, 2026])
        let iterations = signature.iterations ?? 20
        let kind = signature.database ?? "sqlite"
        let database: Settings.Database
        var schema: String?
        var file: String?
        switch kind {
        case "sqlite":
            file = signature.keep ?? NSTemporaryDirectory() + "treem-bench-\(UUID().uuidString).sqlite"
            database = .sqliteFile(path: file!)
        case "postgres":
            guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
                throw Settings.Invalid(description: "--database postgres cần DATABASE_URL (needs DATABASE_URL)")
            }
            schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            database = .postgres(url: url, searchPath: schema)
        default:
            throw Settings.Invalid(description: "--database: sqlite | postgres")
        }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        let print = { (line: String) in context.console.output(line.consoleText()) }
        do {
            try await configure(app, settings: Settings(database: database, bcryptCost: 4))
            let sql = app.db as! any SQLDatabase
            if let schema { try await sql.raw("CREATE SCHEMA \(ident: schema)").run() }
            if case .sqliteFile = database { try await sql.raw("PRAGMA journal_mode=WAL").run() }
            try await app.autoMigrate()
            if signature.hierarchy == "national" {
                try await Self.national(kind: kind, schema: schema, iterations: iterations, app: app, print: print)
            } else if signature.hierarchy == nil || signature.hierarchy == "synthetic" {
                try await Self.synthetic(
                    scale, named: signature.scale ?? "nation", kind: kind, schema: schema, iterations: iterations,
                    app: app, print: print)
            } else {
                throw Settings.Invalid(description: "--hierarchy: synthetic | national")
            }
        } catch {
            try? await Self.cleanUp(app, schema: schema, file: file)
            throw error
        }
        try await Self.cleanUp(app, schema: schema, file: signature.keep == nil ? file : nil)
    }

    static func synthetic(
        _ scale: Scale, named name: String, kind: String, schema: String?, iterations: Int, app: Application,
        print: (String) -> Void
    ) async throws {
        let sql = app.db as! any SQLDatabase
        let seedStart = DispatchTime.now().uptimeNanoseconds
        let nation = try await SyntheticNation.build(scale, on: app.db)
        let seedMS = Double(DispatchTime.now().uptimeNanoseconds - seedStart) / 1e6
        print("database=\(kind)")
        if let schema { print("schema=\(schema)") }
        print("scale=\(name)")
        print("provinces=\(scale.provinces)")
        print("communes=\(scale.communes)")
        print("villages=\(scale.villages)")
        print("rounds=\(nation.roundsByYear.values.map(\.count).reduce(0, +))")
        print("reports=\(nation.reports)")
        print("values=\(nation.values)")
        print(String(format: "seed_ms=%.0f", seedMS))
        let form = ReportForm.actionMonthResults
        let year = scale.years.last!
        let rounds = nation.roundsByYear[year]!
        let asOf = CalendarDay(year: year, month: 6, day: 30)!
        let province = try await requireUnit(nation.firstProvince, on: app.db)
        let provinceRound = try await requireRound(nation.firstProvinceRounds[year]!, on: app.db)

        var national: ReportAggregates.Level?
        let coldMS = try await Self.median(iterations) {
            RoundTotalsCache.shared.removeAll()
            national = try await ReportAggregates.level(
                rounds: rounds, form: form, unit: nil, asOf: asOf, on: app.db)
        }
        let nationalMS = try await Self.median(iterations) {
            national = try await ReportAggregates.level(
                rounds: rounds, form: form, unit: nil, asOf: asOf, on: app.db)
        }
        let provinceMS = try await Self.median(iterations) {
            _ = try await ReportAggregates.level(round: provinceRound, unit: province, asOf: asOf, on: app.db)
        }
        let now = Date()
        let completenessMS = try await Self.median(iterations) {
            _ = try await ReportRounds.overview(provinceRound, below: province, now: now, on: app.db)
        }
        var plain: [UUID: [ValueKey: CellSum]] = [:]
        let sqlMS = try await Self.median(iterations) {
            plain = try await Self.plainGroupBy(rounds: rounds, on: sql)
        }
        Timings(
            national: nationalMS, nationalCold: coldMS, province: provinceMS, completeness: completenessMS,
            plainSQL: sqlMS, totalsMatch: Self.same(national!, plain, form: form), iterations: iterations
        ).lines.forEach(print)
    }

    static func national(
        kind: String, schema: String?, iterations: Int, app: Application, print: (String) -> Void
    ) async throws {
        let sql = app.db as! any SQLDatabase
        let seedStart = DispatchTime.now().uptimeNanoseconds
        let country = try await NationalHierarchy.build(on: app.db)
        let seedMS = Double(DispatchTime.now().uptimeNanoseconds - seedStart) / 1e6
        let form = ReportForm.actionMonthResults
        let year = NationalHierarchy.years.last!
        let rounds = country.roundsByYear[year]!
        let asOf = CalendarDay(year: 2026, month: 6, day: 30)!
        print("database=\(kind)")
        if let schema { print("schema=\(schema)") }
        print("hierarchy=national")
        print("units=\(country.units)")
        print("scope_pairs=\(country.scopePairs)")
        print(String(format: "units_load_ms=%.0f", country.unitsLoadMS))
        print("rounds=\(country.roundsByYear.values.map(\.count).reduce(0, +))")
        print("reports=\(country.reports)")
        print("values=\(country.values)")
        print(String(format: "seed_ms=%.0f", seedMS))
        // Thành phố Hải Phòng of 2026 and its 114 communes, from the 2024 rounds of Hải Phòng and Hải Dương.
        guard let haiPhong = try await UnitDirectory.anyUnit(code: "31", asOf: asOf, on: app.db),
            let haiDuong = try await UnitDirectory.anyUnit(code: "30", asOf: NationalHierarchy.before, on: app.db),
            let haiDuongRoundID = country.roundByProvince["30"]?[year],
            let haiPhongRoundID = country.roundByProvince["31"]?[year]
        else { throw Settings.Invalid(description: "Hải Phòng or Hải Dương is missing from the national file") }
        let haiDuongRound = try await requireRound(haiDuongRoundID, on: app.db)

        var national: ReportAggregates.Level?
        // Cold: every round added up from its figures, as after a restart. Warm: as pages see it
        // while the rounds' reports are unchanged (RoundTotalsCache).
        let coldMS = try await median(iterations) {
            RoundTotalsCache.shared.removeAll()
            national = try await ReportAggregates.level(rounds: rounds, form: form, unit: nil, asOf: asOf, on: app.db)
        }
        let nationalMS = try await median(iterations) {
            national = try await ReportAggregates.level(rounds: rounds, form: form, unit: nil, asOf: asOf, on: app.db)
        }
        let provinceMS = try await median(iterations) {
            _ = try await ReportAggregates.level(
                rounds: [haiDuongRoundID, haiPhongRoundID], form: form, unit: haiPhong, asOf: asOf, on: app.db)
        }
        let now = Date()
        let completenessMS = try await median(iterations) {
            _ = try await ReportRounds.overview(haiDuongRound, below: haiDuong, now: now, on: app.db)
        }
        var plain: [UUID: [ValueKey: CellSum]] = [:]
        let sqlMS = try await median(iterations) {
            plain = try await NationalHierarchy.plainGroupBy(
                rounds: rounds, newProvinceOf: country.newProvinceOf, on: sql)
        }
        print("provinces_2026=\(national!.children.count)")
        Timings(
            national: nationalMS, nationalCold: coldMS, province: provinceMS, completeness: completenessMS,
            plainSQL: sqlMS, totalsMatch: same(national!, plain, form: form), iterations: iterations
        ).lines.forEach(print)
    }

    /// The figures both hierarchies print, with the same keys.
    struct Timings {
        var national: Double
        var nationalCold: Double
        var province: Double
        var completeness: Double
        var plainSQL: Double
        var totalsMatch: Bool
        var iterations: Int

        var lines: [String] {
            [
                String(format: "national_rollup_ms=%.2f", national),
                String(format: "national_rollup_cold_ms=%.2f", nationalCold),
                String(format: "province_rollup_ms=%.2f", province),
                String(format: "completeness_ms=%.2f", completeness),
                String(format: "sql_group_by_ms=%.2f", plainSQL),
                // The cold roll-up against the plain SQL: both add up every figure.
                String(format: "ratio_to_sql=%.2f", nationalCold / plainSQL),
                "totals_match=\(totalsMatch)",
                "iterations=\(iterations)",
            ]
        }
    }

    static func cleanUp(_ app: Application, schema: String?, file: String?) async throws {
        if let schema, let sql = app.db as? any SQLDatabase,
            ProcessInfo.processInfo.environment["TREEM_BENCH_KEEP_SCHEMA"] == nil
        {
            try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        }
        try await app.asyncShutdown()
        if let file {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
    }

    /// Median milliseconds of `body` over `count` runs after two warm-up runs.
    static func median(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
        var samples: [Double] = []
        for index in 0..<(count + 2) {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            if index >= 2 { samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// The same provincial totals written by hand for this two-level country: a commune's
    /// figures belong to its parent, a province's to itself.
    static func plainGroupBy(rounds: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [ValueKey: CellSum]] {
        let rows = try await sql.raw(
            """
            SELECT COALESCE(u.parent_id, u.id) AS unit, v.indicator AS indicator, v.part AS part, SUM(v.number) AS total, COUNT(v.number) AS n \
            FROM \(ident: ReportValueModel.schema) v JOIN \(ident: UnitModel.schema) u ON u.id = v.unit_id \
            WHERE v.round_id IN \(SQLBindList(rounds)) AND v.counted = \(bind: true) \
            GROUP BY COALESCE(u.parent_id, u.id), v.indicator, v.part
            """
        ).all()
        var result: [UUID: [ValueKey: CellSum]] = [:]
        for row in rows {
            let part = IndicatorPart(rawValue: try row.decode(column: "part", as: String.self)) ?? .total
            result[try row.decode(column: "unit", as: UUID.self), default: [:]][
                ValueKey(try row.decode(column: "indicator", as: String.self), part)] =
                CellSum(
                    sum: try row.decode(column: "total", as: Double?.self) ?? 0,
                    count: try row.decode(column: "n", as: Int.self))
        }
        return result
    }

    static func same(_ level: ReportAggregates.Level, _ plain: [UUID: [ValueKey: CellSum]], form: ReportForm) -> Bool {
        guard level.children.count == plain.count else { return false }
        for child in level.children {
            guard let id = child.unit.id, let sums = plain[id] else { return false }
            let expected = Aggregation.figures(sums, form: form)
            guard expected.count == child.figures.count,
                expected.allSatisfy({ key, value in abs((child.figures[key] ?? .nan) - value) < 1e-6 })
            else { return false }
        }
        return true
    }
}

private func requireUnit(_ id: UUID, on db: Database) async throws -> UnitModel {
    guard let unit = try await UnitModel.find(id, on: db) else { throw Abort(.internalServerError) }
    return unit
}

private func requireRound(_ id: UUID, on db: Database) async throws -> ReportRoundModel {
    guard let round = try await ReportRoundModel.query(on: db).filter(\.$id == id).with(\.$form).with(\.$root).first()
    else {
        throw Abort(.internalServerError)
    }
    return round
}

/// `treem bench aggregate | tasks`.
struct BenchCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["aggregate": BenchAggregateCommand(), "tasks": BenchTasksCommand()]
    }
    var help: String { "Đo hiệu năng (bản release) — benchmarks (release build)" }
}
