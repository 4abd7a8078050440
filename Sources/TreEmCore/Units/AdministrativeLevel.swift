/// Cấp hành chính — the level of an administrative unit. Before 1 July 2025 there were three
/// levels of government (province, district, commune); Nghị quyết 203/2025/QH15 abolished the
/// district level, so from then on a commune sits directly under its province.
public enum AdministrativeLevel: String, CaseIterable, Codable, Sendable {
    case province
    case district
    case commune
    /// Thôn, tổ dân phố, khu dân cư — not a level of government, but where children live.
    case village

    /// Levels that may be this level's parent. A commune may hang under a district (before the
    /// 2025 reform) or directly under a province (after it).
    public var allowedParentLevels: Set<AdministrativeLevel> {
        switch self {
        case .province: []
        case .district: [.province]
        case .commune: [.district, .province]
        case .village: [.commune]
        }
    }

    /// Depth used to sort mixed lists: province first.
    public var rank: Int {
        switch self {
        case .province: 0
        case .district: 1
        case .commune: 2
        case .village: 3
        }
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.province, .vi): "Cấp tỉnh"
        case (.district, .vi): "Cấp huyện"
        case (.commune, .vi): "Cấp xã"
        case (.village, .vi): "Thôn, tổ dân phố"
        case (.province, .en): "Province"
        case (.district, .en): "District"
        case (.commune, .en): "Commune"
        case (.village, .en): "Village"
        }
    }

    /// Accepts the identifiers and the Vietnamese words officers type in spreadsheets.
    public init?(csvValue: String) {
        switch VietnameseText.fold(csvValue) {
        case "province", "tinh", "cap tinh": self = .province
        case "district", "huyen", "cap huyen": self = .district
        case "commune", "xa", "cap xa": self = .commune
        case "village", "thon", "to dan pho": self = .village
        default: return nil
        }
    }
}
