import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// Live totals: added up from the submitted figures when they are asked for (no summary
/// tables), over the scope closure. A unit's closure holds the units below it and the units merged into it, so a
/// commune formed in 2025 adds up the 2024 figures of the communes it was made from: summed,
/// never "the latest wins". Only the closure's counted pairs are added: a commune divided in
/// 2025 is counted under its default successor alone, never twice.
enum ReportAggregates {
    /// For each unit in `units`: the sum and count of each cell over the counted figures of every
    /// unit in its closure, in the given rounds.
    ///
    /// A round is opened for its root and the units below it, so a unit asked for either holds
    /// all of a round's reporting units in its closure (a province and its own round: the round's
    /// totals are added whole, read in index order without a join), some of them (a commune within
    /// its province's round, or a commune formed by a merger and the old communes' round: those
    /// figures are joined to the closure one by one), or none. Which it is comes from the reports,
    /// one row per unit rather than per figure, so the answer is exact whatever the hierarchy did.
    static func sums(rounds: [UUID], units: [UUID], on db: Database) async throws -> [UUID: [ValueKey: CellSum]] {
        guard !rounds.isEmpty, !units.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        // SQLite needs telling: CROSS JOIN fixes the join order and "+" keeps it from probing the
        // index once per unit asked for. PostgreSQL finds these plans itself.
        let sqlite = sql.dialect.name == "sqlite"
        let join = SQLRaw(sqlite ? "CROSS JOIN" : "JOIN")
        let plus = SQLRaw(sqlite ? "+" : "")

        struct Pair: Hashable { var unit: UUID; var round: UUID }
        var reportsIn: [UUID: Int] = [:]
        var stamps: [UUID: RoundTotalsCache.Stamp] = [:]
        // PostgreSQL sums a bigint into a numeric: the cast keeps it an integer on both databases.
        for row in try await sql.raw(
            """
            SELECT round_id AS round, COUNT(*) AS n, CAST(SUM(version) AS BIGINT) AS v FROM \(ident: ReportModel.schema) \
            WHERE round_id IN \(SQLBindList(rounds)) GROUP BY round_id
            """
        ).all() {
            let round = try row.decode(column: "round", as: UUID.self)
            let count = try row.decode(column: "n", as: Int.self)
            reportsIn[round] = count
            stamps[round] = .init(reports: count, versions: try row.decode(column: "v", as: Int?.self) ?? 0)
        }
        var whole: [UUID: [UUID]] = [:]  // round → the units holding all of it
        var partial: Set<Pair> = []
        for row in try await sql.raw(
            """
            SELECT s.ancestor_id AS unit, r.round_id AS round, COUNT(*) AS n FROM \(ident: ReportModel.schema) r \(join) \(ident: UnitScopeModel.schema) s \
            ON s.descendant_id = r.unit_id WHERE r.round_id IN \(SQLBindList(rounds)) AND \(plus)s.ancestor_id IN \(SQLBindList(units)) \
            AND s.counted = \(bind: true) \
            GROUP BY s.ancestor_id, r.round_id
            """
        ).all() {
            let pair = Pair(
                unit: try row.decode(column: "unit", as: UUID.self),
                round: try row.decode(column: "round", as: UUID.self))
            if try row.decode(column: "n", as: Int.self) == reportsIn[pair.round] {
                whole[pair.round, default: []].append(pair.unit)
            } else {
                partial.insert(pair)
            }
        }

        var result: [UUID: [ValueKey: CellSum]] = [:]
        func add(_ unit: UUID, _ key: ValueKey, _ cell: CellSum) {
            result[unit, default: [:]][key, default: CellSum(sum: 0, count: 0)].sum += cell.sum
            result[unit, default: [:]][key, default: CellSum(sum: 0, count: 0)].count += cell.count
        }
        if !whole.isEmpty {
            // A round held whole adds its totals, kept while its reports are unchanged.
            var totals: [UUID: [ValueKey: CellSum]] = [:]
            var missing: [UUID] = []
            for round in whole.keys {
                if let stamp = stamps[round], let cached = RoundTotalsCache.shared.totals(of: round, stamp: stamp) {
                    totals[round] = cached
                } else {
                    missing.append(round)
                }
            }
            if !missing.isEmpty {
                var computed: [UUID: [ValueKey: CellSum]] = Dictionary(uniqueKeysWithValues: missing.map { ($0, [:]) })
                for row in try await sql.raw(
                    """
                    SELECT round_id AS round, indicator, part, SUM(number) AS total, COUNT(number) AS n FROM \(ident: ReportValueModel.schema) \
                    WHERE round_id IN \(SQLBindList(missing)) AND counted = \(bind: true) GROUP BY round_id, indicator, part
                    """
                ).all() {
                    guard let (key, cell) = try cell(row) else { continue }
                    computed[try row.decode(column: "round", as: UUID.self), default: [:]][key] = cell
                }
                for (round, cells) in computed {
                    totals[round] = cells
                    if let stamp = stamps[round] { RoundTotalsCache.shared.store(cells, of: round, stamp: stamp) }
                }
            }
            for (round, units) in whole {
                for (key, cell) in totals[round] ?? [:] {
                    for unit in units { add(unit, key, cell) }
                }
            }
        }
        if !partial.isEmpty {
            for row in try await sql.raw(
                """
                SELECT s.ancestor_id AS unit, v.round_id AS round, v.indicator AS indicator, v.part AS part, SUM(v.number) AS total, \
                COUNT(v.number) AS n FROM \(ident: ReportValueModel.schema) v \(join) \(ident: UnitScopeModel.schema) s ON s.descendant_id = v.unit_id \
                WHERE v.round_id IN \(SQLBindList(Array(Set(partial.map(\.round))))) AND v.counted = \(bind: true) \
                AND \(plus)s.ancestor_id IN \(SQLBindList(Array(Set(partial.map(\.unit))))) \
                AND s.counted = \(bind: true) \
                GROUP BY s.ancestor_id, v.round_id, v.indicator, v.part
                """
            ).all() {
                let pair = Pair(
                    unit: try row.decode(column: "unit", as: UUID.self),
                    round: try row.decode(column: "round", as: UUID.self))
                guard partial.contains(pair), let (key, cell) = try cell(row) else { continue }
                add(pair.unit, key, cell)
            }
        }
        return result
    }

