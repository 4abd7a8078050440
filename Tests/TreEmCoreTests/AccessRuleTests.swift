import Testing

@testable import TreEmCore

@Suite("Access rules")
struct AccessRuleTests {
    let unitAdmin = UserAdministration.Actor(userID: "me", role: .unitAdministrator)

    @Test("Nobody changes their own role or scope")
    func ownAccess() {
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: "me", targetCurrentRole: .unitAdministrator,
                role: .systemAdministrator, changesScope: false, hasUnit: true,
                agencyBelongsToUnit: nil) == .cannotChangeOwnAccess)
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: "me", targetCurrentRole: .unitAdministrator,
                role: .unitAdministrator, changesScope: true, hasUnit: true,
                agencyBelongsToUnit: nil) == .cannotChangeOwnAccess)
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: "me", targetCurrentRole: .unitAdministrator,
                role: .unitAdministrator, changesScope: false, hasUnit: true,
                agencyBelongsToUnit: nil) == nil)
    }

    @Test("No role above one's own is granted; agency members need an agency of their unit")
    func grants() {
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: nil, targetCurrentRole: nil, role: .systemAdministrator,
                changesScope: true, hasUnit: true, agencyBelongsToUnit: nil) == .roleAboveYours(.systemAdministrator))
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: nil, targetCurrentRole: nil, role: .agencyMember,
                changesScope: true, hasUnit: true, agencyBelongsToUnit: nil) == .agencyRequired)
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: nil, targetCurrentRole: nil, role: .agencyMember,
                changesScope: true, hasUnit: true, agencyBelongsToUnit: false) == .agencyNotInUnit)
        #expect(
            UserAdministration.checkAssignment(
                by: .init(userID: "o", role: .officer), targetID: nil, targetCurrentRole: nil,
                role: .viewer, changesScope: true, hasUnit: true, agencyBelongsToUnit: nil) == .notAnAdministrator)
        #expect(
            UserAdministration.checkAssignment(
                by: unitAdmin, targetID: "boss", targetCurrentRole: .systemAdministrator,
                role: .viewer, changesScope: true, hasUnit: true, agencyBelongsToUnit: nil) == .targetAboveYou)
    }

    @Test("Five failures in 15 minutes lock sign-in until the oldest of them is 15 minutes old")
    func throttle() {
        let failures: [Double] = [0, 60, 120, 180, 240]
        #expect(LoginThrottle.waitSeconds(failures: Array(failures.prefix(4)), now: 300) == nil)
        #expect(LoginThrottle.waitSeconds(failures: failures, now: 300) == 600)
        #expect(LoginThrottle.waitSeconds(failures: failures, now: 901) == nil)
    }

    @Test("Passwords: long enough, not the username, not trivial; one-time passwords avoid look-alikes")
    func passwords() {
        #expect(PasswordPolicy.problem(password: "ngan", username: "an") != nil)
        #expect(PasswordPolicy.problem(password: "xa.kimthanh-2026", username: "xa.kimthanh") != nil)
        #expect(PasswordPolicy.problem(password: "aaaaaaaaaaaa", username: "an") != nil)
        #expect(PasswordPolicy.problem(password: "hoa-sen-no-trong-dam", username: "an.nv") == nil)
        let otp = PasswordPolicy.oneTimePassword()
        #expect(otp.count == 14)
        #expect(!otp.contains { "0O1lI".contains($0) })
        #expect(otp != PasswordPolicy.oneTimePassword())
    }

    @Test("Mass organisations are marked so plans can only request their tasks")
    func massOrganisations() {
        #expect(AgencyKind.womenUnion.isMassOrganisation)
        #expect(AgencyKind.fatherlandFront.isMassOrganisation)
        #expect(!AgencyKind.healthStation.isMassOrganisation)
        #expect(!AgencyKind.peoplesCommittee.isMassOrganisation)
    }
}
