import Foundation
import Testing

@testable import TreEmCore

@Suite("Forms from a spreadsheet")
struct ReportFormImportTests {
    @Test("A form written one indicator a line is read with its sections, types, breakdowns and parts")
    func reads() throws {
        let csv = """
            section,code,name,unit,type,breakdowns,part_of,target
            1. Trẻ em,TE-DS,Số trẻ em trong danh sách,trẻ em,số nguyên,giới tính,,
            1. Trẻ em,te-qua,Số trẻ em được tặng quà,trẻ em,integer,sex ageGroup,TE-DS,
            2. Kinh phí,KP,Kinh phí,đồng,tiền,,,
            2. Kinh phí,TL,Tỷ lệ xã có điểm vui chơi,%,tỷ lệ,,,"90%"
            """
        let form = try ReportFormImport.parse(csv: csv, code: "mau-1", name: "Mẫu thử", planKind: .other)
        #expect(form.code == "MAU-1")
        #expect(form.sections.map(\.title) == ["1. Trẻ em", "2. Kinh phí"])
        #expect(form.indicator("TE-QUA")?.partOf == "TE-DS")
        #expect(form.indicator("TE-QUA")?.breakdowns == [.sex, .ageGroup])
        #expect(form.indicator("KP")?.type == .money)
        #expect(form.indicator("TL")?.target == 90)
        #expect(form.indicator("TL")?.aggregation == .average)
        #expect(form.problems().isEmpty)
    }

    @Test("Every bad line is named with its column; nothing is half-read")
    func rejects() {
        let csv = """
            section,code,name,unit,type,breakdowns,part_of,target
            A,X1,Một,cái,integer,,,
            A,X1,Hai,cái,số đếm,tuổi,,
            A,X3,,cái,integer,,KHONG,abc
            """
        #expect(throws: ImportRejected.self) {
            try ReportFormImport.parse(csv: csv, code: "M", name: "M", planKind: nil)
        }
        do {
            _ = try ReportFormImport.parse(csv: csv, code: "M", name: "M", planKind: nil)
        } catch {
            let text = error.report(.vi)
            #expect(text.contains("Dòng 3, cột code: mã X1 trùng với dòng 2"))
            #expect(text.contains("Dòng 3, cột type: kiểu \"số đếm\" không có"))
            #expect(text.contains("Dòng 3, cột breakdowns: phân tổ \"tuổi\" không đọc được"))
            #expect(text.contains("Dòng 4, cột name: thiếu tên chỉ tiêu"))
            #expect(text.contains("Dòng 4, cột target: \"abc\" không phải là số"))
        }
    }
}
