import Foundation
import Testing

@testable import TreEmCore

/// A commune's plan derived from its city's, read as the commune's officer reads the draft:
/// Hải Phòng's 2026 Action Month plan (reports due before 10/7/2026) derived for xã Kim Thành
/// (seed 002 is the plan Kim Thành actually wrote from it).
@Suite("Derived plans read as the lower unit's own")
struct PlanDerivationTests {
    static let cityPlan = PlanDocument(
        kind: .actionMonth, issuerName: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", number: "157/KH-UBND",
        place: "Hải Phòng", issueDate: PartialDate(year: 2026, month: 4, day: 30),
        title: "Triển khai Tháng hành động vì trẻ em trên địa bàn thành phố năm 2026",
        bases: [
            PlanBasis(text: "Luật Trẻ em năm 2016;"),
            PlanBasis(
                text:
                    "Công văn số 1234/BYT-BMTE ngày 15/3/2026 của Bộ Y tế về việc hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2026."
            ),
        ],
        theme: "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số",
        period: DateRange(start: day("2026-06-01"), end: day("2026-06-30")),
        scope: "Trên địa bàn thành phố.",
        assignments: [
            PlanAssignment(
                agencyName: "Sở Y tế", agencyKind: .healthOffice,
                tasks: [
                    PlanTask(
                        id: "yt-1",
                        text:
                            "Chủ trì tổ chức Lễ phát động Tháng hành động vì trẻ em cấp thành phố vào ngày 01/6/2026."),
                    PlanTask(
                        id: "yt-2",
                        text:
                            "Tổ chức khám sàng lọc cho trẻ em trên địa bàn thành phố từ ngày 01/6/2026 đến hết ngày 30/6/2026."
                    ),
                    PlanTask(
                        id: "yt-3",
                        text:
                            "Tổng hợp kết quả triển khai trên địa bàn toàn thành phố, báo cáo UBND thành phố và Bộ Y tế trước ngày 15/7/2026."
                    ),
                ]),
            PlanAssignment(
                agencyName: "Sở Giáo dục và Đào tạo", agencyKind: .educationOffice,
                tasks: [
                    PlanTask(
                        id: "gd-1",
                        text:
                            "Chỉ đạo các trường học bàn giao học sinh về sinh hoạt hè tại nơi cư trú trước ngày 15/6."),
                    PlanTask(
                        id: "gd-2",
                        text:
                            "Tiếp tục triển khai Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về công tác trẻ em; bảo đảm an toàn trường học."
                    ),
                ]),
            PlanAssignment(
                agencyName: "Công an thành phố", agencyKind: .police,
                tasks: [
                    PlanTask(
                        id: "ca-1",
                        text:
                            "Phối hợp rà soát các điểm có nguy cơ mất an toàn cho trẻ em tại các xã, phường, đặc khu; báo cáo kết quả trước ngày 10/7/2026."
                    ),
                    PlanTask(
                        id: "ca-2",
                        text: "Tiếp nhận, xử lý tin báo qua Tổng đài 111 hoạt động 24/7 trên địa bàn thành phố."),
                ]),
            PlanAssignment(
                agencyName: "UBND các xã, phường, đặc khu", agencyKind: .peoplesCommittee,
                tasks: [
                    PlanTask(
                        id: "ub-1",
                        text:
                            "Xây dựng kế hoạch và tổ chức các hoạt động Tháng hành động vì trẻ em năm 2026; báo cáo kết quả về UBND thành phố (qua Sở Y tế) trước ngày 10 tháng 7 năm 2026."
                    )
                ]),
        ],
        reporting: ReportingRequirement(deadline: day("2026-07-10"), reportTo: "UBND thành phố", via: "Sở Y tế"),
        recipients: ["Bộ Y tế", "Lưu: VT"], signature: Signature(name: "Lê Ngọc Châu"))

    static let kimThanh = PlanCascade.Target(
        issuerName: "ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH", place: "Kim Thành", unitName: "xã Kim Thành", level: .commune,
        agencies: [
            .init(id: "vhxh", name: "Phòng Văn hóa - Xã hội xã Kim Thành", kind: .cultureSocialOffice),
            .init(id: "tyt", name: "Trạm Y tế xã Kim Thành", kind: .healthStation),
            .init(id: "ca", name: "Công an xã Kim Thành", kind: .police),
            .init(id: "th", name: "Trường Tiểu học Kim Thành", kind: .school),
            .init(id: "thcs", name: "Trường THCS Kim Thành", kind: .school),
        ])

