import Foundation
import Testing

@testable import TreEmCore

@Suite("The whole country before and after 1 July 2025")
struct NationalUnitsTests {
    static let country: UnitSet = {
        do { return try NationalUnits.bundled() } catch {
            fatalError("vietnam-units.csv: \((error as? ImportRejected)?.report(.en) ?? "\(error)")")
        }
    }()
    let country = Self.country
    let june2024 = CalendarDay(year: 2024, month: 6, day: 1)!
    let june2026 = CalendarDay(year: 2026, month: 6, day: 1)!

    func unit(_ code: String, on day: CalendarDay) -> UnitRecord? {
        country.units.first { $0.code == code && $0.validity.contains(day) }
    }

    @Test("63 provinces, 696 districts and 10,035 communes on 1 June 2024; 34 and 3,321 on 1 June 2026")
    func counts() {
        #expect(country.units(validOn: june2024, level: .province).count == 63)
        #expect(country.units(validOn: june2024, level: .district).count == 696)
        #expect(country.units(validOn: june2024, level: .commune).count == 10_035)
        #expect(country.units(validOn: june2026, level: .province).count == 34)
        #expect(country.units(validOn: june2026, level: .commune).count == 3_321)
        #expect(
            country.units(validOn: NationalUnits.reformDay, level: .district).isEmpty, "no district after the reform")
        #expect(country.units(validOn: june2024, level: .village).isEmpty, "villages are each commune's own")
    }

    @Test("Codes are unique on any one day")
    func uniqueCodes() {
        for day in [june2024, june2026] {
            let codes = country.units(validOn: day).map(\.code)
            #expect(Set(codes).count == codes.count, "\(day.iso)")
        }
    }

    @Test("Every old commune became something; every new commune came from something")
    func successionsAreComplete() {
        let old = country.units(validOn: june2024, level: .commune).map(UnitKey.init)
        let new = country.units(validOn: june2026, level: .commune).map(UnitKey.init)
        let predecessors = Set(country.links.map(\.predecessor))
        let successors = Set(country.links.map(\.successor))
        #expect(old.filter { !predecessors.contains($0) }.isEmpty)
        #expect(new.filter { !successors.contains($0) }.isEmpty)
        // The five island districts had no communes: they became special zones themselves.
        let districts = Set(country.units.filter { $0.level == .district }.map(UnitKey.init))
        let islands = country.links.filter { districts.contains($0.predecessor) }
        #expect(islands.count == 5)
        #expect(
            islands.allSatisfy { link in unit(link.successor.code, on: june2026)?.name.hasPrefix("Đặc khu") == true })
    }

    @Test("A divided commune names all its successors and exactly one default")
    func dividedCommunes() {
        let byPredecessor = Dictionary(grouping: country.links, by: \.predecessor)
        let divided = byPredecessor.filter { $0.value.count > 1 }
        #expect(divided.count > 100)
        #expect(divided.values.allSatisfy { links in links.filter(\.isDefault).count == 1 })
        #expect(byPredecessor.values.filter { $0.count == 1 }.allSatisfy { $0[0].isDefault })
    }

    @Test("Xã Kim Thành (10804) of Thành phố Hải Phòng was formed from communes of Huyện Kim Thành, Hải Dương")
    func kimThanh() throws {
        let kimThanh = try #require(unit("10804", on: june2026))
        #expect(kimThanh.name == "Xã Kim Thành")
        #expect(kimThanh.parentCode == "31")
        #expect(kimThanh.validFrom == NationalUnits.reformDay)
        let counted = country.links.filter { $0.successor == UnitKey(kimThanh) && $0.isDefault }
            .compactMap { unit($0.predecessor.code, on: june2024) }
        #expect(counted.map(\.name).sorted() == ["Xã Tam Kỳ", "Xã Đại Đức", "Xã Đồng Cẩm"])
        #expect(counted.allSatisfy { $0.parentCode == "293" })
        #expect(unit("293", on: june2024)?.name == "Huyện Kim Thành")
        #expect(unit("293", on: june2024)?.parentCode == "30")
        #expect(unit("30", on: june2024)?.name == "Tỉnh Hải Dương")
        // The same code named another commune before the reform: a code alone is not a unit.
        #expect(unit("10804", on: june2024)?.name == "Xã Đồng Cẩm")
    }

    @Test("Thành phố Hải Phòng: from Hải Phòng and Hải Dương, with 114 communes; Cần Thơ from three provinces")
    func mergedProvinces() throws {
        func sources(_ code: String) throws -> [String] {
            let province = try #require(unit(code, on: june2026))
            return country.links.filter { $0.successor == UnitKey(province) }.map(\.predecessor.code).sorted()
        }
        #expect(try sources("31") == ["30", "31"])
        #expect(try sources("92") == ["92", "93", "94"])
        #expect(country.units(validOn: june2026, level: .commune).filter { $0.parentCode == "31" }.count == 114)
        #expect(unit("30", on: june2026) == nil, "Hải Dương ended on 30 June 2025")
        // A province that kept its territory is one version: Lai Châu, before and after.
        #expect(unit("12", on: june2024) == unit("12", on: june2026))
        #expect(try sources("12").isEmpty)
    }

    @Test("A part of the country keeps its own successions and drops the links leaving it")
    func restricted() {
        let part = country.restricted(toProvinces: ["30", "31"])
        #expect(part.units(validOn: june2024, level: .province).map(\.code).sorted() == ["30", "31"])
        #expect(part.units(validOn: june2026, level: .commune).count == 114)
        let keys = Set(part.units.map(UnitKey.init))
        #expect(part.links.allSatisfy { keys.contains($0.predecessor) && keys.contains($0.successor) })
        #expect(part.units.count < country.units.count / 10)
    }

    @Test("A damaged file is refused with every bad line named")
    func damagedFile() {
        let text = """
            # comment
            code,name,level,parent_code,valid_from,valid_to,successors
            01,Tỉnh A,province,,,2025-06-30,02
            02,Tỉnh B,province,,2025-07-01,,
            0101,Xã C,commune,01,,2025-6-30,
            0102,Xã D,hamlet,01,,,
            0103,Xã E,commune,01,,2025-06-30,0201;0202
            0104,Xã F
            """
        #expect {
            try NationalUnits.parse(text)
        } throws: { error in
            let rejected = error as! ImportRejected
            return rejected.problems.map(\.line) == [5, 6, 7, 8]
                && rejected.problems[0].field == "valid_to" && rejected.problems[1].field == "level"
                && rejected.problems[2].field == "successors"
        }
        #expect(NationalUnits.version(of: "# from vietnamadminunits 1.0.4 (x)\ncode") == "vietnamadminunits 1.0.4")
    }
}
