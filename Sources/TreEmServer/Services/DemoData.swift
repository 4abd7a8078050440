import Fluent
import Foundation
import TreEmCore

/// The units and agencies named in the five seed plans, with the 2025 reform applied
/// (docs/DEMO-DATA.md lists sources and invented codes). Loaded through the same importer as
/// `treem import-units`, so the demo proves the importer too.
enum DemoData {
    static func file(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "DemoData") else {
            throw Settings.Invalid(description: "Thiếu tệp dữ liệu mẫu \(name).csv (demo data file missing)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Loads the demo set unless units are already stored. Returns whether anything was loaded.
    @discardableResult
    static func load(on db: Database, at now: Date, force: Bool = false) async throws -> Bool {
        if !force, try await UnitModel.query(on: db).count() > 0 { return false }
        let units = try file("units")
        let successors = try file("unit-successors")
        let agencies = try file("agencies")
        try await db.transaction { tx in
            let summary = try await UnitDirectory.importUnits(csv: units, successionsCSV: successors, on: tx)
            var idByKey: [UnitKey: UUID] = [:]
            for unit in try await UnitModel.query(on: tx).all() {
                idByKey[UnitKey(code: unit.code, validFrom: unit.validFrom.flatMap(CalendarDay.init(iso:)))] = unit.id
            }
            let existing = Set(try await AgencyModel.query(on: tx).all().map { "\($0.$unit.id)|\($0.name)" })
            var added = 0
            for row in try AgencyImport.parse(csv: agencies, known: Set(idByKey.keys)) {
                guard let unitID = idByKey[row.unit], !existing.contains("\(unitID)|\(row.name)") else { continue }
                try await AgencyModel(unitID: unitID, name: row.name, kind: row.kind).create(on: tx)
                added += 1
            }
            try await AuditLog.record(
                .demoDataLoaded, by: .system, recordType: "unit",
                summary:
                    "Nạp dữ liệu mẫu: \(summary.inserted) đơn vị, \(summary.successions) liên kết sáp nhập, \(added) cơ quan",
                address: "local", at: now, on: tx)
        }
        return true
    }
}
