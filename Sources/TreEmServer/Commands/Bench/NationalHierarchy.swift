import Fluent
import FluentSQL
import Foundation
import TreEmCore

/// The real country for the aggregation benchmark: the national units file loaded as a fresh
/// `treem serve` loads it, then one Action Month round per province of 2024 (63) for each of
/// three years before the reform, with a report for the province, each district and each
/// commune (reviewed by the level above), nine in ten sent, a figure in every cell.
enum NationalHierarchy {
    struct Built {
        var unitsLoadMS: Double = 0
        var units = 0
        var scopePairs = 0
        var roundsByYear: [Int: [UUID]] = [:]
        var reports = 0
        var values = 0
        /// Old province code → its rounds by year, for the province and completeness figures.
        var roundByProvince: [String: [Int: UUID]] = [:]
        /// Old province id → the province (2026) it became, for checking the totals by hand.
        var newProvinceOf: [UUID: UUID] = [:]
    }

    static let years = [2022, 2023, 2024]
    static let before = CalendarDay(year: 2024, month: 6, day: 1)!

    static func build(on db: Database) async throws -> Built {
        let sql = db as! any SQLDatabase
        var built = Built()
        let country = try NationalUnits.bundled()
        let loadStart = DispatchTime.now().uptimeNanoseconds
        _ = try await UnitDirectory.load(country, on: db)
        built.unitsLoadMS = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
        built.units = try await UnitModel.query(on: db).count()
        built.scopePairs = try await UnitScopeModel.query(on: db).count()

        let all = try await UnitModel.query(on: db).all()
        let old = all.filter { $0.isValid(on: before) }
        var childrenOf: [UUID: [UnitModel]] = [:]
        for unit in old { if let parent = unit.$parent.id { childrenOf[parent, default: []].append(unit) } }
        let provinces = old.filter { $0.level == .province }
        let links = try await UnitSuccessionModel.query(on: db).all()
        for link in links { built.newProvinceOf[link.$predecessor.id] = link.$successor.id }
        for province in provinces where built.newProvinceOf[province.id!] == nil {
            built.newProvinceOf[province.id!] = province.id!  // kept its territory: one version
        }

        guard
            let form = try await ReportFormModel.query(on: db).filter(\.$code == ReportForm.actionMonthResults.code)
                .first(),
            let formID = form.id
        else { throw Settings.Invalid(description: "the Action Month form is missing") }
        let cells = SyntheticNation.cells
        var generator = SplitMix(seed: 2024)
        for year in years {
            var rounds: [SyntheticNation.RoundRow] = []
            var reports: [SyntheticNation.ReportRow] = []
            var values: [SyntheticNation.ValueRow] = []
            let opened = Date(
                timeIntervalSince1970: Double(CalendarDay(year: year, month: 5, day: 20)!.daysSinceEpoch) * 86400)
            let submitted = opened.addingTimeInterval(40 * 86400)
            for province in provinces {
                let provinceID = province.id!
                let round = SyntheticNation.RoundRow(
                    id: UUID(), form_id: formID, root_unit_id: provinceID, year: year,
                    title: "Báo cáo kết quả Tháng hành động năm \(year)", as_of: "\(year)-06-30",
                    deadline: "\(year)-07-20", opened_at: opened)
                rounds.append(round)
                built.roundsByYear[year, default: []].append(round.id)
                built.roundByProvince[province.code, default: [:]][year] = round.id
                var reporters: [(unit: UUID, reviewer: UUID?, depth: Int)] = [(provinceID, nil, 0)]
                for district in childrenOf[provinceID] ?? [] {
                    reporters.append((district.id!, provinceID, 1))
                    for commune in childrenOf[district.id!] ?? [] { reporters.append((commune.id!, district.id!, 2)) }
                }
                for (unit, reviewer, depth) in reporters {
                    let (report, figures) = SyntheticNation.filledReport(
                        unit: unit, reviewer: reviewer, depth: depth, round: round.id, year: year,
                        submitted: submitted, cells: cells, generator: &generator)
                    reports.append(report)
                    values += figures
                }
            }
            try await SyntheticNation.insert(rounds, into: ReportRoundModel.schema, on: sql)
            try await SyntheticNation.insert(reports, into: ReportModel.schema, on: sql)
            try await SyntheticNation.insert(values, into: ReportValueModel.schema, on: sql)
            built.reports += reports.count
            built.values += values.count
        }
        try await sql.raw(sql.dialect.name == "sqlite" ? "ANALYZE" : "VACUUM ANALYZE").run()
        return built
    }

    /// The 2026 provinces' totals written by hand: every figure of a round belongs to the round's
    /// province of 2024, and that province's figures to the province of 2026 it became.
    static func plainGroupBy(
        rounds: [UUID], newProvinceOf: [UUID: UUID], on sql: any SQLDatabase
    ) async throws -> [UUID: [ValueKey: CellSum]] {
        let rows = try await sql.raw(
            """
            SELECT r.root_unit_id AS unit, v.indicator AS indicator, v.part AS part, SUM(v.number) AS total, COUNT(v.number) AS n \
            FROM \(ident: ReportValueModel.schema) v JOIN \(ident: ReportRoundModel.schema) r ON r.id = v.round_id \
            WHERE v.round_id IN \(SQLBindList(rounds)) AND v.counted = \(bind: true) \
            GROUP BY r.root_unit_id, v.indicator, v.part
            """
        ).all()
        var result: [UUID: [ValueKey: CellSum]] = [:]
        for row in rows {
            let part = IndicatorPart(rawValue: try row.decode(column: "part", as: String.self)) ?? .total
            let old = try row.decode(column: "unit", as: UUID.self)
            let key = ValueKey(try row.decode(column: "indicator", as: String.self), part)
            let unit = newProvinceOf[old] ?? old
            var cell = result[unit, default: [:]][key] ?? CellSum(sum: 0, count: 0)
            cell.sum += try row.decode(column: "total", as: Double?.self) ?? 0
            cell.count += try row.decode(column: "n", as: Int.self)
            result[unit, default: [:]][key] = cell
        }
        return result
    }
}
