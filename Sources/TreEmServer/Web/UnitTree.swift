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

/// One unit in a one-level listing (the tree page, a search hit): where its name leads, and
/// how many units sit directly below it on the day shown.
struct UnitLevelRow: Encodable {
    var code: String
    var name: String
    var level: String
    var levelLabel: String
    var childCount: Int
    /// The next level down when there is one, else the unit's own page.
    var href: String
    var pageHref: String
    /// For a search hit: the unit it lies in ("Thành phố Hải Phòng").
    var parentName: String?
}

extension UnitTree {
    /// `units` in the order a list of places is read: by level, then by proper name, the type
    /// word aside ("Tỉnh An Giang" before "Thành phố Hà Nội").
    static func ordered(_ units: [UnitModel]) -> [UnitModel] {
        units.map { unit in
            (
                rank: unit.level.rank, key: VietnameseText.collationKey("\(UnitNaming(unit.name).proper) \(unit.name)"),
                unit: unit
            )
        }
        .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.key.lexicographicallyPrecedes($1.key) }
        .map(\.unit)
    }

    /// Rows for `units` in `ordered` order, each with its count of units below on `day`.
    static func levelRows(
        _ units: [UnitModel], counts: [UUID: Int], asOf day: CalendarDay, language: Language,
        parentNames: [UUID: String] = [:]
    ) -> [UnitLevelRow] {
        ordered(units).map { unit in
            let count = unit.id.flatMap { counts[$0] } ?? 0
            let page = "/units/\(unit.code)?asOf=\(day.iso)"
            return UnitLevelRow(
                code: unit.code, name: unit.name, level: unit.level.rawValue, levelLabel: unit.level.label(language),
                childCount: count, href: count > 0 ? "/units?asOf=\(day.iso)&parent=\(unit.code)" : page,
                pageHref: page, parentName: unit.$parent.id.flatMap { parentNames[$0] })
        }
    }
}
