import Fluent
import FluentSQL
import Foundation
import TreEmCore

/// Rows of a made-up country for the aggregation benchmark, written with multi-row INSERTs:
/// provinces, communes (shared out evenly) and villages; the scope closure; one Action Month
/// round per province and year; a report per province and commune, nine in ten of them sent,
/// each with a figure in every cell of the form.
enum SyntheticNation {
    struct Built {
        var roundsByYear: [Int: [UUID]] = [:]
        var firstProvince = UUID()
        var firstProvinceRounds: [Int: UUID] = [:]
        var reports = 0
        var values = 0
    }

    // Column names as the migrations write them.
    private struct UnitRow: Encodable, Sendable {
        var id: UUID, code: String, name: String, name_folded: String, level: String, parent_id: UUID?
    }
    private struct ScopeRow: Encodable, Sendable {
        var id: UUID, ancestor_id: UUID, descendant_id: UUID
    }
    struct RoundRow: Encodable, Sendable {
        var id: UUID, form_id: UUID, root_unit_id: UUID, year: Int, title: String, as_of: String, deadline: String,
            opened_at: Date
    }
    struct ReportRow: Encodable, Sendable {
        var id: UUID, round_id: UUID, unit_id: UUID, reviewer_unit_id: UUID?, depth: Int, deadline: String?,
            status: String
        var version: Int, is_partial: Bool, results: String, difficulties: String, proposals: String,
            explanation: String
        var submitted_at: Date?
    }
    struct ValueRow: Encodable, Sendable {
        var id: UUID, report_id: UUID, round_id: UUID, unit_id: UUID, indicator: String, part: String, number: Double
        var counted: Bool, updated_at: Date
    }

    static func build(_ scale: BenchAggregateCommand.Scale, on db: Database) async throws -> Built {
        let sql = db as! any SQLDatabase
        var built = Built()
        var units: [UnitRow] = []
        var scope: [ScopeRow] = []
        var provinces: [UUID] = []
        var communesOf: [UUID: [UUID]] = [:]
        for p in 0..<scale.provinces {
            let id = UUID()
            provinces.append(id)
            units.append(
                UnitRow(
                    id: id, code: "\(p + 1)", name: "Tỉnh Thử \(p + 1)", name_folded: "tinh thu \(p + 1)",
                    level: "province", parent_id: nil))
            scope.append(ScopeRow(id: UUID(), ancestor_id: id, descendant_id: id))
        }
        built.firstProvince = provinces[0]
        var communes: [UUID] = []
        for c in 0..<scale.communes {
            let id = UUID()
            let province = provinces[c % scale.provinces]
            communes.append(id)
            communesOf[province, default: []].append(id)
            units.append(
                UnitRow(
                    id: id, code: "\(10000 + c)", name: "Xã Thử \(c + 1)", name_folded: "xa thu \(c + 1)",
                    level: "commune", parent_id: province))
            scope += [
                ScopeRow(id: UUID(), ancestor_id: id, descendant_id: id),
                ScopeRow(id: UUID(), ancestor_id: province, descendant_id: id),
            ]
        }
        for v in 0..<scale.villages {
            let id = UUID()
            let commune = communes[v % scale.communes]
            let province = provinces[(v % scale.communes) % scale.provinces]
            units.append(
                UnitRow(
                    id: id, code: "\(10000 + v % scale.communes)-\(v)", name: "Thôn \(v + 1)",
                    name_folded: "thon \(v + 1)",
                    level: "village", parent_id: commune))
            scope += [
                ScopeRow(id: UUID(), ancestor_id: id, descendant_id: id),
                ScopeRow(id: UUID(), ancestor_id: commune, descendant_id: id),
                ScopeRow(id: UUID(), ancestor_id: province, descendant_id: id),
            ]
        }
        try await insert(units, into: UnitModel.schema, on: sql)
        try await insert(scope, into: UnitScopeModel.schema, on: sql)

        guard
            let form = try await ReportFormModel.query(on: db).filter(\.$code == ReportForm.actionMonthResults.code)
                .first(),
            let formID = form.id
        else { throw Settings.Invalid(description: "the Action Month form is missing") }
        let cells = Self.cells
        var generator = SplitMix(seed: 2026)
        for year in scale.years {
            var rounds: [RoundRow] = []
            var reports: [ReportRow] = []
            var values: [ValueRow] = []
            let opened = Date(
                timeIntervalSince1970: Double(CalendarDay(year: year, month: 5, day: 20)!.daysSinceEpoch) * 86400)
            let submitted = opened.addingTimeInterval(40 * 86400)
            for province in provinces {
                let round = RoundRow(
                    id: UUID(), form_id: formID, root_unit_id: province, year: year,
                    title: "Báo cáo kết quả Tháng hành động năm \(year)", as_of: "\(year)-06-30",
                    deadline: "\(year)-07-20", opened_at: opened)
                rounds.append(round)
                built.roundsByYear[year, default: []].append(round.id)
                if province == provinces[0] { built.firstProvinceRounds[year] = round.id }
                for (unit, reviewer, depth) in [(province, nil as UUID?, 0)]
                    + (communesOf[province] ?? []).map({ ($0, province as UUID?, 1) })
                {
                    let (report, figures) = filledReport(
                        unit: unit, reviewer: reviewer, depth: depth, round: round.id, year: year,
                        submitted: submitted, cells: cells, generator: &generator)
                    reports.append(report)
                    values += figures
                }
            }
            try await insert(rounds, into: ReportRoundModel.schema, on: sql)
            try await insert(reports, into: ReportModel.schema, on: sql)
            try await insert(values, into: ReportValueModel.schema, on: sql)
            built.reports += reports.count
            built.values += values.count
        }
        // Fresh statistics (and on PostgreSQL a visibility map for index-only scans), as a
        // database that has lived with these rows would have from autovacuum.
        try await sql.raw(sql.dialect.name == "sqlite" ? "ANALYZE" : "VACUUM ANALYZE").run()
        return built
    }

