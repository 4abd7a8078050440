import Foundation
import Testing

@testable import TreEmCore

@Suite("Report validation")
struct ReportValidationTests {
    let form = ReportForm.actionMonthResults

    func problems(_ values: [ValueKey: Double], lastYear: [ValueKey: Double] = [:]) -> [ReportProblem] {
        ReportValidation.problems(values.mapValues { .number($0) }, form: form, lastYear: lastYear)
    }

    @Test("A subset above its whole and a negative figure are errors; gifts beyond the reviewed list only warn")
    func errors() {
        let found = problems([
            ValueKey("AM-QUA-DS"): 55, ValueKey("AM-QUA-TRE"): 60, ValueKey("AM-QUA-HCDB"): 61,
            ValueKey("AM-HOC-BOI"): 20, ValueKey("AM-BIET-BOI"): 21,
            ValueKey("AM-DUOI-NUOC"): 1, ValueKey("AM-DUOI-NUOC-TU-VONG"): 3, ValueKey("AM-TT-SU-KIEN"): -1,
        ])
        let errors = found.filter { $0.severity == .error }.map(\.message.vi)
        let warnings = found.filter { $0.severity == .warning }.map(\.message.vi)
        #expect(
            errors == [
                "Số buổi, sự kiện truyền thông: không được là số âm (-1).",
                "Trong đó: trẻ em có hoàn cảnh đặc biệt (61) lớn hơn Số trẻ em được thăm hỏi, tặng quà (60).",
                "Trong đó: số trẻ em biết bơi sau khóa học (21) lớn hơn Số trẻ em được dạy bơi (20).",
            ])
        // Gifts also go to children who are on no such list (seeds 000 and 002): it may be right.
        #expect(
            warnings == [
                "Số trẻ em được thăm hỏi, tặng quà (60) lớn hơn Số trẻ em có hoàn cảnh đặc biệt, khó khăn trong danh sách được rà soát (55). Có thể đúng; xin ghi rõ lý do nếu số liệu đúng."
            ])
        // Three children drowned in one incident: children and incidents are not compared.
        #expect(!found.contains { $0.key.indicator == "AM-DUOI-NUOC-TU-VONG" })
    }

    @Test("A form stored without rules (the first edition, or one added from a CSV) is read from its wording and units")
    func inferredPartRules() {
        func indicator(_ code: String, _ name: String, _ unit: String, partOf: String? = nil) -> Indicator {
            Indicator(code: code, name: name, unit: unit, type: .integer, partOf: partOf)
        }
        let list = indicator("DS", "Số trẻ em trong danh sách được rà soát", "trẻ em")
        let gifts = indicator("QUA", "Số trẻ em được thăm hỏi, tặng quà", "trẻ em", partOf: "DS")
        let ofWhom = indicator("HCDB", "Trong đó: trẻ em có hoàn cảnh đặc biệt", "trẻ em", partOf: "QUA")
        let incidents = indicator("VU", "Số vụ đuối nước trẻ em", "vụ")
        let drowned = indicator("TV", "Số trẻ em tử vong do đuối nước", "trẻ em", partOf: "VU")
        let disabled = indicator("KT", "Số trẻ em khuyết tật", "trẻ em")
        let served = indicator("KT-DV", "Số trẻ em khuyết tật được tiếp cận dịch vụ", "trẻ em", partOf: "KT")
        #expect(gifts.rule(within: list) == .usuallyWithin)
        #expect(ofWhom.rule(within: gifts) == .subset)
        #expect(drowned.rule(within: incidents) == nil, "children and incidents are not compared")
        #expect(served.rule(within: disabled) == .subset, "the whole, further qualified")
    }

    @Test("Every part-of rule of the shipped forms, as the seeds and published results read")
    func partRules() {
        // Written out here, independently of the forms: what may and may not exceed its whole.
        let expected: [String: PartRule?] = [
            "AM-QUA-TRE": .usuallyWithin,  // gifts go beyond the list of special circumstances
            "AM-QUA-HCDB": .subset, "AM-QUA-NGHEO": .subset, "AM-QUA-MO-COI": .subset,
            "AM-QUA-KHUYET-TAT": .subset, "AM-QUA-VUOT-KHO": .subset, "AM-QUA-DTTS": .subset,
            "AM-TIEN-NS": .subset, "AM-TIEN-XHH": .subset,  // "trong đó" of all funds
            "AM-BIET-BOI": .subset,
            "AM-NGUY-CO-XU-LY": .usuallyWithin,  // a site found last year can be made safe this June
            "AM-XAM-HAI-TINH-DUC": .subset,
            "AM-DUOI-NUOC-TU-VONG": .subset,  // of the children who drowned, never of the incidents
            "CT-HCDB-TRO-GIUP": .subset,
            "CT-SO-SINH-BHYT": .subset,
            "CT-DUOI-6-BHYT": .subset,
            "CT-KHUYET-TAT-DICH-VU": .subset,
        ]
        var found: [String: PartRule?] = [:]
        for form in ReportForm.builtIn {
            for indicator in form.indicators {
                guard let whole = indicator.partOf.flatMap(form.indicator) else { continue }
                found[indicator.code] = indicator.rule(within: whole)
            }
        }
        #expect(found == expected)
    }

    @Test("The parts of a breakdown add up to the total")
    func breakdowns() {
        #expect(
            problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .male): 6, ValueKey("AM-QUA-TRE", .female): 4])
                .isEmpty)
        let wrong = problems([
            ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .male): 6, ValueKey("AM-QUA-TRE", .female): 5,
        ])
        #expect(
            wrong.map(\.message.vi) == [
                "Số trẻ em được thăm hỏi, tặng quà: cộng theo giới tính được 11, khác tổng số 10."
            ])
        // One part given is fine as long as it does not pass the total.
        #expect(problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .age0to5): 3]).isEmpty)
        #expect(problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .age0to5): 13]).count == 1)
    }

    @Test("A figure far from last year's is a warning, not an error; small numbers are not")
    func lastYear() {
        let far = problems([ValueKey("AM-TT-SU-KIEN"): 40], lastYear: [ValueKey("AM-TT-SU-KIEN"): 5])
        #expect(far.map(\.severity) == [.warning])
        #expect(far.first?.message.vi.contains("khác xa năm trước (5)") == true)
        #expect(problems([ValueKey("AM-DUOI-NUOC"): 2], lastYear: [ValueKey("AM-DUOI-NUOC"): 0]).isEmpty)
        #expect(problems([ValueKey("AM-TT-SU-KIEN"): 12], lastYear: [ValueKey("AM-TT-SU-KIEN"): 10]).isEmpty)
    }

    @Test("Warnings need an explanation, errors always block, lower units must be approved unless partial")
    func submission() {
        let warning = ReportProblem(.warning, ValueKey("AM-TT-SU-KIEN"), Bilingual(vi: "w", en: "w"))
        #expect(
            ReportRules.submissionRefusal(
                status: .draft, problems: [warning], warningComment: "", lowerNotApproved: [], partial: false
            ).map(\.vi) == ["Có số liệu cần xác nhận: ghi lý do vào ô \"Giải trình số liệu\" rồi gửi lại.", "w"])
        #expect(
            ReportRules.submissionRefusal(
                status: .draft, problems: [warning], warningComment: "Năm nay có thêm kinh phí.",
                lowerNotApproved: [], partial: false
            ).isEmpty)
        #expect(
            ReportRules.submissionRefusal(
                status: .returned, problems: [], warningComment: nil, lowerNotApproved: ["Xã A"], partial: false
            )
            .first?.vi.contains("Còn 1 đơn vị cấp dưới chưa được duyệt báo cáo (Xã A)") == true)
        #expect(
            ReportRules.submissionRefusal(
                status: .draft, problems: [], warningComment: nil, lowerNotApproved: ["Xã A"], partial: true
            ).isEmpty)
        #expect(
            ReportRules.submissionRefusal(
                status: .approved, problems: [], warningComment: nil, lowerNotApproved: [], partial: false
            )
            .first?.vi == "Báo cáo đã được duyệt; số liệu đã khóa.")
    }

    @Test("Both shipped forms hang together")
    func builtInForms() {
        for form in ReportForm.builtIn { #expect(form.problems().isEmpty, "\(form.code)") }
        var broken = ReportForm.annualChildWork
        broken.sections[0].indicators[1].partOf = "KHONG-CO"
        #expect(
            broken.problems().map(\.vi) == [
                "Chỉ tiêu CT-HCDB-TRO-GIUP là một phần của KHONG-CO, nhưng biểu mẫu không có chỉ tiêu đó."
            ])
    }
}
