/// The agencies a People's Committee usually assigns children's work to, by level and period:
/// what a unit of the national list starts with the first time its agencies are asked for, so
/// that fourteen thousand units do not carry ten rows each from the start. Administrators
/// rename, add and deactivate them afterwards.
///
/// Periods: children's work moved from the labour and social affairs sector to the health sector
/// on 1 March 2025 (Nghị định 42/2025/NĐ-CP: Sở Lao động - Thương binh và Xã hội merged into Sở
/// Nội vụ); communes of the two-level government from 1 July 2025 have specialised offices
/// (Nghị định 150/2025/NĐ-CP: Văn phòng HĐND và UBND, Phòng Kinh tế — for wards Phòng Kinh tế, Hạ
/// tầng và Đô thị — and Phòng Văn hóa - Xã hội).
public enum AgencyTemplate {
    public struct Agency: Hashable, Sendable {
        public var name: String
        public var kind: AgencyKind
        /// False for an office that was replaced during the unit's life: kept for its records,
        /// not offered for new work.
        public var isCurrent = true
    }

    /// The agencies of a unit valid during `validity`, seen `today`: the set of the day within
    /// its life nearest to today, plus, for a province or district that was already there
    /// before 1 March 2025 and is seen after it, the labour office that led children's work
    /// until then (no longer current).
    public static func agencies(
        level: AdministrativeLevel, unitName: String, validity: ValidityPeriod, today: CalendarDay
    ) -> [Agency] {
        var day = today
        if let end = validity.to, day > end { day = end }
        if let start = validity.from, day < start { day = start }
        var list = agencies(level: level, unitName: unitName, on: day)
        let existedBefore = validity.from.map { $0 < healthLeadsFrom } ?? true
        if day >= healthLeadsFrom, existedBefore, level == .province || level == .district {
            let place = UnitNaming(unitName).inSentence
            let office = level == .province ? "Sở" : "Phòng"
            list.append(
                Agency(
                    name: "\(office) Lao động - Thương binh và Xã hội \(place)", kind: .labourSocialOffice,
                    isCurrent: false))
        }
        return list
    }

    static let healthLeadsFrom = CalendarDay(year: 2025, month: 3, day: 1)!

    /// The agencies of a unit named `unitName` at `level`, as they stood on `day`. Villages
    /// have none: a commune adds its village heads itself.
    public static func agencies(level: AdministrativeLevel, unitName: String, on day: CalendarDay) -> [Agency] {
        let naming = UnitNaming(unitName)
        let place = naming.inSentence
        let proper = naming.proper
        let twoLevel = day >= NationalUnits.reformDay
        var list: [Agency]
        switch level {
        case .province:
            list = [
                Agency(name: naming.committee, kind: .peoplesCommittee),
                day >= healthLeadsFrom
                    ? Agency(name: "Sở Y tế \(place)", kind: .healthOffice)
                    : Agency(name: "Sở Lao động - Thương binh và Xã hội \(place)", kind: .labourSocialOffice),
                day >= healthLeadsFrom
                    ? Agency(name: "Sở Nội vụ \(place)", kind: .department)
                    : Agency(name: "Sở Y tế \(place)", kind: .healthOffice),
                Agency(name: "Sở Giáo dục và Đào tạo \(place)", kind: .educationOffice),
                Agency(name: "Sở Văn hóa, Thể thao và Du lịch \(place)", kind: .cultureSocialOffice),
                Agency(name: "Sở Tư pháp \(place)", kind: .justiceOffice),
                Agency(name: "Sở Tài chính \(place)", kind: .financeOffice),
                Agency(name: "Công an \(place)", kind: .police),
            ]
        case .district:
            list = [
                Agency(name: naming.committee, kind: .peoplesCommittee),
                day >= healthLeadsFrom
                    ? Agency(name: "Phòng Y tế \(place)", kind: .healthOffice)
                    : Agency(name: "Phòng Lao động - Thương binh và Xã hội \(place)", kind: .labourSocialOffice),
                Agency(name: "Phòng Giáo dục và Đào tạo \(place)", kind: .educationOffice),
                Agency(name: "Trung tâm Y tế \(place)", kind: .healthOffice),
                Agency(name: "Phòng Văn hóa và Thông tin \(place)", kind: .cultureSocialOffice),
                Agency(name: "Phòng Tư pháp \(place)", kind: .justiceOffice),
                Agency(name: "Phòng Tài chính - Kế hoạch \(place)", kind: .financeOffice),
                Agency(name: "Công an \(place)", kind: .police),
            ]
        case .commune where twoLevel:
            let economic = naming.type == "Phường" ? "Phòng Kinh tế, Hạ tầng và Đô thị" : "Phòng Kinh tế"
            list =
                [
                    Agency(name: naming.committee, kind: .peoplesCommittee),
                    Agency(name: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân \(place)", kind: .department),
                    Agency(name: "\(economic) \(place)", kind: .economicOffice),
                    Agency(name: "Phòng Văn hóa - Xã hội \(place)", kind: .cultureSocialOffice),
                    Agency(name: "Công an \(place)", kind: .police),
                    Agency(name: "Trạm Y tế \(place)", kind: .healthStation),
                ] + schools(proper)
        case .commune:
            list =
                [
                    Agency(name: naming.committee, kind: .peoplesCommittee),
                    Agency(name: "Công chức Văn hóa - Xã hội \(place)", kind: .cultureSocialOffice),
                    Agency(name: "Công an \(place)", kind: .police),
                    Agency(name: "Trạm Y tế \(place)", kind: .healthStation),
                ] + schools(proper)
        case .village:
            return []
        }
        return list + massOrganisations(level: level, place: place, naming: naming)
    }

    private static func schools(_ proper: String) -> [Agency] {
        ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở"].map {
            Agency(name: "\($0) \(proper)", kind: .school)
        }
    }

    private static func massOrganisations(level: AdministrativeLevel, place: String, naming: UnitNaming) -> [Agency] {
        // "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn" are how the Youth Union of a province, city or
        // district calls itself; a commune's is "Đoàn xã".
        let youth: String
        switch (level, naming.type) {
        case (.province, "Thành phố"): youth = "Thành đoàn \(naming.proper)"
        case (.province, _): youth = "Tỉnh đoàn \(naming.proper)"
        case (.district, "Huyện"): youth = "Huyện đoàn \(naming.proper)"
        case (.district, "Thị xã"): youth = "Thị đoàn \(naming.proper)"
        case (.district, "Quận"): youth = "Quận đoàn \(naming.proper)"
        case (.district, _): youth = "Thành đoàn \(naming.proper)"
        default: youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh \(place)"
        }
        return [
            Agency(name: "Ủy ban Mặt trận Tổ quốc Việt Nam \(place)", kind: .fatherlandFront),
            Agency(name: youth, kind: .youthUnion),
            Agency(name: "Hội Liên hiệp Phụ nữ \(place)", kind: .womenUnion),
            Agency(name: "Hội Nông dân \(place)", kind: .farmersUnion),
            Agency(name: "Hội Cựu chiến binh \(place)", kind: .veteransAssociation),
        ]
    }
}