    private static func cell(_ row: any SQLRow) throws -> (ValueKey, CellSum)? {
        let count = try row.decode(column: "n", as: Int.self)
        guard count > 0, let part = IndicatorPart(rawValue: try row.decode(column: "part", as: String.self)) else {
            return nil
        }
        return (
            ValueKey(try row.decode(column: "indicator", as: String.self), part),
            CellSum(sum: try row.decode(column: "total", as: Double?.self) ?? 0, count: count)
        )
    }

    struct Level {
        /// The unit whose total this is (nil: the whole country).
        var unit: UnitModel?
        var figures: [ValueKey: Double]
        var children: [(unit: UnitModel, figures: [ValueKey: Double])]
        /// Reporting units divided between several of the children: said on the page, because
        /// their figures are in one child's total only.
        var divided: [Divided] = []
    }

    /// A unit whose figures count under its default successor and not under the other units
    /// formed from part of it.
    struct Divided: Equatable {
        var unitName: String
        /// The default successor; nil when it is not stored (a part of the country was loaded).
        var countedUnder: String?
        var alsoFormed: [String]

        var note: Bilingual {
            let others = alsoFormed.joined(separator: ", ")
            let vi = countedUnder.map { "ở \($0) (đơn vị kế thừa mặc định)" } ?? "ở đơn vị kế thừa mặc định của nó"
            let en = countedUnder.map { "under \($0) (its default successor)" } ?? "under its default successor"
            return Bilingual(
                vi:
                    "\(unitName) đã được chia cho nhiều đơn vị: số liệu của đơn vị này được tính một lần, \(vi), không tính ở \(others).",
                en:
                    "\(unitName) was divided between several units: its figures are counted once, \(en), not under \(others)."
            )
        }
    }