    /// The cells of the Action Month form that a unit enters.
    static var cells: [(Indicator, IndicatorPart)] {
        ReportForm.actionMonthResults.indicators.filter(\.isEntered).flatMap { indicator in
            indicator.parts.map { (indicator, $0) }
        }
    }

    /// One unit's report in a round, nine in ten of them sent (and approved), with a made-up
    /// figure in every cell; the figures of a report not sent do not count.
    static func filledReport(
        unit: UUID, reviewer: UUID?, depth: Int, round: UUID, year: Int, submitted: Date,
        cells: [(Indicator, IndicatorPart)], generator: inout SplitMix
    ) -> (ReportRow, [ValueRow]) {
        let sent = generator.next() % 10 != 0
        let report = ReportRow(
            id: UUID(), round_id: round, unit_id: unit, reviewer_unit_id: reviewer, depth: depth,
            deadline: depth == 0 ? nil : "\(year)-07-20", status: sent ? "approved" : "draft", version: 1,
            is_partial: false, results: "", difficulties: "", proposals: "", explanation: "",
            submitted_at: sent ? submitted : nil)
        var values: [ValueRow] = []
        for (indicator, part) in cells {
            let number: Double =
                indicator.type == .yesNo
                ? Double(generator.next() % 2)
                : indicator.type == .money
                    ? Double(generator.next() % 50_000) * 1000 : Double(generator.next() % 200)
            values.append(
                ValueRow(
                    id: UUID(), report_id: report.id, round_id: round, unit_id: unit, indicator: indicator.code,
                    part: part.rawValue, number: number, counted: sent, updated_at: submitted))
        }
        return (report, values)
    }

    /// Multi-row INSERTs inside one transaction, in batches under both databases' bind limits.
    static func insert<Row: Encodable & Sendable>(
        _ rows: [Row], into table: String, on sql: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        let batch = 400
        try await (sql as! any Database).transaction { tx in
            let sql = tx as! any SQLDatabase
            for start in stride(from: 0, to: rows.count, by: batch) {
                try await sql.insert(into: table).models(
                    Array(rows[start..<min(start + batch, rows.count)]), nilEncodingStrategy: .asNil
                ).run()
            }
        }
    }
}

/// A small deterministic generator, so every run seeds the same figures.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
