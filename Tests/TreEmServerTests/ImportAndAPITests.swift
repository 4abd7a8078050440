import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Unit import, demo data and the API document")
struct ImportAndAPITests {
    @Test("A file with bad rows is refused whole, every bad line named, nothing imported")
    func importRejected() async throws {
        try await withTreEm { f in
            let before = try await UnitModel.query(on: f.app.db).count()
            let csv = """
                code,name,level,parent_code,valid_from,valid_to
                99001,Xã Thử Nghiệm,commune,31,2025-07-01,
                99002,Xã Không Cha,commune,99999,2025-07-01,
                99001,Xã Trùng Mã,commune,31,2025-07-01,
                10804,Xã Kim Thành khác,commune,31,2026-01-01,
                99003,Thôn Sai Cấp,village,31,2025-07-01,
                99004,Xã Sai Ngày,commune,31,2025-02-30,
                """
            await #expect {
                try await UnitDirectory.importUnits(csv: csv, on: f.app.db)
            } throws: { error in
                guard let rejected = error as? ImportRejected else { return false }
                let text = rejected.report(.vi)
                return rejected.problems.map(\.line) == [3, 4, 5, 6, 7]
                    && text.contains("Dòng 3, cột parent_code: không tìm thấy đơn vị cấp trên có mã 99999")
                    && text.contains("Dòng 4, cột code: mã 99001 trùng với dòng 2")
                    && text.contains("Dòng 5, cột code: mã 10804 đã có trong hệ thống")
                    && text.contains(
                        "Dòng 6, cột parent_code: đơn vị thôn, tổ dân phố không thể trực thuộc Thành phố Hải Phòng")
                    && text.contains("Dòng 7, cột valid_from")
            }
            #expect(try await UnitModel.query(on: f.app.db).count() == before)
            #expect(try await UnitModel.query(on: f.app.db).filter(\.$code == "99001").count() == 0)
        }
    }

    @Test("A good file is imported and its units become visible to the city")
    func importAccepted() async throws {
        try await withTreEm { f in
            let csv = "code,name,level,parent_code,valid_from,valid_to\n10804-60,Thôn Mới,village,10804,2026-01-01,\n"
            let summary = try await UnitDirectory.importUnits(csv: csv, on: f.app.db)
            #expect(summary.inserted == 1)
            let api = try await APIClient.signIn(f.app, "a.officer")
            let units = try await api.get("/api/v1/units?asOf=2026-06-01").decode([APIController.UnitDTO].self)
            #expect(units.contains { $0.name == "Thôn Mới" && $0.parentCode == "10804" })
            let other = try await APIClient.signIn(f.app, "b.officer")
            #expect(try await other.get("/api/v1/units/10804-60").status == .notFound)
        }
    }

    @Test("The web import names the bad lines in Vietnamese")
    func webImport() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            try await browser.get("/units/import")
            let boundary = "treem-boundary"
            let csv = "code,name,level,parent_code,valid_from,valid_to\n99010,Xã X,commune,4242,,\n"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(browser.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"xa.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
                + "--\(boundary)--\r\n"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            headers.replaceOrAdd(
                name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            try await f.app.testing().test(.POST, "/units/import", headers: headers, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("Dòng 2, cột parent_code"))
            }
            // Only a system administrator may import.
            let officer = Browser(app: f.app)
            try await officer.signIn("city.officer")
            #expect(try await officer.get("/units/import").status == .notFound)
        }
    }

    @Test("Every API route is described in the OpenAPI document")
    func openAPICoversRoutes() async throws {
        try await withTreEm { f in
            let response = try await APIClient(app: f.app, token: nil).get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let apiRoutes = f.app.routes.all.filter { $0.path.first?.description == "api" }
            #expect(apiRoutes.count > 40, "the API's routes are found at all")
            for route in apiRoutes {
                let path =
                    "/"
                    + route.path.map { component in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                #expect(
                    paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not documented"
                )
            }
        }
    }

    @Test("The demo data holds every unit of the seeds, with its agencies")
    func demoData() async throws {
        try await withTreEm { f in
            for name in [
                "Thành phố Hải Phòng", "Quận Kiến An", "Thị xã Kinh Môn", "Phường Phú Thứ", "Huyện Kim Thành",
                "Xã Kim Thành", "Huyện Ba Tơ", "Thị trấn Ba Tơ", "Tỉnh Lai Châu", "Tỉnh Quảng Ngãi",
            ] {
                #expect(try await UnitModel.query(on: f.app.db).filter(\.$name == name).count() > 0, "\(name)")
            }
            let laiChau = try await unitID("12", app: f.app)
            let departments = try await AgencyModel.query(on: f.app.db).filter(\.$unit.$id == laiChau).all()
            #expect(departments.contains { $0.kind == .healthOffice })
            #expect(departments.contains { $0.kind.isMassOrganisation })
            // Loading twice changes nothing.
            let count = try await AgencyModel.query(on: f.app.db).count()
            #expect(try await DemoData.load(on: f.app.db, at: f.clock.now, slice: DemoData.seedSlice) == false)
            #expect(try await AgencyModel.query(on: f.app.db).count() == count)
        }
    }
}
