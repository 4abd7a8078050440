import Fluent
import Foundation
import TreEmCore

/// The whole country (the national units file), then the villages and agencies named in the
/// five seed plans, attached to the real units (docs/DEMO-DATA.md lists sources and invented
/// village codes). Villages go through the same importer as `treem import-units`, so the demo
/// proves the importer too.
enum DemoData {
    /// The part of the country the tests load: the seed plans' provinces and, below them, the
    /// districts and communes the seed plans name (both versions of each code), with their real
    /// names and successions. Forty units instead of fourteen thousand, so a test starts fast
    /// and its counts stay small enough to read; `NationalUnitsLoadTests` loads the whole country.
    static let seedSlice = (
        provinces: Set(["12", "30", "31", "51"]),
        units: Set([
            "292", "293", "307", "535", "10696", "10702", "10714", "10750", "10798", "10801", "10804", "10810",
            "11434", "11437", "11440", "11443", "11446", "21484", "21496", "21511", "21526",
        ])
    )

    static func file(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "DemoData") else {
            throw Settings.Invalid(description: "Thiếu tệp dữ liệu mẫu \(name).csv (demo data file missing)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Loads the demo set unless units are already stored. Returns whether anything was loaded.
    @discardableResult
    static func load(
        on db: Database, at now: Date, force: Bool = false, slice: (provinces: Set<String>, units: Set<String>)? = nil
    ) async throws -> Bool {
        if !force, try await UnitModel.query(on: db).count() > 0 { return false }
        let country = try NationalUnits.bundled()
        let units = try file("units")
        let successors = try file("unit-successors")
        let agencies = try file("agencies")
        try await db.transaction { tx in
            let national = try await UnitDirectory.load(
                slice.map { country.restricted(toProvinces: $0.provinces, only: $0.units) } ?? country,
                rebuildingScope: false, on: tx)
            // The village import below rebuilds the closure once, for both.
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
                    "Nạp dữ liệu mẫu: \(national.inserted) đơn vị hành chính, \(summary.inserted) thôn, tổ dân phố, \(national.linksAdded + summary.successions) liên kết kế thừa, \(added) cơ quan",
                address: "local", at: now, on: tx)
        }
        return true
    }
}
