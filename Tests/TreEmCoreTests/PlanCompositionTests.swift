import Foundation
import Testing

@testable import TreEmCore

/// The sentences the composition writes from a plan's data, as the printed plan shows them, and
/// the plan's stored form.
@Suite("Plan composition: opening, reporting, stored notes")
struct PlanCompositionTests {
    static func day(_ iso: String) -> CalendarDay {
        guard let day = CalendarDay(iso: iso) else { preconditionFailure("bad fixture date \(iso)") }
        return day
    }

    static func plan(bases: [String]) -> PlanDocument {
        PlanDocument(
            kind: .actionMonth, issuerName: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", place: "Hải Phòng",
            issueDate: PartialDate(year: 2026, month: 4, day: 30),
            title: "Triển khai Tháng hành động vì trẻ em trên địa bàn thành phố năm 2026",
            bases: bases.map { PlanBasis(text: $0) })
    }

    @Test("Bases typed with their own “;” or “.” are joined once, and the last leads into the preamble")
    func basesJoinedOnce() {
        let opening = PlanComposition.opening(
            Self.plan(bases: [
                "Luật Trẻ em năm 2016;",
                "Công văn số 1234/BYT-BMTE ngày 15/3/2026 của Bộ Y tế về việc hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2026.",
                " ",
            ]))
        #expect(
            opening
                == "Thực hiện Luật Trẻ em năm 2016; Công văn số 1234/BYT-BMTE ngày 15/3/2026 của Bộ Y tế về việc hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2026; Ủy ban nhân dân thành phố Hải Phòng xây dựng Kế hoạch triển khai Tháng hành động vì trẻ em trên địa bàn thành phố năm 2026 như sau:"
        )
        // Only blank bases: the preamble alone, no stray "Thực hiện ;".
        #expect(PlanComposition.opening(Self.plan(bases: [" ", ";"])).hasPrefix("Ủy ban nhân dân thành phố Hải Phòng"))
    }

    @Test("A plan cited after a “Căn cứ” basis is introduced by “Thực hiện”; a basis with its own verb keeps it")
    func basesVerbs() {
        let opening = PlanComposition.opening(
            Self.plan(bases: [
                "Căn cứ Luật Trẻ em năm 2016;", "Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ;",
                "Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng.",
            ]))
        #expect(
            opening.hasPrefix(
                "Căn cứ Luật Trẻ em năm 2016; Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ; Thực hiện Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng; Ủy ban nhân dân"
            ))
        let implemented = PlanComposition.opening(
            Self.plan(bases: ["Thực hiện Kế hoạch số 157/KH-UBND;", "Kế hoạch số 160/KH-UBND."]))
        #expect(implemented.hasPrefix("Thực hiện Kế hoạch số 157/KH-UBND; Kế hoạch số 160/KH-UBND; Ủy ban"))
    }

    @Test("The reporting sentence names where results go next only when the plan says so")
    func reportingSentence() {
        var reporting = ReportingRequirement(
            deadline: Self.day("2026-07-10"), reportTo: "UBND thành phố", via: "Sở Y tế")
        #expect(
            PlanComposition.reportingSentence(reporting)
                == "Các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND thành phố (qua Sở Y tế) trước ngày 10/7/2026."
        )
        reporting = ReportingRequirement(
            deadline: Self.day("2026-06-30"), reportTo: "Ủy ban nhân dân xã", via: "Phòng Văn hóa - Xã hội",
            forwardTo: "UBND thành phố Hải Phòng (qua Sở Y tế).")
        #expect(
            PlanComposition.reportingSentence(reporting)
                == "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước ngày 30/6/2026 để tổng hợp báo cáo UBND thành phố Hải Phòng (qua Sở Y tế) theo quy định."
        )
        // The plan's own words, when it has them, are printed instead.
        var plan = Self.plan(bases: [])
        reporting.text = "Các cơ quan báo cáo về UBND xã trước ngày 30/6/2026."
        plan.reporting = reporting
        #expect(PlanComposition(plan).body.contains(.paragraph("Các cơ quan báo cáo về UBND xã trước ngày 30/6/2026.")))
    }

    @Test("Plans stored before review notes and onward reporting decode; the new fields are omitted when nil")
    func storedJSON() throws {
        let old = Data(#"{"id":"t1","text":"Tổ chức Lễ phát động","derivedFromTaskID":"p1"}"#.utf8)
        let task = try JSONDecoder().decode(PlanTask.self, from: old)
        #expect(task.reviewNote == nil && task.derivedFromTaskID == "p1")
        let oldReporting = Data(#"{"deadline":"2026-07-10","reportTo":"UBND thành phố","via":"Sở Y tế"}"#.utf8)
        let reporting = try JSONDecoder().decode(ReportingRequirement.self, from: oldReporting)
        #expect(reporting.forwardTo == nil && reporting.via == "Sở Y tế")

        let encoder = JSONEncoder()
        #expect(
            !String(decoding: try encoder.encode(PlanTask(id: "t1", text: "A")), as: UTF8.self).contains("reviewNote"))
        #expect(!String(decoding: try encoder.encode(reporting), as: UTF8.self).contains("forwardTo"))
        let noted = PlanTask(id: "t2", text: "B", reviewNote: "Kiểm tra ngày 15/6 trong nhiệm vụ.")
        #expect(try JSONDecoder().decode(PlanTask.self, from: encoder.encode(noted)) == noted)
    }

    @Test("The plan form keeps a task's review note while its text is unchanged, and drops it once rewritten")
    func formKeepsNotes() throws {
        let note = "Kiểm tra ngày 01/6/2026 trong nhiệm vụ: đó là ngày của kế hoạch cấp trên."
        let health = PlanAssignment(
            agencyID: "tyt", agencyName: "Trạm Y tế xã Kim Thành", agencyKind: .healthStation,
            tasks: [
                PlanTask(
                    id: "a", text: "Tổ chức Lễ phát động cấp xã vào ngày 01/6/2026.", derivedFromTaskID: "yt-1",
                    reviewNote: note),
                PlanTask(id: "b", text: "Khám sàng lọc cho trẻ em trên địa bàn xã.", derivedFromTaskID: "yt-2"),
            ])
        let agencies = [AgencyReference(id: "tyt", name: "Trạm Y tế xã Kim Thành", kind: .healthStation)]
        let written = PlanText.writeAssignments([health])
        let same = PlanText.readAssignments(written, agencies: agencies, previous: [health])
        #expect(same.first?.tasks.map(\.reviewNote) == [note, nil])
        let edited = written.replacingOccurrences(of: "vào ngày 01/6/2026", with: "vào sáng ngày 01/6/2026")
        let read = PlanText.readAssignments(edited, agencies: agencies, previous: [health])
        let first = try #require(read.first?.tasks.first)
        #expect(first.reviewNote == nil)
        #expect(first.id == "a" && first.derivedFromTaskID == "yt-1")
    }
}