    static let reference = PlanCascade.ParentReference(
        planID: "HP-157", number: "157/KH-UBND", issueDate: day("2026-04-30"),
        issuerShortName: "UBND thành phố Hải Phòng")

    static func day(_ iso: String) -> CalendarDay {
        guard let day = CalendarDay(iso: iso) else { preconditionFailure("bad fixture date \(iso)") }
        return day
    }

    static func derived(for target: PlanCascade.Target = kimThanh) -> PlanDocument {
        PlanCascade.derive(from: cityPlan, reference: reference, for: target, today: day("2026-05-06"))
    }

    /// The derived task that comes from the parent task `id`, under the agency `agencyID`.
    static func task(_ id: String, of agencyID: String, in plan: PlanDocument) throws -> PlanTask {
        let assignment = try #require(plan.assignments.first { $0.agencyID == agencyID })
        return try #require(assignment.tasks.first { $0.derivedFromTaskID == id })
    }

    // MARK: 1. reporting

    @Test(
        "The reporting sentence sends the commune's agencies to its own committee through its office, then on to the city"
    )
    func reportingToOwnCommittee() throws {
        let plan = Self.derived()
        let reporting = try #require(plan.reporting)
        #expect(reporting.reportTo == "Ủy ban nhân dân xã")
        #expect(reporting.via == "Phòng Văn hóa - Xã hội")
        #expect(reporting.deadline == Self.day("2026-06-30"))
        #expect(reporting.forwardTo == "UBND thành phố Hải Phòng (qua Sở Y tế)")
        let body = PlanComposition(plan).body
        let expected =
            "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước ngày 30/6/2026 để tổng hợp báo cáo UBND thành phố Hải Phòng (qua Sở Y tế) theo quy định."
        #expect(body.contains(.paragraph(expected)))
        let sentences = body.compactMap { block -> String? in
            if case .paragraph(let text) = block, text.hasPrefix("Các cơ quan, đơn vị báo cáo") { return text }
            return nil
        }
        #expect(sentences.count == 1)
        #expect(!sentences.joined().contains("xã Kim Thành)"), "the office is named without its unit")
    }

    @Test("An office recorded as “Phòng Văn hóa - Xã hội xã”, or no office at all, still reads right")
    func reportingOfficeNames() throws {
        var target = Self.kimThanh
        target.agencies[0].name = "Phòng Văn hóa - Xã hội xã"
        #expect(Self.derived(for: target).reporting?.via == "Phòng Văn hóa - Xã hội")

        target.agencies.removeFirst()
        let plan = Self.derived(for: target)
        #expect(plan.reporting?.via == nil)
        let sentence = PlanComposition.reportingSentence(try #require(plan.reporting))
        #expect(
            sentence.hasPrefix(
                "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã trước ngày 30/6/2026 để"))
    }

    // MARK: 2. copied task texts

    @Test("The city's reporting deadline inside a task becomes the commune's, short or long form")
    func taskDeadlineRewritten() throws {
        let plan = Self.derived()
        let police = try Self.task("ca-1", of: "ca", in: plan)
        #expect(police.text.hasSuffix("báo cáo kết quả trước ngày 30/6/2026."))
        #expect(!police.text.contains("10/7/2026"))
        let office = try Self.task("ub-1", of: "vhxh", in: plan)
        #expect(office.text.contains("trước ngày 30 tháng 6 năm 2026."))
        #expect(!office.text.contains("10 tháng 7"))
    }

