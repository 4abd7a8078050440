/// Loại cơ quan — what an agency is, in terms a plan's cascade can map between levels
/// (a province's health department → a commune's health station; police → police; …).
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    /// Ủy ban nhân dân — the People's Committee itself.
    case peoplesCommittee
    /// Phòng Văn hóa - Xã hội (communes from 2025) / Phòng Văn hóa và Thông tin.
    case cultureSocialOffice
    /// Phòng Kinh tế.
    case economicOffice
    /// Sở / Phòng Lao động - Thương binh và Xã hội, which led children's work until 2025.
    case labourSocialOffice
    /// Sở / Phòng Giáo dục và Đào tạo.
    case educationOffice
    /// Sở Y tế, Phòng Y tế, Trung tâm Y tế.
    case healthOffice
    /// Trạm Y tế xã, phường.
    case healthStation
    /// Công an tỉnh, huyện, xã.
    case police
    /// Trường mầm non, tiểu học, THCS, THPT.
    case school
    /// Đài Truyền thanh, Trung tâm Văn hóa - Thông tin - Thể thao.
    case radioStation
    /// Tư pháp (công chức Tư pháp - Hộ tịch, Sở Tư pháp).
    case justiceOffice
    /// Tài chính.
    case financeOffice
    /// Trưởng thôn, tổ trưởng tổ dân phố.
    case villageHead
    /// Any other department (Sở …, Phòng …).
    case department
    /// Ủy ban Mặt trận Tổ quốc Việt Nam.
    case fatherlandFront
    /// Đoàn Thanh niên Cộng sản Hồ Chí Minh.
    case youthUnion
    /// Hội Liên hiệp Phụ nữ.
    case womenUnion
    /// Hội Nông dân.
    case farmersUnion
    /// Hội Cựu chiến binh.
    case veteransAssociation
    /// Hội Chữ thập đỏ.
    case redCross
    /// Liên đoàn Lao động.
    case labourFederation
    /// Other associations: Hội Khuyến học, Hội Người cao tuổi, …
    case otherMassOrganisation
    case other

    /// Tổ chức chính trị - xã hội, đoàn thể: the committee cannot give them orders, so a plan may
    /// only *request* (đề nghị) their tasks, never *assign* (giao) them.
    public var isMassOrganisation: Bool {
        switch self {
        case .fatherlandFront, .youthUnion, .womenUnion, .farmersUnion, .veteransAssociation,
            .redCross, .labourFederation, .otherMassOrganisation:
            true
        default:
            false
        }
    }

    public func label(_ language: Language) -> String {
        let (vi, en): (String, String) =
            switch self {
            case .peoplesCommittee: ("Ủy ban nhân dân", "People's Committee")
            case .cultureSocialOffice: ("Phòng Văn hóa - Xã hội", "Culture and Social Affairs Office")
            case .economicOffice: ("Phòng Kinh tế", "Economic Office")
            case .labourSocialOffice: ("Lao động - Thương binh và Xã hội", "Labour, Invalids and Social Affairs")
            case .educationOffice: ("Giáo dục và Đào tạo", "Education and Training")
            case .healthOffice: ("Y tế (Sở, Phòng, Trung tâm)", "Health department")
            case .healthStation: ("Trạm Y tế", "Health station")
            case .police: ("Công an", "Police")
            case .school: ("Trường học", "School")
            case .radioStation: ("Đài Truyền thanh, Trung tâm VH-TT", "Radio station, culture centre")
            case .justiceOffice: ("Tư pháp", "Justice")
            case .financeOffice: ("Tài chính", "Finance")
            case .villageHead: ("Trưởng thôn, tổ trưởng tổ dân phố", "Village head")
            case .department: ("Sở, phòng, ban khác", "Other department")
            case .fatherlandFront: ("Mặt trận Tổ quốc", "Fatherland Front")
            case .youthUnion: ("Đoàn Thanh niên", "Youth Union")
            case .womenUnion: ("Hội Liên hiệp Phụ nữ", "Women's Union")
            case .farmersUnion: ("Hội Nông dân", "Farmers' Union")
            case .veteransAssociation: ("Hội Cựu chiến binh", "Veterans' Association")
            case .redCross: ("Hội Chữ thập đỏ", "Red Cross")
            case .labourFederation: ("Liên đoàn Lao động", "Labour Federation")
            case .otherMassOrganisation: ("Hội, đoàn thể khác", "Other association")
            case .other: ("Khác", "Other")
            }
        return language == .vi ? vi : en
    }
}

/// An agency as plans refer to it: which one, its name as printed, its kind.
public struct AgencyReference: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: AgencyKind

    public init(id: String, name: String, kind: AgencyKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

extension AgencyKind {
    /// The kind an agency's name says it is, for names read from documents ("Trạm Y tế xã",
    /// "Đề nghị Hội Liên hiệp Phụ nữ quận"); nil when the name does not tell.
    public static func guess(fromName name: String) -> AgencyKind? {
        var folded = VietnameseText.fold(name)
        if folded.hasPrefix("de nghi ") { folded = String(folded.dropFirst(8)) }
        // Most specific first: "Trạm Y tế" before "Y tế", "Liên đoàn Lao động" before "Lao động".
        let rules: [(String, AgencyKind)] = [
            ("tram y te", .healthStation), ("y te", .healthOffice),
            ("cong an", .police), ("truong ", .school), ("cac truong", .school), ("giao duc", .educationOffice),
            ("lien doan lao dong", .labourFederation), ("lao dong - thuong binh", .labourSocialOffice),
            ("ldtbxh", .labourSocialOffice),
            ("lao dong, thuong binh", .labourSocialOffice), ("van hoa - xa hoi", .cultureSocialOffice),
            ("van hoa xa hoi", .cultureSocialOffice),
            ("kinh te", .economicOffice), ("tu phap", .justiceOffice), ("tai chinh", .financeOffice),
            ("dai truyen thanh", .radioStation), ("trung tam van hoa", .radioStation),
            ("mat tran", .fatherlandFront), ("mttq", .fatherlandFront), ("doan thanh nien", .youthUnion),
            ("doan tncs", .youthUnion),
            ("doan tn", .youthUnion), ("phu nu", .womenUnion), ("nong dan", .farmersUnion),
            ("cuu chien binh", .veteransAssociation),
            ("chu thap do", .redCross), ("hoi ", .otherMassOrganisation),
            ("to dan pho", .villageHead), ("khu dan cu", .villageHead), ("thon", .villageHead),
            ("uy ban nhan dan", .peoplesCommittee), ("ubnd", .peoplesCommittee),
            ("so ", .department), ("phong ", .department),
        ]
        for (needle, kind) in rules where folded.hasPrefix(needle) || folded.contains(" " + needle) {
            return kind
        }
        return nil
    }
}
