import Foundation
import Testing

@testable import TreEmCore

@Suite("Who may do what: the access table")
struct AccessPolicyTests {
    /// The expected table, written out independently of `AccessPolicy.table`: for each role,
    /// the actions and relations allowed. Everything not listed is refused.
    static let expected: [Role: [AccessAction: Set<AccessRelation>]] = [
        .viewer: [:],
        .agencyMember: [.recordTaskProgress: [.assignedAgency]],
        .officer: [
            .recordTaskProgress: [.assignedAgency, .ownUnit], .writePlan: [.ownUnit, .lowerUnit],
            .fillReport: [.ownUnit],
            .reviewReport: [.reviewingUnit], .openReportRound: [.ownUnit], .remindUnits: [.ownUnit, .lowerUnit],
        ],
        .unitAdministrator: [
            .recordTaskProgress: [.assignedAgency, .ownUnit], .writePlan: [.ownUnit, .lowerUnit],
            .fillReport: [.ownUnit], .reviewReport: [.reviewingUnit], .openReportRound: [.ownUnit],
            .remindUnits: [.ownUnit, .lowerUnit], .manageAgencies: [.ownUnit, .lowerUnit],
            .manageUsers: [.ownUnit, .lowerUnit],
        ],
        .systemAdministrator: [
            .recordTaskProgress: [.assignedAgency, .ownUnit, .everyUnit],
            .writePlan: [.ownUnit, .lowerUnit, .everyUnit], .fillReport: [.ownUnit],
            .reviewReport: [.reviewingUnit], .openReportRound: [.ownUnit, .everyUnit],
            .remindUnits: [.ownUnit, .lowerUnit, .everyUnit], .manageAgencies: [.ownUnit, .lowerUnit, .everyUnit],
            .manageUsers: [.ownUnit, .lowerUnit, .everyUnit], .manageReportForms: [.ownUnit, .lowerUnit, .everyUnit],
        ],
    ]

    @Test("Every cell of role × action × relation is as written")
    func wholeTable() {
        var cells = 0
        for role in Role.allCases {
            for action in AccessAction.allCases {
                for relation in AccessRelation.allCases {
                    let allowed = Self.expected[role]?[action]?.contains(relation) ?? false
                    #expect(AccessPolicy.allows(role, action, relation) == allowed, "\(role) \(action) \(relation)")
                    cells += 1
                }
            }
        }
        #expect(cells == Role.allCases.count * AccessAction.allCases.count * AccessRelation.allCases.count)
    }

    @Test("A viewer linked to an agency still only reads")
    func viewerWithAgency() {
        #expect(!AccessPolicy.allows(.viewer, .recordTaskProgress, relations: [.assignedAgency, .ownUnit]))
        #expect(AccessPolicy.allows(.agencyMember, .recordTaskProgress, relations: [.assignedAgency]))
        #expect(!AccessPolicy.allows(.agencyMember, .recordTaskProgress, relations: [.ownUnit]))
    }

    @Test("Nobody fills another unit's report or reviews their own")
    func reports() {
        for role in Role.allCases {
            #expect(!AccessPolicy.allows(role, .fillReport, .lowerUnit))
            #expect(!AccessPolicy.allows(role, .fillReport, .everyUnit))
            #expect(!AccessPolicy.allows(role, .reviewReport, .ownUnit))
        }
    }
}
