import Fluent
import FluentSQL
import Foundation
import TreEmCore

/// Browsing the hierarchy one level at a time, and finding a unit by name: with the whole
/// country stored (some 14,000 unit versions) no page lists it all at once. Every function takes
/// the caller's scope and the day, and answers in a fixed, small number of queries.
extension UnitDirectory {
    /// The top of what `user` sees on `day`: for a national user the provinces (units without a
    /// parent); for anyone else the units of their scope whose parent lies outside it — their
    /// own unit, or before a merger the units theirs was formed from.
    static func topUnits(for user: CurrentUser, asOf day: CalendarDay, on db: Database) async throws -> [UnitModel] {
        let query = validOn(day, UnitModel.query(on: db))
        guard !user.seesEverything else {
            return try await query.filter(\.$parent.$id == nil).all()
        }
        let root = user.unitID ?? UUID()
        let parent = SQLColumn("parent_id", table: UnitModel.schema)
        return try await scoped(query, for: user)
            .filter(
                .sql(
                    embed:
                        "(\(parent) IS NULL OR \(parent) NOT IN (SELECT \(ident: "descendant_id") FROM \(ident: UnitScopeModel.schema) WHERE \(ident: "ancestor_id") = \(bind: root)))"
                )
            )
            .all()
    }

    /// The units directly below any of `parents` on `day`. Everything below a unit the caller
    /// sees is in their scope, so the parents' visibility is the only check needed.
    static func children(of parents: [UUID], asOf day: CalendarDay, on db: Database) async throws -> [UnitModel] {
        guard !parents.isEmpty else { return [] }
        return try await validOn(day, UnitModel.query(on: db).filter(\.$parent.$id ~~ parents)).all()
    }

    /// How many units sit directly below each of `units` on `day`, in one grouped query (units
    /// with none are absent).
    static func childCounts(of units: [UUID], asOf day: CalendarDay, on db: Database) async throws -> [UUID: Int] {
        guard !units.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        var counts: [UUID: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT parent_id AS parent, COUNT(*) AS n FROM \(ident: UnitModel.schema) \
            WHERE parent_id IN \(SQLBindList(units)) \
            AND (valid_from IS NULL OR valid_from <= \(bind: day.iso)) \
            AND (valid_to IS NULL OR valid_to >= \(bind: day.iso)) \
            GROUP BY parent_id
            """
        ).all() {
            counts[try row.decode(column: "parent", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The units above `unit` that `user` may see, the highest first: a breadcrumb trail that
    /// stops where the caller's scope does. Follows parent links only (never successions).
    static func ancestors(of unit: UnitModel, for user: CurrentUser, on db: Database) async throws -> [UnitModel] {
        var trail: [UnitModel] = []
        var next = unit.$parent.id
        var seen: Set<UUID> = []
        while let id = next, !seen.contains(id), try await canSee(unitID: id, user: user, on: db),
            let parent = try await UnitModel.find(id, on: db)
        {
            seen.insert(id)
            trail.insert(parent, at: 0)
            next = parent.$parent.id
        }
        return trail
    }

    struct SearchResult {
        /// At most the limit asked for: provinces before districts before communes, then by name.
        var hits: [UnitModel]
        /// All matches in the caller's scope on the day, beyond the limit too.
        var total: Int
        /// The hits' parents by id, for naming where each hit lies.
        var parents: [UUID: UnitModel]
    }

    /// Units valid on `day` within `user`'s scope whose name contains `text`, compared without
    /// case or diacritics ("kim thanh" finds "Xã Kim Thành"). The text is matched literally: `%`
    /// and `_` are escaped, never wildcards.
    static func search(
        _ text: String, asOf day: CalendarDay, for user: CurrentUser, limit: Int, on db: Database
    ) async throws -> SearchResult {
        let folded = VietnameseText.fold(text)
        guard !folded.isEmpty else { return SearchResult(hits: [], total: 0, parents: [:]) }
        let pattern = "%" + likeEscaped(folded) + "%"
        func matching() -> QueryBuilder<UnitModel> {
            validOn(day, scoped(UnitModel.query(on: db), for: user))
                .filter(
                    .sql(
                        embed:
                            "\(SQLColumn("name_folded", table: UnitModel.schema)) LIKE \(bind: pattern) ESCAPE '\\'"
                    ))
        }
        let total = try await matching().count()
        let levelRank = AdministrativeLevel.allCases.sorted { $0.rank < $1.rank }
            .enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
        let hits = try await matching()
            .sort(
                .sql(
                    embed:
                        "CASE \(SQLColumn("level", table: UnitModel.schema)) \(unsafeRaw: levelRank) ELSE 9 END"
                )
            )
            .sort(\.$nameFolded).sort(\.$code)
            .limit(limit).all()
        let parents = try await units(ids: Array(Set(hits.compactMap { $0.$parent.id })), on: db)
        return SearchResult(
            hits: hits, total: total,
            parents: Dictionary(parents.compactMap { unit in unit.id.map { ($0, unit) } }) { first, _ in first })
    }

    /// `text` with the LIKE wildcards and the escape character itself escaped by a backslash.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Every succession link out of any of `predecessors`, successors loaded: whether a unit was
    /// divided, and which of its successors counts its figures (the default).
    static func successionLinks(from predecessors: [UUID], on db: Database) async throws -> [UnitSuccessionModel] {
        guard !predecessors.isEmpty else { return [] }
        return try await UnitSuccessionModel.query(on: db).filter(\.$predecessor.$id ~~ predecessors)
            .with(\.$successor).all()
    }
}
