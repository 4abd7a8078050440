import Fluent
import Foundation
import TreEmCore

extension UnitDirectory {
    struct LoadSummary: Equatable {
        var inserted = 0
        var updated = 0
        var unchanged = 0
        var linksAdded = 0
        var linksChanged = 0

        var changedAnything: Bool { inserted + updated + linksAdded + linksChanged > 0 }

        var sentence: String {
            "thêm \(inserted), sửa \(updated), không đổi \(unchanged) đơn vị; thêm \(linksAdded), sửa \(linksChanged) liên kết kế thừa"
        }
    }

    /// Loads a whole set of units (the national file) in one transaction, idempotently: a
    /// version already stored with the same code and start date is updated in place (a later
    /// dataset renames it), a new one is added, and nothing stored is removed — records keep
    /// pointing at the versions they were made for. A version that would overlap a stored version
    /// of its code with another start date is refused, naming the line. A caller that changes
    /// units again in the same transaction may leave the closure to its own rebuild.
    static func load(_ set: UnitSet, rebuildingScope: Bool = true, on db: Database) async throws -> LoadSummary {
        try await db.transaction { tx in
            var summary = LoadSummary()
            let stored = try await UnitModel.query(on: tx).all()
            var storedByKey: [UnitKey: UnitModel] = [:]
            var storedByCode: [String: [UnitModel]] = [:]
            for unit in stored {
                storedByKey[key(of: unit)] = unit
                storedByCode[unit.code, default: []].append(unit)
            }
            try refuseClashes(set, storedByKey: storedByKey, storedByCode: storedByCode)

            // Every version's id, stored or new, so parents and links resolve in one pass.
            var idByKey = storedByKey.compactMapValues(\.id)
            var versionsByCode: [String: [UnitRecord]] = [:]
            for unit in set.units { versionsByCode[unit.code, default: []].append(unit) }
            for unit in stored
            where versionsByCode[unit.code]?.contains(where: { UnitKey($0) == key(of: unit) }) != true {
                versionsByCode[unit.code, default: []].append(record(of: unit, parentCode: nil))
            }
            for unit in set.units where idByKey[UnitKey(unit)] == nil { idByKey[UnitKey(unit)] = UUID() }
            func parentID(of unit: UnitRecord) -> UUID? {
                guard let code = unit.parentCode else { return nil }
                let parent = versionsByCode[code, default: []].first { parent in
                    if let from = unit.validFrom { return parent.validity.contains(from) }
                    return parent.validFrom == nil
                }
                return parent.flatMap { idByKey[UnitKey($0)] }
            }

            var rowsByLevel: [AdministrativeLevel: [[any Encodable & Sendable]]] = [:]
            for unit in set.units {
                let key = UnitKey(unit)
                if let existing = storedByKey[key] {
                    let parent = parentID(of: unit)
                    if existing.name == unit.name, existing.$parent.id == parent, existing.validTo == unit.validTo?.iso
                    {
                        summary.unchanged += 1
                    } else {
                        existing.apply(unit, parentID: parent)
                        try await existing.save(on: tx)
                        summary.updated += 1
                    }
                    continue
                }
                let row: [any Encodable & Sendable] = [
                    idByKey[key], unit.code, unit.name, VietnameseText.fold(unit.name), unit.level.rawValue,
                    parentID(of: unit), unit.validFrom?.iso, unit.validTo?.iso,
                ]
                rowsByLevel[unit.level, default: []].append(row)
                summary.inserted += 1
            }
            // Parents before children: the foreign key is checked row by row.
            for level in AdministrativeLevel.allCases.sorted(by: { $0.rank < $1.rank }) {
                try await BulkInsert.rows(
                    into: UnitModel.schema,
                    columns: ["id", "code", "name", "name_folded", "level", "parent_id", "valid_from", "valid_to"],
                    values: rowsByLevel[level] ?? [], on: tx)
            }

            var storedLinks: [[UUID]: UnitSuccessionModel] = [:]
            for link in try await UnitSuccessionModel.query(on: tx).all() {
                storedLinks[[link.$predecessor.id, link.$successor.id]] = link
            }
            var newLinks: [[any Encodable & Sendable]] = []
            for link in set.links {
                guard let from = idByKey[link.predecessor], let to = idByKey[link.successor] else { continue }
                if let existing = storedLinks[[from, to]] {
                    if existing.isDefault != link.isDefault {
                        existing.isDefault = link.isDefault
                        try await existing.save(on: tx)
                        summary.linksChanged += 1
                    }
                    continue
                }
                newLinks.append([UUID(), from, to, link.date.iso, link.isDefault])
                summary.linksAdded += 1
            }
            try await BulkInsert.rows(
                into: UnitSuccessionModel.schema,
                columns: ["id", "predecessor_id", "successor_id", "effective_on", "is_default"], values: newLinks,
                on: tx)
            if rebuildingScope, summary.changedAnything { try await rebuildScope(on: tx) }
            return summary
        }
    }

    private static func key(of unit: UnitModel) -> UnitKey {
        UnitKey(code: unit.code, validFrom: unit.validFrom.flatMap(CalendarDay.init(iso:)))
    }

    /// A version whose code is stored for an overlapping period under another start date, or
    /// whose level differs from the stored version's, cannot be loaded: which one wins is a
    /// person's decision, not the loader's.
    private static func refuseClashes(
        _ set: UnitSet, storedByKey: [UnitKey: UnitModel], storedByCode: [String: [UnitModel]]
    ) throws {
        var problems: [ImportProblem] = []
        for unit in set.units {
            let key = UnitKey(unit)
            let line = set.lines[key] ?? 0
            if let existing = storedByKey[key] {
                if existing.level != unit.level {
                    problems.append(
                        ImportProblem(
                            line: line, field: "level",
                            message: Bilingual(
                                vi: "không được đổi cấp của đơn vị \(unit.code) đã có (\(existing.level.label(.vi)))",
                                en: "the level of stored unit \(unit.code) cannot change (\(existing.level.label(.en)))"
                            )))
                }
                continue
            }
            if let clash = storedByCode[unit.code, default: []].first(where: { $0.validity.overlaps(unit.validity) }) {
                problems.append(
                    ImportProblem(
                        line: line, field: "code",
                        message: Bilingual(
                            vi:
                                "mã \(unit.code) đã có trong hệ thống (\(clash.name)) trong cùng thời gian hiệu lực, với ngày bắt đầu khác",
                            en:
                                "code \(unit.code) is stored (\(clash.name)) for an overlapping period with another start date"
                        )))
            }
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
    }
}