    @Test("The city's level words become the commune's: “cấp xã”, “trên địa bàn xã”, “toàn xã”")
    func taskLevelWordsRewritten() throws {
        let plan = Self.derived()
        let launch = try Self.task("yt-1", of: "tyt", in: plan)
        #expect(launch.text.contains("Tháng hành động vì trẻ em cấp xã vào ngày 01/6/2026."))
        let screening = try Self.task("yt-2", of: "tyt", in: plan)
        #expect(
            screening.text
                == "Tổ chức khám sàng lọc cho trẻ em trên địa bàn xã từ ngày 01/6/2026 đến hết ngày 30/6/2026.")
        // The Action Month's own span is the same for the commune: nothing to check.
        #expect(screening.reviewNote == nil)
        let summary = try Self.task("yt-3", of: "tyt", in: plan)
        #expect(summary.text.hasPrefix("Tổng hợp kết quả triển khai trên địa bàn toàn xã, báo cáo UBND thành phố"))
        // "an toàn" is safety, not "toàn" + a level.
        let schools = try Self.task("gd-2", of: "th", in: plan)
        #expect(schools.text.hasSuffix("bảo đảm an toàn trường học."))
    }

    @Test("What cannot be rewritten surely is left as written and noted for the officer")
    func taskReviewNotes() throws {
        let plan = Self.derived()
        let launch = try Self.task("yt-1", of: "tyt", in: plan)
        #expect(launch.reviewNote == "Kiểm tra ngày 01/6/2026 trong nhiệm vụ: đó là ngày của kế hoạch cấp trên.")
        let summary = try Self.task("yt-3", of: "tyt", in: plan)
        #expect(summary.text.hasSuffix("trước ngày 15/7/2026."), "another date of the city's is not moved")
        #expect(
            summary.reviewNote
                == "Kiểm tra ngày 15/7/2026 trong nhiệm vụ: đó là ngày của kế hoạch cấp trên. Kiểm tra “thành phố” trong nhiệm vụ: có thể là cấp của kế hoạch cấp trên."
        )
        // Each school gets the task, each with its note; a date without a year is named as written.
        for school in ["th", "thcs"] {
            let handover = try Self.task("gd-1", of: school, in: plan)
            #expect(handover.text.hasSuffix("trước ngày 15/6."))
            #expect(handover.reviewNote == "Kiểm tra ngày 15/6 trong nhiệm vụ: đó là ngày của kế hoạch cấp trên.")
        }
        let hazards = try Self.task("ca-1", of: "ca", in: plan)
        #expect(hazards.text.contains("tại các xã, phường, đặc khu;"))
        #expect(
            hazards.reviewNote
                == "Kiểm tra “các xã, phường, đặc khu” trong nhiệm vụ: đó là các đơn vị cấp dưới của kế hoạch cấp trên."
        )
        let office = try Self.task("ub-1", of: "vhxh", in: plan)
        #expect(office.reviewNote == "Kiểm tra “thành phố” trong nhiệm vụ: có thể là cấp của kế hoạch cấp trên.")
    }

    @Test("Cited documents' dates and the hotline's 24/7 are neither changed nor flagged")
    func taskQuietDates() throws {
        let plan = Self.derived()
        let directive = try Self.task("gd-2", of: "thcs", in: plan)
        #expect(directive.text.contains("Chỉ thị số 28-CT/TW ngày 25/12/2023"))
        #expect(directive.reviewNote == nil)
        let hotline = try Self.task("ca-2", of: "ca", in: plan)
        #expect(hotline.text == "Tiếp nhận, xử lý tin báo qua Tổng đài 111 hoạt động 24/7 trên địa bàn xã.")
        #expect(hotline.reviewNote == nil)
    }

    @Test("A level word followed by a name, a document number or a date-like number is left alone")
    func wordingEdges() {
        let wording = DerivedWording(
            parentType: "thành phố", parentProper: "Hải Phòng", targetType: "xã", targetName: "xã Kim Thành",
            parentDeadline: Self.day("2026-07-10"), derivedDeadline: Self.day("2026-06-30"), year: 2026,
            citationsBefore: Self.day("2026-04-30"), period: nil)
        let named = wording.review("Trên địa bàn thành phố Hải Phòng và cấp thành phố Hải Phòng.")
        #expect(named.text == "Trên địa bàn xã Kim Thành và cấp thành phố Hải Phòng.")
        #expect(named.reviewNote == "Kiểm tra “thành phố” trong nhiệm vụ: có thể là cấp của kế hoạch cấp trên.")
        let numbers = wording.review("Theo Thông tư 28/2019/TT-BLĐTBXH và Kế hoạch 157/KH-UBND.")
        #expect(numbers.text == "Theo Thông tư 28/2019/TT-BLĐTBXH và Kế hoạch 157/KH-UBND.")
        #expect(numbers.reviewNote == nil)
        let short = wording.review("Báo cáo trước 10/7; Cấp thành phố chỉ đạo.")
        #expect(short.text == "Báo cáo trước 30/6; Cấp xã chỉ đạo.")
        #expect(DerivedWording.unitType(in: "UBND thành phố Hải Phòng")?.type == "thành phố")
        #expect(DerivedWording.unitType(in: "Ủy ban nhân dân thị xã Sơn Tây")?.proper == "Sơn Tây")
        #expect(DerivedWording.unitType(in: "xã Kim Thành")?.type == "xã")
        #expect(DerivedWording.unitType(in: "Kim Thành") == nil)
        let july = wording.review("Trực Tổng đài 111 24/7; báo cáo trước ngày 24/7.")
        #expect(july.reviewNote == "Kiểm tra ngày 24/7 trong nhiệm vụ: đó là ngày của kế hoạch cấp trên.")
    }

    @Test("A long task text is read in one pass")
    func wordingLongText() {
        let wording = DerivedWording(
            parentType: "thành phố", parentProper: "Hải Phòng", targetType: "xã", targetName: "xã Kim Thành",
            parentDeadline: Self.day("2026-07-10"), derivedDeadline: Self.day("2026-06-30"), year: 2026,
            citationsBefore: nil, period: nil)
        let text = String(repeating: "cấp thành phố 10/7/2026 1/", count: 20_000)
        let clock = ContinuousClock()
        var result = DerivedWording.Result(text: "", reviewNote: nil)
        let took = clock.measure { result = wording.review(text) }
        #expect(took < .seconds(runawaySeconds), "\(took) for \(text.count) characters")
        #expect(result.text.hasPrefix("cấp xã 30/6/2026 1/cấp xã"))
        #expect(!result.text.contains("thành phố"))
    }

    // MARK: 3. date line

    @Test("A derived draft's date line is left blank for the officer, with the plan's year")
    func blankDateLine() {
        let plan = Self.derived()
        #expect(plan.issueDate == PartialDate(year: 2026))
        let blank = "\u{00A0}\u{00A0}\u{00A0}\u{00A0}"
        #expect(PlanComposition(plan).placeAndDate == "Kim Thành, ngày \(blank) tháng \(blank) năm 2026")
        // Issuing asks for the full date.
        #expect(PlanRules.issueProblems(plan).contains { $0.field == "issueDate" })
        #expect(!PlanRules.draftProblems(plan).contains { $0.field == "issueDate" })
    }

    // MARK: 4. bases

    @Test("Bases are joined once by “;” whatever they end with, and the last leads into the preamble")
    func basesJoined() throws {
        var plan = Self.derived()
        let opening = PlanComposition.opening(plan)
        #expect(
            opening
                == "Thực hiện Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng về việc triển khai Tháng hành động vì trẻ em trên địa bàn thành phố năm 2026; Ủy ban nhân dân xã Kim Thành xây dựng Kế hoạch triển khai thực hiện như sau:"
        )
        plan.bases =
            [
                PlanBasis(text: "Căn cứ Luật Trẻ em năm 2016;"),
                PlanBasis(text: "Căn cứ Công văn số 1234/BYT-BMTE ngày 15/3/2026 của Bộ Y tế."),
                PlanBasis(text: "  "),
            ] + plan.bases
        plan.bases[3].text += ";"
        let joined = PlanComposition.opening(plan)
        #expect(
            joined.hasPrefix(
                "Căn cứ Luật Trẻ em năm 2016; Căn cứ Công văn số 1234/BYT-BMTE ngày 15/3/2026 của Bộ Y tế; Thực hiện Kế hoạch số 157/KH-UBND"
            ))
        #expect(
            joined.hasSuffix(
                "trên địa bàn thành phố năm 2026; Ủy ban nhân dân xã Kim Thành xây dựng Kế hoạch triển khai thực hiện như sau:"
            ))
        for doubled in [";;", "; ;", ".;", ";.", ". ;"] { #expect(!joined.contains(doubled), "\(doubled)") }
    }

    // MARK: storage and the form

    @Test("A derived plan's review notes and onward reporting survive storage as JSON")
    func storedJSON() throws {
        let plan = Self.derived()
        let json = try JSONEncoder().encode(plan)
        let again = try JSONDecoder().decode(PlanDocument.self, from: json)
        #expect(again == plan)
        #expect(again.assignments.flatMap(\.tasks).contains { $0.reviewNote != nil })
        #expect(again.reporting?.forwardTo == "UBND thành phố Hải Phòng (qua Sở Y tế)")
    }
}
