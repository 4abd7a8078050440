import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("The whole country loaded, and the units API over it")
struct NationalUnitsLoadTests {
    func total(_ api: APIClient, _ query: String) async throws -> Int {
        let response = try await api.get("/api/v1/units?\(query)&limit=1")
        #expect(response.status == .ok, "\(response.body.string)")
        return try response.decode(APIController.UnitPageDTO.self).total
    }

    @Test("Loading the country over the tests' part adds the rest; loading it again changes nothing")
    func wholeCountry() async throws {
        try await withTreEm { f in
            let before = try await UnitModel.query(on: f.app.db).count()
            let reportsBefore = try await AgencyModel.query(on: f.app.db).count()
            let country = try NationalUnits.bundled()
            let first = try await UnitDirectory.load(country, on: f.app.db)
            // The demo's villages stay; every version of the file is now stored.
            #expect(first.inserted + first.unchanged == country.units.count)
            #expect(first.updated == 0)
            #expect(try await UnitModel.query(on: f.app.db).count() == before + first.inserted)
            #expect(try await AgencyModel.query(on: f.app.db).count() == reportsBefore)
            let second = try await UnitDirectory.load(country, on: f.app.db)
            #expect(second == UnitDirectory.LoadSummary(unchanged: country.units.count))

            let api = try await APIClient.signIn(f.app, "admin")
            #expect(try await total(api, "asOf=2024-06-01&level=province") == 63)
            #expect(try await total(api, "asOf=2024-06-01&level=district") == 696)
            #expect(try await total(api, "asOf=2024-06-01&level=commune") == 10_035)
            #expect(try await total(api, "asOf=2026-06-01&level=province") == 34)
            #expect(try await total(api, "asOf=2026-06-01&level=district") == 0)
            #expect(try await total(api, "asOf=2026-06-01&level=commune") == 3_321)

            // Xã Kim Thành of 2026: formed from Đồng Cẩm, Tam Kỳ and Đại Đức of Huyện Kim Thành, and
            // from parts of two divided communes whose figures count elsewhere.
            let kimThanh = try await api.get("/api/v1/units/10804?asOf=2026-06-01").decode(
                APIController.UnitDetailDTO.self)
            #expect(kimThanh.name == "Xã Kim Thành")
            #expect(kimThanh.parentCode == "31")
            #expect(
                kimThanh.predecessors.filter(\.isDefault).map(\.name).sorted() == [
                    "Xã Tam Kỳ", "Xã Đại Đức", "Xã Đồng Cẩm",
                ])
            #expect(kimThanh.predecessors.allSatisfy { $0.validTo == "2025-06-30" && $0.effectiveOn == "2025-07-01" })
            let hoaBinh = try await api.get("/api/v1/units/10798?asOf=2024-06-01").decode(
                APIController.UnitDetailDTO.self)
            #expect(hoaBinh.successors.count == 3)
            #expect(hoaBinh.successors.filter(\.isDefault).map(\.name) == ["Xã Hà Nam"])
            let city = try await api.get("/api/v1/units/31?asOf=2026-06-01").decode(APIController.UnitDetailDTO.self)
            #expect(city.predecessors.map(\.name).sorted() == ["Thành phố Hải Phòng", "Tỉnh Hải Dương"])
            let canTho = try await api.get("/api/v1/units/92?asOf=2026-06-01").decode(
                APIController.UnitDetailDTO.self)
            #expect(canTho.predecessors.map(\.code) == ["92", "93", "94"])

            // The commune's officer sees its own history; a sibling commune sees none of it.
            let officer = try await APIClient.signIn(f.app, "a.officer")
            let own = try await officer.get("/api/v1/units/10804?asOf=2026-06-01").decode(
                APIController.UnitDetailDTO.self)
            #expect(own.predecessors.count == kimThanh.predecessors.count)
            #expect(try await total(officer, "asOf=2026-06-01&level=province") == 0)
            let sibling = try await APIClient.signIn(f.app, "b.officer")
            #expect(try await sibling.get("/api/v1/units/10804?asOf=2026-06-01").status == .notFound)
            #expect(try await sibling.get("/api/v1/units/10801?asOf=2024-06-01").status == .notFound)

            // A unit of the national list gets its level's agencies when they are first asked for, once.
            let agencyCount = try await AgencyModel.query(on: f.app.db).count()
            let haNam = try await api.get("/api/v1/units/10843/agencies?asOf=2026-06-01").decode(
                [APIController.AgencyDTO].self)
            #expect(haNam.map(\.name).contains("Phòng Văn hóa - Xã hội xã Hà Nam"))
            #expect(haNam.contains { $0.kind == "healthStation" && $0.name == "Trạm Y tế xã Hà Nam" })
            let again = try await api.get("/api/v1/units/10843/agencies?asOf=2026-06-01").decode(
                [APIController.AgencyDTO].self)
            #expect(again.map(\.id) == haNam.map(\.id))
            #expect(try await AgencyModel.query(on: f.app.db).count() == agencyCount + haNam.count)
            let district = try await api.get("/api/v1/units/294/agencies?asOf=2024-06-01").decode(
                [APIController.AgencyDTO].self)
            #expect(district.contains { $0.name.hasPrefix("Phòng Lao động - Thương binh và Xã hội") })
        }
    }

    @Test("A later dataset renames and adds units, keeps every record; a clash with a stored version is refused whole")
    func laterVersion() async throws {
        try await withTreEm { f in
            let slice = try NationalUnits.bundled().restricted(
                toProvinces: DemoData.seedSlice.provinces, only: DemoData.seedSlice.units)
            let reports = try await ReportModel.query(on: f.app.db).count()
            let users = try await UserModel.query(on: f.app.db).count()
            var later = slice
            let renamed = try #require(later.units.firstIndex { $0.code == "10804" && $0.validFrom != nil })
            later.units[renamed].name = "Xã Kim Thành Mới"
            later.units.append(
                UnitRecord(
                    code: "10899", name: "Xã Thử Nghiệm", level: .commune, parentCode: "31",
                    validFrom: NationalUnits.reformDay, validTo: nil))
            let summary = try await UnitDirectory.load(later, on: f.app.db)
            #expect(summary.updated == 1)
            #expect(summary.inserted == 1)
            let api = try await APIClient.signIn(f.app, "a.officer")
            #expect(
                try await api.get("/api/v1/units/10804?asOf=2026-06-01").decode(APIController.UnitDetailDTO.self).name
                    == "Xã Kim Thành Mới")
            #expect(try await ReportModel.query(on: f.app.db).count() == reports)
            #expect(try await UserModel.query(on: f.app.db).count() == users)

            var clash = later
            clash.units.append(
                UnitRecord(
                    code: "10804", name: "Xã Trùng Mã", level: .commune, parentCode: "31",
                    validFrom: CalendarDay(year: 2026, month: 1, day: 1)!, validTo: nil))
            clash.lines[UnitKey(clash.units.last!)] = 42
            let before = try await UnitModel.query(on: f.app.db).count()
            await #expect {
                _ = try await UnitDirectory.load(clash, on: f.app.db)
            } throws: { error in
                (error as? ImportRejected)?.report(.vi).contains("Dòng 42, cột code: mã 10804 đã có trong hệ thống")
                    == true
            }
            #expect(try await UnitModel.query(on: f.app.db).count() == before)
        }
    }

    @Test("Pages of units say how many there are; a bad level or page size is refused, naming the parameter")
    func paging() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "admin")
            let all = try await api.get("/api/v1/units?asOf=2024-06-01&level=commune").decode(
                [APIController.UnitDTO].self)
            #expect(all.count > 10)
            #expect(all.allSatisfy { $0.level == "commune" })
            let first = try await api.get("/api/v1/units?asOf=2024-06-01&level=commune&limit=5").decode(
                APIController.UnitPageDTO.self)
            let second = try await api.get("/api/v1/units?asOf=2024-06-01&level=commune&limit=5&offset=5").decode(
                APIController.UnitPageDTO.self)
            #expect(first.total == all.count)
            #expect(first.units.map(\.code) == all.prefix(5).map(\.code))
            #expect(second.units.map(\.code) == all.dropFirst(5).prefix(5).map(\.code))
            let badLevel = try await api.get("/api/v1/units?level=hamlet")
            #expect(badLevel.status == .badRequest)
            #expect(badLevel.body.string.contains("hamlet"))
            let badLimit = try await api.get("/api/v1/units?limit=0")
            #expect(badLimit.status == .badRequest)
            #expect(badLimit.body.string.contains("limit"))
            #expect(try await api.get("/api/v1/units?limit=abc").status == .badRequest)
        }
    }
}
