import Fluent
import Foundation
import SQLKit
import TreEmCore

/// Queries and changes of the administrative hierarchy. Every read takes the caller's scope, so
/// a record outside it is indistinguishable from one that does not exist.
enum UnitDirectory {
    /// Units the user may see that were valid on `day`.
    static func visibleUnits(for user: CurrentUser, asOf day: CalendarDay, on db: Database) async throws -> [UnitModel]
    {
        try await validOn(day, scoped(UnitModel.query(on: db), for: user)).all()
    }

    /// Restricts a unit query to the versions valid on `day` (an open end is no limit).
    static func validOn(_ day: CalendarDay, _ query: QueryBuilder<UnitModel>) -> QueryBuilder<UnitModel> {
        query
            .group(.or) { $0.filter(\.$validFrom == nil).filter(\.$validFrom <= day.iso) }
            .group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo >= day.iso) }
    }

    /// The units directly below `unitID` on `day`.
    static func children(of unitID: UUID, asOf day: CalendarDay, on db: Database) async throws -> [UnitModel] {
        try await validOn(day, UnitModel.query(on: db).filter(\.$parent.$id == unitID)).all()
    }

    /// The units `unitID` was formed from, and those it became (mergers and splits).
    static func successions(
        of unitID: UUID, on db: Database
    ) async throws
        -> (before: [UnitSuccessionModel], after: [UnitSuccessionModel])
    {
        let before = try await UnitSuccessionModel.query(on: db).filter(\.$successor.$id == unitID).with(\.$predecessor)
            .all()
        let after = try await UnitSuccessionModel.query(on: db).filter(\.$predecessor.$id == unitID).with(\.$successor)
            .all()
        return (before, after)
    }

    /// Units by id, whatever the caller's scope: for naming a parent the caller knows their unit sits under.
    static func units(ids: [UUID], on db: Database) async throws -> [UnitModel] {
        try await UnitModel.query(on: db).filter(\.$id ~~ ids).all()
    }

    /// Restricts a unit query to the user's scope (the closure table), unless they administer the system.
    static func scoped(_ query: QueryBuilder<UnitModel>, for user: CurrentUser) -> QueryBuilder<UnitModel> {
        guard !user.seesEverything else { return query }
        return
            query
            .join(UnitScopeModel.self, on: \UnitScopeModel.$descendantID == \UnitModel.$id)
            .filter(UnitScopeModel.self, \.$ancestorID == (user.unitID ?? UUID()))
    }

    static func canSee(unitID: UUID, user: CurrentUser, on db: Database) async throws -> Bool {
        if user.seesEverything { return true }
        guard let root = user.unitID else { return false }
        return try await UnitScopeModel.query(on: db)
            .filter(\.$ancestorID == root).filter(\.$descendantID == unitID)
            .first() != nil
    }

    /// The ids of every unit below `unitID` (and itself), from the closure table.
    static func unitIDs(below unitID: UUID, on db: Database) async throws -> Set<UUID> {
        Set(try await UnitScopeModel.query(on: db).filter(\.$ancestorID == unitID).all().map(\.descendantID))
    }

    /// How a unit the user already may see stands to them, for `AccessPolicy`: their own, one
    /// below (or formed into theirs), or any unit for a system administrator bound to none.
    static func relations(of unitID: UUID, to user: CurrentUser) -> Set<AccessRelation> {
        if user.seesEverything { return [.everyUnit] }
        return user.unitID == unitID ? [.ownUnit] : [.lowerUnit]
    }

    /// The version of `code` valid on `day`; failing that, the latest version the user may see.
    static func unit(
        code: String, asOf day: CalendarDay, for user: CurrentUser, on db: Database
    ) async throws -> UnitModel? {
        let versions = try await scoped(UnitModel.query(on: db), for: user).filter(\.$code == code).all()
        return versions.first { $0.isValid(on: day) }
            ?? versions.max { ($0.validFrom ?? "") < ($1.validFrom ?? "") }
    }

    /// The version of `code` valid on `day`, else its latest, regardless of scope (for the
    /// command line, which acts for the whole installation).
    static func anyUnit(code: String, asOf day: CalendarDay, on db: Database) async throws -> UnitModel? {
        let versions = try await UnitModel.query(on: db).filter(\.$code == code).all()
        return versions.first { $0.isValid(on: day) } ?? versions.max { ($0.validFrom ?? "") < ($1.validFrom ?? "") }
    }

    static func unit(id: UUID, for user: CurrentUser, on db: Database) async throws -> UnitModel? {
        guard try await canSee(unitID: id, user: user, on: db) else { return nil }
        return try await UnitModel.find(id, on: db)
    }

    static func records(on db: Database) async throws -> [UnitRecord] {
        records(of: try await UnitModel.query(on: db).all())
    }

    static func records(of units: [UnitModel]) -> [UnitRecord] {
        let codeByID = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.code) } })
        return units.map { record(of: $0, parentCode: $0.$parent.id.flatMap { codeByID[$0] }) }
    }

    static func record(of unit: UnitModel, parentCode: String?) -> UnitRecord {
        UnitRecord(
            code: unit.code, name: unit.name, level: unit.level, parentCode: parentCode,
            validFrom: unit.validFrom.flatMap(CalendarDay.init(iso:)),
            validTo: unit.validTo.flatMap(CalendarDay.init(iso:)))
    }

    struct ImportSummary {
        var inserted: Int
        var updated: Int
        var unchanged: Int
        var successions: Int
    }

    /// Validates and stores a unit file in one transaction: all of it or none of it.
    static func importUnits(csv: String, successionsCSV: String? = nil, on db: Database) async throws -> ImportSummary {
        try await db.transaction { tx in
            let stored = try await UnitModel.query(on: tx).all()
            let existing = records(of: stored)
            let plan = try UnitImport.plan(csv: csv, existing: existing)
            var idByKey: [UnitKey: UUID] = [:]
            for unit in stored {
                idByKey[UnitKey(code: unit.code, validFrom: unit.validFrom.flatMap(CalendarDay.init(iso:)))] = unit.id
            }
            for row in plan.inserts {
                let model = UnitModel(record: row.unit, parentID: row.parent.flatMap { idByKey[$0] })
                try await model.create(on: tx)
                idByKey[UnitKey(row.unit)] = model.id
            }
            for row in plan.updates {
                guard let id = idByKey[UnitKey(row.unit)], let model = try await UnitModel.find(id, on: tx) else {
                    continue
                }
                model.apply(row.unit, parentID: row.parent.flatMap { idByKey[$0] })
                try await model.save(on: tx)
            }
            var successionCount = 0
            if let successionsCSV {
                let links = try UnitSuccessionImport.parse(csv: successionsCSV, known: plan.allKeys(existing: existing))
                for link in links {
                    guard let from = link.predecessor.flatMap({ idByKey[$0] }),
                        let to = link.successor.flatMap({ idByKey[$0] })
                    else { continue }
                    let exists = try await UnitSuccessionModel.query(on: tx)
                        .filter(\.$predecessor.$id == from).filter(\.$successor.$id == to).first()
                    if exists == nil {
                        try await UnitSuccessionModel(
                            predecessorID: from, successorID: to, effectiveOn: link.date
                        )
                        .create(on: tx)
                        successionCount += 1
                    }
                }
            }
            try await rebuildScope(on: tx)
            return ImportSummary(
                inserted: plan.inserts.count, updated: plan.updates.count,
                unchanged: plan.unchangedCount, successions: successionCount)
        }
    }

    /// Recomputes the visibility closure from the parent and successor links, in bulk: the whole
    /// country is some 70,000 pairs.
    static func rebuildScope(on db: Database) async throws {
        // Three columns, not whole models: decoding 14,000 models is most of the time otherwise.
        guard let sql = db as? any SQLDatabase else { return }
        let units = try await sql.select().columns("id", "parent_id").from(UnitModel.schema).all().map {
            (id: try $0.decode(column: "id", as: UUID.self), parent: try $0.decode(column: "parent_id", as: UUID?.self))
        }
        let links = try await sql.select().columns("predecessor_id", "successor_id", "is_default")
            .from(UnitSuccessionModel.schema).all().map {
                (
                    predecessor: try $0.decode(column: "predecessor_id", as: UUID.self),
                    successor: try $0.decode(column: "successor_id", as: UUID.self),
                    isDefault: try $0.decode(column: "is_default", as: Bool.self)
                )
            }
        let graph = UnitGraph<UUID>(units: units, successions: links)
        try await UnitScopeModel.query(on: db).delete()
        try await BulkInsert.rows(
            into: UnitScopeModel.schema, columns: ["id", "ancestor_id", "descendant_id", "counted"],
            values: graph.closurePairs().map { [UUID(), $0.ancestor, $0.descendant, $0.counted] }, on: db)
    }
}

extension UnitImportPlan {
    /// Every unit version known once this plan is applied, for resolving successor links.
    func allKeys(existing: [UnitRecord]) -> [UnitRecord] {
        let planned = (inserts + updates).map(\.unit)
        let plannedKeys = Set(planned.map(UnitKey.init))
        return existing.filter { !plannedKeys.contains(UnitKey($0)) } + planned
    }
}
