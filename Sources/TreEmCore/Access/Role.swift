/// Vai trò — what a user may do within their scope (their unit and everything below it).
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// Quản trị hệ thống: every unit, imports the unit list, manages everyone.
    case systemAdministrator
    /// Quản trị đơn vị: manages the agencies and people of their unit and below.
    case unitAdministrator
    /// Cán bộ: works on plans, reports and lists of their unit.
    case officer
    /// Thành viên cơ quan: works on the tasks of one agency.
    case agencyMember
    /// Người xem: reads only.
    case viewer

    /// Higher is more powerful.
    public var power: Int {
        switch self {
        case .systemAdministrator: 4
        case .unitAdministrator: 3
        case .officer: 2
        case .agencyMember: 1
        case .viewer: 0
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.power < rhs.power }

    public var isAdministrator: Bool { self >= .unitAdministrator }

    /// The roles a person bound to no unit may hold: the whole country. Besides the system's
    /// administrators, the ministry's officers and viewers (`treem user add --unit VN`) read
    /// every province; a unit administrator or an agency member always belongs to a unit.
    public static let nationalRoles: Set<Role> = [.systemAdministrator, .officer, .viewer]

    /// Roles this role may hand out: never one above itself, and only a system administrator
    /// makes another system administrator.
    public var grantableRoles: [Role] {
        Role.allCases.filter { $0 <= self }
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.systemAdministrator, .vi): "Quản trị hệ thống"
        case (.unitAdministrator, .vi): "Quản trị đơn vị"
        case (.officer, .vi): "Cán bộ"
        case (.agencyMember, .vi): "Thành viên cơ quan"
        case (.viewer, .vi): "Người xem"
        case (.systemAdministrator, .en): "System administrator"
        case (.unitAdministrator, .en): "Unit administrator"
        case (.officer, .en): "Officer"
        case (.agencyMember, .en): "Agency member"
        case (.viewer, .en): "Viewer"
        }
    }
}
