import Testing

@testable import TreEmCore

@Suite("Importing the unit list")
struct UnitImportTests {
    let header = "code,name,level,parent_code,valid_from,valid_to\n"

    @Test("A good file gives parents before children, with parents resolved to the right version")
    func good() throws {
        let csv =
            header + """
                10804,Xã Kim Thành,commune,31,2025-07-01,
                31,Thành phố Hải Phòng,province,,,2025-06-30
                31,Thành phố Hải Phòng,province,,2025-07-01,
                10804-51,Thôn Cẩm La,village,10804,2025-07-01,
                """
        let plan = try UnitImport.plan(csv: csv, existing: [])
        #expect(plan.inserts.map(\.unit.code) == ["31", "31", "10804", "10804-51"])
        let commune = try #require(plan.inserts.first { $0.unit.code == "10804" })
        #expect(commune.parent == UnitKey(code: "31", validFrom: CalendarDay(iso: "2025-07-01")))
    }

    @Test("Every bad line is named with its column, in Vietnamese and English")
    func bad() {
        let csv =
            header + """
                30,Tỉnh Hải Dương,province,,,2025-06-30
                293,Huyện Kim Thành,district,30,,2025-06-30
                293,Huyện Kim Thành,district,30,,
                10801,Xã Tam Kỳ,commune,777,,
                10802,Xã Sai,thành phố,293,,
                99,Tỉnh Sai,province,,2025-07-01,2025-01-01
                10803,Xã Dưới Thôn,commune,10804-01,,
                ,Không Mã,commune,293,,
                """ + "\n10805,Thiếu cột,commune\n"
        do {
            _ = try UnitImport.plan(
                csv: csv,
                existing: [
                    UnitRecord(
                        code: "10804-01", name: "Thôn A", level: .village, parentCode: nil, validFrom: nil, validTo: nil
                    )
                ])
            Issue.record("the file should have been refused")
        } catch {
            let lines = error.problems.map(\.line)
            #expect(lines == [4, 5, 6, 7, 8, 9, 10])
            let vi = error.report(.vi)
            #expect(vi.contains("Dòng 4, cột code: mã 293 trùng với dòng 3"))
            #expect(vi.contains("Dòng 5, cột parent_code: không tìm thấy đơn vị cấp trên có mã 777"))
            #expect(vi.contains("Dòng 6, cột level"))
            #expect(vi.contains("Dòng 7, cột valid_to"))
            #expect(vi.contains("Dòng 8, cột parent_code: đơn vị cấp xã không thể trực thuộc Thôn A"))
            #expect(vi.contains("Dòng 9, cột code: thiếu mã đơn vị"))
            #expect(vi.contains("Dòng 10: cần 6 cột, có 3"))
            #expect(error.report(.en).contains("Line 5, column parent_code: no parent unit with code 777"))
        }
    }

    @Test("A wrong header is refused before anything else")
    func wrongHeader() {
        #expect(throws: ImportRejected.self) { try UnitImport.plan(csv: "ma,ten\n1,2\n", existing: []) }
    }

    @Test("A row matching a stored version updates it; identical rows are unchanged")
    func updates() throws {
        let stored = UnitRecord(
            code: "12", name: "Tỉnh Lai Châu", level: .province, parentCode: nil, validFrom: nil, validTo: nil)
        let plan = try UnitImport.plan(csv: header + "12,Tỉnh Lai Châu,province,,,\n", existing: [stored])
        #expect(plan.unchangedCount == 1 && plan.inserts.isEmpty && plan.updates.isEmpty)
        let ended = try UnitImport.plan(csv: header + "12,Tỉnh Lai Châu,province,,,2030-01-01\n", existing: [stored])
        #expect(ended.updates.count == 1)
    }
}
