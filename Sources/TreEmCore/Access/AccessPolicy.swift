/// What each role may do, written as one table: role × action × how the record relates to the
/// person. The role is checked first, then the relation — a viewer who happens to be linked to
/// an agency still only reads. Seeing a record at all (scope) is decided before this, by the
/// unit closure: a record outside a person's scope answers "not found", never "forbidden".
public enum AccessAction: String, CaseIterable, Sendable {
    /// Record progress on a task, change its status or cancel it.
    case recordTaskProgress
    /// Write, correct, issue, derive or withdraw a plan.
    case writePlan
    /// Fill in and send a unit's report.
    case fillReport
    /// Approve or return a lower unit's report.
    case reviewReport
    /// Open a reporting round for an issued plan.
    case openReportRound
    /// Remind lower units whose report is missing.
    case remindUnits
    /// Add or change agencies.
    case manageAgencies
    /// Add or change user accounts (further limited by `UserAdministration`).
    case manageUsers
    /// Add report forms, which every unit then uses.
    case manageReportForms
}

/// How a record stands to the person acting on it; a record may stand in several relations.
public enum AccessRelation: String, CaseIterable, Sendable {
    /// The record is assigned to the person's own agency.
    case assignedAgency
    /// The record belongs to the person's own unit.
    case ownUnit
    /// The record belongs to a unit below the person's.
    case lowerUnit
    /// The person's unit is the one that reviews the record (the level above).
    case reviewingUnit
    /// The person is bound to no unit: a system administrator over the whole country.
    case everyUnit
}

public enum AccessPolicy {
    /// The table. A role missing an action may not do it at all.
    static let table: [Role: [AccessAction: Set<AccessRelation>]] = {
        let officer: [AccessAction: Set<AccessRelation>] = [
            .recordTaskProgress: [.assignedAgency, .ownUnit],
            .writePlan: [.ownUnit, .lowerUnit],
            .fillReport: [.ownUnit],
            .reviewReport: [.reviewingUnit],
            .openReportRound: [.ownUnit],
            .remindUnits: [.ownUnit, .lowerUnit],
        ]
        var unitAdministrator = officer
        unitAdministrator[.manageAgencies] = [.ownUnit, .lowerUnit]
        unitAdministrator[.manageUsers] = [.ownUnit, .lowerUnit]
        var systemAdministrator = unitAdministrator
        // Over the whole country a system administrator may correct anything, except that a
        // report is still filled by its own unit and reviewed by the level above.
        for action in AccessAction.allCases where action != .fillReport && action != .reviewReport {
            systemAdministrator[action, default: []].insert(.everyUnit)
        }
        systemAdministrator[.manageReportForms] = [.everyUnit, .ownUnit, .lowerUnit]
        return [
            .viewer: [:],
            .agencyMember: [.recordTaskProgress: [.assignedAgency]],
            .officer: officer,
            .unitAdministrator: unitAdministrator,
            .systemAdministrator: systemAdministrator,
        ]
    }()

    public static func allows(_ role: Role, _ action: AccessAction, _ relation: AccessRelation) -> Bool {
        table[role]?[action]?.contains(relation) ?? false
    }

    /// True when any of the record's relations to the person allows the action.
    public static func allows(_ role: Role, _ action: AccessAction, relations: Set<AccessRelation>) -> Bool {
        relations.contains { allows(role, action, $0) }
    }

    /// True when the role may do the action on some record (to show or hide a button).
    public static func allowsSomewhere(_ role: Role, _ action: AccessAction) -> Bool {
        !(table[role]?[action]?.isEmpty ?? true)
    }
}
