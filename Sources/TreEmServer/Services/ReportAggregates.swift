import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// Live totals: added up from the submitted figures when they are asked for, over the scope
/// closure. A unit's closure holds the units below it and the units merged into it, so a
/// commune formed in 2025 adds up the 2024 figures of the communes it was made from: summed,
/// never "the latest wins".
enum ReportAggregates {
    /// For each unit in `units`: the sum and count of each cell over the counted figures of every
    /// unit in its closure, in the given rounds. One query.
    static func sums(rounds: [UUID], units: [UUID], on db: Database) async throws -> [UUID: [ValueKey: CellSum]] {
        guard !rounds.isEmpty, !units.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        // Drive the join from the rounds' figures (read from the covering index), each finding its
        // ancestors by the closure's descendant index. SQLite needs telling: CROSS JOIN fixes the
        // order and "+" keeps it from probing the index once per unit asked for.
        let sqlite = sql.dialect.name == "sqlite"
        let rows = try await sql.raw("""
            SELECT s.ancestor_id AS unit, v.indicator AS indicator, v.part AS part, SUM(v.number) AS total, COUNT(v.number) AS n \
            FROM \(ident: ReportValueModel.schema) v \(unsafeRaw: sqlite ? "CROSS JOIN" : "JOIN") \(ident: UnitScopeModel.schema) s \
            ON s.descendant_id = v.unit_id \
            WHERE v.round_id IN \(SQLBindList(rounds)) AND v.counted = \(bind: true) \
            AND \(unsafeRaw: sqlite ? "+" : "")s.ancestor_id IN \(SQLBindList(units)) \
            GROUP BY s.ancestor_id, v.indicator, v.part
            """).all()
        var result: [UUID: [ValueKey: CellSum]] = [:]
        for row in rows {
            let unit = try row.decode(column: "unit", as: UUID.self)
            let count = try row.decode(column: "n", as: Int.self)
            guard count > 0, let part = IndicatorPart(rawValue: try row.decode(column: "part", as: String.self)) else { continue }
            let total = try row.decode(column: "total", as: Double?.self) ?? 0
            result[unit, default: [:]][ValueKey(try row.decode(column: "indicator", as: String.self), part)] = CellSum(sum: total, count: count)
        }
        return result
    }

    struct Level {
        /// The unit whose total this is (nil: the whole country).
        var unit: UnitModel?
        var figures: [ValueKey: Double]
        var children: [(unit: UnitModel, figures: [ValueKey: Double])]
    }

    /// The totals of `unit` and of each reporting unit directly below it as the hierarchy stood on
    /// `asOf`; with no unit, of each province (the country).
    static func level(round: ReportRoundModel, unit: UnitModel?, asOf: CalendarDay, on db: Database) async throws -> Level {
        try await level(rounds: [round.requireID()], form: round.form.form(), unit: unit, asOf: asOf, on: db)
    }

    /// The same over several rounds of one form, such as the 34 provinces' rounds of one year.
    static func level(rounds: [UUID], form: ReportForm, unit: UnitModel?, asOf: CalendarDay, on db: Database) async throws -> Level {
        let children: [UnitModel]
        if let unit {
            children = try await UnitModel.query(on: db).filter(\.$parent.$id == unit.requireID()).all()
        } else {
            children = try await UnitModel.query(on: db).filter(\.$parent.$id == nil).all()
        }
        let current = children.filter { $0.isValid(on: asOf) && ReportRounds.reportingLevels.contains($0.level) }
            .sorted { VietnameseText.precedes($0.name, $1.name) }
        var ids = current.compactMap(\.id)
        if let id = unit?.id { ids.append(id) }
        let sums = try await sums(rounds: rounds, units: ids, on: db)
        let childFigures = current.map { ($0, Aggregation.figures(sums[$0.id!] ?? [:], form: form)) }
        let total: [ValueKey: Double]
        if let id = unit?.id {
            total = Aggregation.figures(sums[id] ?? [:], form: form)
        } else {
            // The country: the provinces' sums added (their closures do not overlap on one day).
            total = Aggregation.figures(combined(sums.values), form: form)
        }
        return Level(unit: unit, figures: total, children: childFigures)
    }

    /// Several units' sums added cell by cell.
    static func combined<S: Sequence>(_ unitSums: S) -> [ValueKey: CellSum] where S.Element == [ValueKey: CellSum] {
        var result: [ValueKey: CellSum] = [:]
        for sums in unitSums {
            for (key, cell) in sums {
                result[key, default: CellSum(sum: 0, count: 0)].sum += cell.sum
                result[key, default: CellSum(sum: 0, count: 0)].count += cell.count
            }
        }
        return result
    }
}

/// `(?, ?, ?)` of bound values.
struct SQLBindList: SQLExpression {
    var values: [any Encodable & Sendable]

    init(_ values: [UUID]) {
        self.values = values
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("(")
        for (index, value) in values.enumerated() {
            if index > 0 { serializer.write(", ") }
            serializer.write(bind: value)
        }
        serializer.write(")")
    }
}
