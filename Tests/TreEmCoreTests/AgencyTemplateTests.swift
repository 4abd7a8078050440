import Testing

@testable import TreEmCore

@Suite("The agencies a unit starts with, by level and period")
struct AgencyTemplateTests {
    let june2024 = CalendarDay(year: 2024, month: 6, day: 1)!
    let june2026 = CalendarDay(year: 2026, month: 6, day: 1)!

    func names(_ level: AdministrativeLevel, _ name: String, _ day: CalendarDay) -> [String] {
        AgencyTemplate.agencies(level: level, unitName: name, on: day).map(\.name)
    }

    @Test("A commune of 2026 has the offices of Nghị định 150/2025, its station, schools and mass organisations")
    func commune2026() {
        let list = AgencyTemplate.agencies(level: .commune, unitName: "Xã Kim Thành", on: june2026)
        #expect(list.first == .init(name: "Ủy ban nhân dân xã Kim Thành", kind: .peoplesCommittee))
        for expected in [
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Kim Thành", "Phòng Kinh tế xã Kim Thành",
            "Phòng Văn hóa - Xã hội xã Kim Thành", "Công an xã Kim Thành", "Trạm Y tế xã Kim Thành",
            "Trường Tiểu học Kim Thành", "Hội Liên hiệp Phụ nữ xã Kim Thành",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Kim Thành",
        ] {
            #expect(list.map(\.name).contains(expected), "\(expected)")
        }
        #expect(names(.commune, "Phường Kiến An", june2026).contains("Phòng Kinh tế, Hạ tầng và Đô thị phường Kiến An"))
        #expect(list.filter { $0.kind.isMassOrganisation }.count == 5)
        #expect(Set(list.map(\.name)).count == list.count, "no name twice")
    }

    @Test("A district of 2024 has its Phòng Lao động - Thương binh và Xã hội; the health sector leads from March 2025")
    func periods() {
        #expect(
            names(.district, "Huyện Kim Thành", june2024).contains(
                "Phòng Lao động - Thương binh và Xã hội huyện Kim Thành"))
        #expect(names(.district, "Huyện Kim Thành", june2024).contains("Huyện đoàn Kim Thành"))
        let spring2025 = CalendarDay(year: 2025, month: 4, day: 1)!
        #expect(!names(.district, "Huyện Kim Thành", spring2025).contains { $0.contains("Thương binh") })
        #expect(
            names(.province, "Tỉnh Hải Dương", june2024).contains("Sở Lao động - Thương binh và Xã hội tỉnh Hải Dương"))
        #expect(names(.province, "Thành phố Hải Phòng", june2026).contains("Sở Y tế thành phố Hải Phòng"))
        #expect(names(.province, "Thành phố Hải Phòng", june2026).contains("Thành đoàn Hải Phòng"))
        #expect(!names(.province, "Thành phố Hải Phòng", june2026).contains { $0.contains("Thương binh") })
        #expect(
            !names(.commune, "Xã Đồng Cẩm", june2024).contains { $0.hasPrefix("Phòng") }, "no offices before the reform"
        )
        #expect(AgencyTemplate.agencies(level: .village, unitName: "Thôn Cẩm La", on: june2024).isEmpty)
    }

    @Test("A district seen after March 2025 keeps its labour office from before, no longer current")
    func replacedOffice() {
        let old = ValidityPeriod(from: nil, to: CalendarDay(year: 2025, month: 6, day: 30)!)
        let list = AgencyTemplate.agencies(level: .district, unitName: "Huyện Thanh Hà", validity: old, today: june2026)
        let labour = list.first { $0.kind == .labourSocialOffice }
        #expect(labour?.name == "Phòng Lao động - Thương binh và Xã hội huyện Thanh Hà")
        #expect(labour?.isCurrent == false)
        #expect(list.contains { $0.name == "Phòng Y tế huyện Thanh Hà" && $0.isCurrent })
        let new = ValidityPeriod(from: NationalUnits.reformDay, to: nil)
        let commune = AgencyTemplate.agencies(level: .commune, unitName: "Xã Hà Nam", validity: new, today: june2024)
        #expect(
            commune.contains { $0.name == "Phòng Văn hóa - Xã hội xã Hà Nam" }, "seen before it existed: its first day")
        #expect(commune.allSatisfy { $0.isCurrent })
    }
}
