import Fluent
import FluentSQL
import Foundation
import TreEmCore

/// One version of an administrative unit (see `UnitRecord`). Dates are stored as `YYYY-MM-DD`
/// text, which compares correctly as text on SQLite and PostgreSQL alike.
final class UnitModel: Model, @unchecked Sendable {
    static let schema = "administrative_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "level") var level: AdministrativeLevel
    @OptionalParent(key: "parent_id") var parent: UnitModel?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?

    init() {}

    init(id: UUID? = nil, record: UnitRecord, parentID: UUID?) {
        self.id = id
        apply(record, parentID: parentID)
    }

    func apply(_ record: UnitRecord, parentID: UUID?) {
        code = record.code
        name = record.name
        nameFolded = VietnameseText.fold(record.name)
        level = record.level
        $parent.id = parentID
        validFrom = record.validFrom?.iso
        validTo = record.validTo?.iso
    }

    var validity: ValidityPeriod {
        ValidityPeriod(from: validFrom.flatMap(CalendarDay.init(iso:)), to: validTo.flatMap(CalendarDay.init(iso:)))
    }

    func isValid(on day: CalendarDay) -> Bool { validity.contains(day) }
}

/// A successor link between two unit versions (sáp nhập, chia tách).
final class UnitSuccessionModel: Model, @unchecked Sendable {
    static let schema = "unit_successions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "predecessor_id") var predecessor: UnitModel
    @Parent(key: "successor_id") var successor: UnitModel
    @Field(key: "effective_on") var effectiveOn: String
    /// Whether the predecessor's figures are counted under this successor (M018): always, unless
    /// the predecessor was divided and this is not the successor named as its default.
    @Field(key: "is_default") var isDefault: Bool

    init() {}

    init(predecessorID: UUID, successorID: UUID, effectiveOn: CalendarDay, isDefault: Bool = true) {
        $predecessor.id = predecessorID
        $successor.id = successorID
        self.effectiveOn = effectiveOn.iso
        self.isDefault = isDefault
    }
}

/// The visibility closure: `ancestor` may see `descendant`. Rebuilt whenever units change, so
/// every scope check is one indexed lookup however deep the hierarchy.
final class UnitScopeModel: Model, @unchecked Sendable {
    static let schema = "unit_scope"

    @ID(key: .id) var id: UUID?
    @Field(key: "ancestor_id") var ancestorID: UUID
    @Field(key: "descendant_id") var descendantID: UUID
    /// Whether the descendant's figures are added into the ancestor's totals (M018).
    @Field(key: "counted") var counted: Bool

    init() {}

    init(ancestorID: UUID, descendantID: UUID, counted: Bool = true) {
        self.ancestorID = ancestorID
        self.descendantID = descendantID
        self.counted = counted
    }
}

extension UnitScopeModel {
    /// `column IN (units visible from root)` / `column IN (units above root)`, for filtering
    /// any table that carries a unit id without loading the scope.
    static func filter(_ column: String, below root: UUID) -> DatabaseQuery.Filter {
        .sql(
            embed:
                "\(ident: column) IN (SELECT \(ident: "descendant_id") FROM \(ident: schema) WHERE \(ident: "ancestor_id") = \(bind: root))"
        )
    }

    static func filter(_ column: String, above root: UUID) -> DatabaseQuery.Filter {
        .sql(
            embed:
                "\(ident: column) IN (SELECT \(ident: "ancestor_id") FROM \(ident: schema) WHERE \(ident: "descendant_id") = \(bind: root))"
        )
    }
}
