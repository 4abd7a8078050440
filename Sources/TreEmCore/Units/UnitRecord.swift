/// Đơn vị hành chính as it is exchanged: one version of a unit with its GSO code. A code may
/// appear again in a later version (a commune re-created under a new parent keeps or reuses a
/// code), so a unit is identified by its code *and* validity, never by the code alone.
public struct UnitRecord: Hashable, Sendable {
    public var code: String
    public var name: String
    public var level: AdministrativeLevel
    public var parentCode: String?
    public var validity: ValidityPeriod

    public init(
        code: String, name: String, level: AdministrativeLevel, parentCode: String?,
        validFrom: CalendarDay?, validTo: CalendarDay?
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.validity = ValidityPeriod(from: validFrom, to: validTo)
    }

    public var validFrom: CalendarDay? { validity.from }
    public var validTo: CalendarDay? { validity.to }
}
