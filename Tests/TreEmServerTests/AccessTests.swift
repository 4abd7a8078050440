import Fluent
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Access: another commune's records are 404, nobody widens their own rights")
struct AccessTests {
    @Test("Every page and API route of commune B answers 404 to commune A")
    func otherCommuneIsNotFound() async throws {
        try await withTreEm { f in
            let agencyB = try #require(
                try await AgencyModel.query(on: f.app.db)
                    .filter(\.$unit.$id == unitID(Fixture.communeB, app: f.app)).first()?.id)
            let userB = try #require(
                try await UserModel.query(on: f.app.db).filter(\.$username == "b.officer").first()?.id)

            let browser = Browser(app: f.app)
            try await browser.signIn("a.admin")
            for path in [
                "/units/\(Fixture.communeB)", "/units/\(Fixture.city)", "/agencies/\(agencyB)", "/users/\(userB)",
            ] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "GET \(path)")
                #expect(response.body.string.contains("Không tìm thấy"), "GET \(path) explains in Vietnamese")
            }
            let post = try await browser.post(
                "/units/\(Fixture.communeB)/agencies", form: ["name": "Cơ quan lạ", "kind": "other"])
            #expect(post.status == .notFound)
            let edit = try await browser.post(
                "/agencies/\(agencyB)", form: ["name": "Đổi tên", "kind": "other", "is_active": "on"])
            #expect(edit.status == .notFound)
            let reset = try await browser.post("/users/\(userB)/reset-password", form: [:])
            #expect(reset.status == .notFound)

            let api = try await APIClient.signIn(f.app, "a.admin")
            for path in [
                "/api/v1/units/\(Fixture.communeB)", "/api/v1/units/\(Fixture.communeB)/agencies",
                "/api/v1/agencies/\(agencyB)", "/api/v1/users/\(userB)", "/api/v1/units/\(Fixture.city)",
            ] {
                #expect(try await api.get(path).status == .notFound, "GET \(path)")
            }
            #expect(
                try await api.send(.PATCH, "/api/v1/agencies/\(agencyB)", json: ["name": "x", "kind": "other"]).status
                    == .notFound)
            #expect(
                try await api.send(
                    .POST, "/api/v1/units/\(Fixture.communeB)/agencies", json: ["name": "x", "kind": "other"]
                ).status == .notFound)
            #expect(try await api.send(.PATCH, "/api/v1/users/\(userB)", json: ["role": "viewer"]).status == .notFound)
            let users = try await api.get("/api/v1/users").decode([APIController.UserDTO].self)
            #expect(!users.contains { $0.username.hasPrefix("b.") })
            // Nothing of B changed.
            #expect(try await AgencyModel.find(agencyB, on: f.app.db)?.name != "x")
        }
    }

    @Test("The same routes answer 200 for commune A's own records")
    func ownCommuneIsVisible() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            #expect(try await api.get("/api/v1/units/\(Fixture.communeA)").status == .ok)
            let agencies = try await api.get("/api/v1/units/\(Fixture.communeA)/agencies").decode(
                [APIController.AgencyDTO].self)
            #expect(agencies.contains { $0.kind == "peoplesCommittee" })
            #expect(agencies.contains { $0.isMassOrganisation && $0.kind == "womenUnion" })
            let agency = try #require(agencies.first)
            #expect(try await api.get("/api/v1/agencies/\(agency.id)").status == .ok)
            let me = try await api.get("/api/v1/me").decode(APIController.MeDTO.self)
            #expect(me.unit?.code == Fixture.communeA)
        }
    }

    @Test("Nobody raises their own role or widens their own scope")
    func cannotRaiseOwnRole() async throws {
        try await withTreEm { f in
            let me = try #require(try await UserModel.query(on: f.app.db).filter(\.$username == "a.admin").first())
            let myID = try me.requireID()
            let api = try await APIClient.signIn(f.app, "a.admin")
            let raise = try await api.send(.PATCH, "/api/v1/users/\(myID)", json: ["role": "systemAdministrator"])
            #expect(raise.status == .forbidden)
            let widen = try await api.send(.PATCH, "/api/v1/users/\(myID)", json: ["unitCode": Fixture.city])
            #expect(widen.status == .badRequest, "the city is outside the commune's scope: not found")
            let rename = try await api.send(.PATCH, "/api/v1/users/\(myID)", json: ["displayName": "Nguyễn Văn A"])
            #expect(rename.status == .ok, "changing one's own name is fine")

            let browser = Browser(app: f.app)
            try await browser.signIn("a.admin")
            let unitA = try await unitID(Fixture.communeA, app: f.app)
            let web = try await browser.post(
                "/users/\(myID)",
                form: [
                    "display_name": "A", "role": "systemAdministrator",
                    "unit": unitA.uuidString, "is_active": "on",
                ])
            #expect(web.status == .forbidden)
            let same = try await UserModel.find(myID, on: f.app.db)
            #expect(same?.role == .unitAdministrator)
            #expect(same?.$unit.id == unitA)

            // Nor can they make someone else more powerful than themselves.
            let officer = try #require(
                try await UserModel.query(on: f.app.db).filter(\.$username == "a.officer").first()?.id)
            #expect(
                try await api.send(.PATCH, "/api/v1/users/\(officer)", json: ["role": "systemAdministrator"]).status
                    == .forbidden)
            let created = try await api.send(
                .POST, "/api/v1/users",
                json: [
                    "username": "a.boss", "displayName": "Sếp",
                    "role": "systemAdministrator", "unitCode": Fixture.communeA,
                ])
            #expect(created.status == .forbidden)
            // An officer is no administrator at all: user administration does not exist for them.
            let officerAPI = try await APIClient.signIn(f.app, "a.officer")
            #expect(
                try await officerAPI.send(.PATCH, "/api/v1/users/\(officer)", json: ["role": "unitAdministrator"])
                    .status == .notFound)
        }
    }

    @Test("A unit administrator creates a user in their commune, who must change the one-time password")
    func oneTimePassword() async throws {
        try await withTreEm { f in
            let admin = try await APIClient.signIn(f.app, "a.admin")
            let response = try await admin.send(
                .POST, "/api/v1/users",
                json: [
                    "username": "a.new", "displayName": "Trần Thị Bình", "role": "officer",
                    "unitCode": Fixture.communeA,
                ])
            #expect(response.status == .created)
            let created = try response.decode(APIController.CreatedUserDTO.self)
            var user = try await APIClient.signIn(f.app, "a.new", password: created.oneTimePassword)
            let blocked = try await user.get("/api/v1/me")
            #expect(blocked.status == .forbidden)
            #expect(blocked.body.string.contains("đổi mật khẩu"))
            let change = try await user.send(
                .POST, "/api/v1/me/password",
                json: [
                    "currentPassword": created.oneTimePassword, "newPassword": "mot-mat-khau-moi-dai",
                ])
            #expect(change.status == .noContent)
            #expect(try await user.get("/api/v1/me").status == .ok)
            user = try await APIClient.signIn(f.app, "a.new", password: "mot-mat-khau-moi-dai")
            #expect(try await user.get("/api/v1/me").status == .ok)
        }
    }

    @Test("The web asks for a new password at first sign-in with a one-time password")
    func webForcesPasswordChange() async throws {
        try await withTreEm { f in
            let admin = try await APIClient.signIn(f.app, "a.admin")
            let created = try await admin.send(
                .POST, "/api/v1/users",
                json: [
                    "username": "a.web", "displayName": "Lê Văn Cường", "role": "viewer", "unitCode": Fixture.communeA,
                ]
            ).decode(APIController.CreatedUserDTO.self)
            let browser = Browser(app: f.app)
            let signIn = try await browser.signIn("a.web", password: created.oneTimePassword)
            #expect(signIn.headers.first(name: .location) == "/account/password")
            let home = try await browser.get("/units")
            #expect(home.headers.first(name: .location) == "/account/password")
            try await browser.get("/account/password")
            let weak = try await browser.post(
                "/account/password",
                form: [
                    "current_password": created.oneTimePassword, "new_password": "ngan", "confirmation": "ngan",
                ])
            #expect(weak.status == .badRequest)
            #expect(weak.body.string.contains("ít nhất 10 ký tự"))
            let good = try await browser.post(
                "/account/password",
                form: [
                    "current_password": created.oneTimePassword, "new_password": "mat-khau-rat-dai-1",
                    "confirmation": "mat-khau-rat-dai-1",
                ])
            #expect(good.status == .ok)
            #expect(try await browser.get("/units").status == .ok)
        }
    }
}
