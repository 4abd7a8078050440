import Fluent
import Foundation
import TreEmCore

/// Cơ quan, đơn vị — an agency of an administrative unit that plans assign tasks to.
final class AgencyModel: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "name") var name: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "kind") var kind: AgencyKind
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, unitID: UUID, name: String, kind: AgencyKind) {
        self.id = id
        $unit.id = unitID
        self.name = name
        nameFolded = VietnameseText.fold(name)
        self.kind = kind
        isActive = true
    }

    func rename(_ newName: String) {
        name = newName
        nameFolded = VietnameseText.fold(newName)
    }
}