    /// The totals of `unit` and of each reporting unit directly below it as the hierarchy stood on
    /// `asOf`; with no unit, of each province (the country).
    static func level(
        round: ReportRoundModel, unit: UnitModel?, asOf: CalendarDay, on db: Database
    ) async throws -> Level {
        try await level(rounds: [round.requireID()], form: round.form.form(), unit: unit, asOf: asOf, on: db)
    }

    /// The same over several rounds of one form, such as the 34 provinces' rounds of one year.
    static func level(
        rounds: [UUID], form: ReportForm, unit: UnitModel?, asOf: CalendarDay, on db: Database
    ) async throws -> Level {
        let children: [UnitModel]
        if let unit {
            children = try await UnitModel.query(on: db).filter(\.$parent.$id == unit.requireID()).all()
        } else {
            children = try await UnitModel.query(on: db).filter(\.$parent.$id == nil).all()
        }
        let current = children.filter { $0.isValid(on: asOf) && ReportRounds.reportingLevels.contains($0.level) }
            .sortedVietnamese { $0.name }
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
        let divided = try await dividedReporters(rounds: rounds, among: current, on: db)
        return Level(unit: unit, figures: total, children: childFigures, divided: divided)
    }

    /// The round's reporting units that some of `children` see but do not count (they were
    /// divided, and another unit is their default successor).
    static func dividedReporters(
        rounds: [UUID], among children: [UnitModel], on db: Database
    ) async throws
        -> [Divided]
    {
        let childIDs = children.compactMap(\.id)
        guard !rounds.isEmpty, !childIDs.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        var notCountedBy: [UUID: [UUID]] = [:]  // divided unit → children that see it without counting it
        for row in try await sql.raw(
            """
            SELECT DISTINCT s.ancestor_id AS child, s.descendant_id AS unit FROM \(ident: UnitScopeModel.schema) s \
            JOIN \(ident: ReportModel.schema) r ON r.unit_id = s.descendant_id \
            WHERE r.round_id IN \(SQLBindList(rounds)) AND s.ancestor_id IN \(SQLBindList(childIDs)) \
            AND s.counted = \(bind: false)
            """
        ).all() {
            notCountedBy[try row.decode(column: "unit", as: UUID.self), default: []].append(
                try row.decode(column: "child", as: UUID.self))
        }
        guard !notCountedBy.isEmpty else { return [] }
        let nameByChild = Dictionary(children.compactMap { unit in unit.id.map { ($0, unit.name) } }) { a, _ in a }
        let dividedIDs = Array(notCountedBy.keys)
        let nameByUnit = Dictionary(
            try await UnitModel.query(on: db).filter(\.$id ~~ dividedIDs).all().compactMap { unit in
                unit.id.map { ($0, unit.name) }
            }
        ) { a, _ in a }
        // The default successor is named whoever may see it: a unit's name is public.
        var countedUnder: [UUID: String] = [:]
        for link in try await UnitSuccessionModel.query(on: db).filter(\.$predecessor.$id ~~ dividedIDs)
            .filter(\.$isDefault == true).with(\.$successor).all()
        {
            countedUnder[link.$predecessor.id] = link.successor.name
        }
        var result: [Divided] = []
        for (unitID, childIDs) in notCountedBy {
            guard let name = nameByUnit[unitID] else { continue }
            result.append(
                Divided(
                    unitName: name, countedUnder: countedUnder[unitID],
                    alsoFormed: childIDs.compactMap { nameByChild[$0] }.sortedVietnamese { $0 }))
        }
        return result.sortedVietnamese { $0.unitName }
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
