import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("The user form when the administrator sees the whole country")
struct UserFormCountryTests {
    @Test("A unit is typed by its code with the provinces suggested; a wrong code comes back named, nothing typed lost")
    func unitByCode() async throws {
        try await withTreEm { f in
            _ = try await UnitDirectory.load(try NationalUnits.bundled(), on: f.app.db)
            f.clock.set("2026-06-01T09:00:00+07:00")
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            let form = try await admin.get("/users/new")
            let page = form.body.string
            #expect(page.contains("name=\"unit_code\""))
            #expect(page.contains("<option value=\"31\">Thành phố Hải Phòng</option>"))
            #expect(page.contains("<option value=\"VN\">Toàn quốc"))
            #expect(!page.contains("<option value=\"10804\""), "no commune of the country in the list")
            #expect(form.body.readableBytes < 60_000, "\(form.body.readableBytes) bytes")

            let wrong = try await admin.post(
                "/users",
                form: [
                    "username": "hp.moi", "display_name": "Lê Thị Hoa", "role": "officer", "unit_code": "99999",
                    "agency": "",
                ])
            #expect(wrong.status == .badRequest)
            let refused = wrong.body.string
            #expect(refused.contains("Không có đơn vị mã 99999 còn hiệu lực trong phạm vi của bạn"))
            #expect(refused.contains("value=\"99999\""))
            #expect(refused.contains("value=\"Lê Thị Hoa\""))
            #expect(refused.contains("aria-invalid=\"true\""))
            #expect(try await UserModel.query(on: f.app.db).filter(\.$username == "hp.moi").count() == 0)

            let made = try await admin.post(
                "/users",
                form: [
                    "username": "hp.moi", "display_name": "Lê Thị Hoa", "role": "officer", "unit_code": " 10804 ",
                    "agency": "",
                ])
            #expect(made.status == .ok, "\(made.body.string.prefix(300))")
            let user = try #require(
                try await UserModel.query(on: f.app.db).filter(\.$username == "hp.moi").with(\.$unit).first())
            #expect(user.unit?.name == "Xã Kim Thành", "the version valid today")
            #expect(made.body.string.contains("value=\"10804\""), "the edit form shows the unit's code")

            let ministry = try await admin.post(
                "/users",
                form: [
                    "username": "byt.xem", "display_name": "Cục Bà mẹ và Trẻ em", "role": "viewer", "unit_code": "VN",
                ])
            #expect(ministry.status == .ok)
            #expect(
                try await UserModel.query(on: f.app.db).filter(\.$username == "byt.xem").first()?.$unit.id == nil)

            // A commune's administrator still picks from a short list.
            let commune = Browser(app: f.app)
            try await commune.signIn("a.admin")
            let small = try await commune.get("/users/new").body.string
            #expect(small.contains("<select id=\"unit\" name=\"unit\""))
            #expect(!small.contains("unit_code"))
        }
    }
}
