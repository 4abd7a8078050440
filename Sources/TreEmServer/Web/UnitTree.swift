import Foundation
import TreEmCore

/// The unit tree as rows with depth, for a page or an API answer: parents before children,
/// siblings in Vietnamese alphabetical order.
struct UnitTreeRow: Encodable {
    var id: String
    var code: String
    var name: String
    var level: String
    var levelLabel: String
    var depth: Int
    var childCount: Int
}

enum UnitTree {
    static func rows(_ units: [UnitModel], language: Language) -> [UnitTreeRow] {
        let ids = Set(units.compactMap(\.id))
        var children: [UUID: [UnitModel]] = [:]
        var roots: [UnitModel] = []
        for unit in units {
            if let parent = unit.$parent.id, ids.contains(parent) {
                children[parent, default: []].append(unit)
            } else {
                roots.append(unit)
            }
        }
        func sorted(_ list: [UnitModel]) -> [UnitModel] {
            list.sorted { a, b in
                a.level.rank != b.level.rank ? a.level.rank < b.level.rank : VietnameseText.precedes(a.name, b.name)
            }
        }
        var rows: [UnitTreeRow] = []
        func visit(_ unit: UnitModel, depth: Int) {
            let kids = unit.id.flatMap { children[$0] } ?? []
            rows.append(
                UnitTreeRow(
                    id: unit.id?.uuidString ?? "", code: unit.code, name: unit.name,
                    level: unit.level.rawValue, levelLabel: unit.level.label(language),
                    depth: min(depth, 5), childCount: kids.count))
            for child in sorted(kids) { visit(child, depth: depth + 1) }
        }
        for root in sorted(roots) { visit(root, depth: 0) }
        return rows
    }
}
