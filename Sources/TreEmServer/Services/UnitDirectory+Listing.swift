import Fluent
import Foundation
import TreEmCore

extension UnitDirectory {
    /// One page of the units in the caller's scope valid on `day`, optionally of one level, in
    /// code order, with how many there are in all.
    static func page(
        for user: CurrentUser, asOf day: CalendarDay, level: AdministrativeLevel?, limit: Int, offset: Int,
        on db: Database
    ) async throws -> (total: Int, units: [UnitModel]) {
        func query() -> QueryBuilder<UnitModel> {
            let scoped = validOn(day, scoped(UnitModel.query(on: db), for: user))
            guard let level else { return scoped }
            return scoped.filter(\.$level == level)
        }
        let total = try await query().count()
        let units = try await query().sort(\.$code).range(offset..<(offset + limit)).all()
        return (total, units)
    }

    /// How many units the caller sees on `day`, counted by the database (the whole country is
    /// some 3,400 units a day; the home page only says how many).
    static func visibleUnitCount(for user: CurrentUser, asOf day: CalendarDay, on db: Database) async throws -> Int {
        try await validOn(day, scoped(UnitModel.query(on: db), for: user)).count()
    }

    /// Units valid on `day` in the caller's scope, optionally of one level (all of them).
    static func visibleUnits(
        for user: CurrentUser, asOf day: CalendarDay, level: AdministrativeLevel, on db: Database
    ) async throws -> [UnitModel] {
        try await validOn(day, scoped(UnitModel.query(on: db), for: user)).filter(\.$level == level).sort(\.$code)
            .all()
    }

    /// A unit's successions the caller may see: the units it was formed from (always within the
    /// scope of whoever sees the unit) and those it became that the caller can see.
    static func visibleSuccessions(
        of unit: UnitModel, for user: CurrentUser, on db: Database
    ) async throws -> (before: [UnitSuccessionModel], after: [UnitSuccessionModel]) {
        let (before, after) = try await successions(of: try unit.requireID(), on: db)
        var seen: [UnitSuccessionModel] = []
        for link in after where try await canSee(unitID: link.$successor.id, user: user, on: db) {
            seen.append(link)
        }
        return (before, seen)
    }
}
