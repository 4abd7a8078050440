import Fluent
import Foundation
import TreEmCore
import Vapor

/// Forms added by a system administrator, beside the two TreEm ships.
enum ReportForms {
    /// Every form, by code.
    static func all(on db: Database) async throws -> [ReportFormModel] {
        try await ReportFormModel.query(on: db).sort(\.$code).all()
    }

    static func create(_ form: ReportForm, by acting: Acting) async throws -> ReportFormModel {
        let user = acting.user
        guard
            AccessPolicy.allows(
                user.role, .manageReportForms, relations: user.seesEverything ? [.everyUnit] : [.ownUnit])
        else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ quản trị hệ thống được thêm biểu mẫu.",
                    en: "Only system administrators can add forms."))
        }
        var form = form
        form.code = VietnameseText.clean(form.code).uppercased()
        form.name = VietnameseText.clean(form.name)
        let problems = form.problems()
        if !problems.isEmpty {
            throw ReportRejected(
                headline: Bilingual(vi: "Biểu mẫu chưa hợp lệ:", en: "The form is not valid:"), messages: problems)
        }
        if try await ReportFormModel.query(on: acting.db).filter(\.$code == form.code).first() != nil {
            throw UserFacingError(
                .conflict,
                Bilingual(vi: "Đã có biểu mẫu mã \(form.code).", en: "A form with code \(form.code) exists."),
                field: "code")
        }
        let model = try ReportFormModel(form, builtIn: false)
        let summary = "Thêm biểu mẫu \(form.code) \"\(form.name)\" (\(form.indicators.count) chỉ tiêu)"
        try await acting.db.transaction { tx in
            try await model.create(on: tx)
            try await acting.audit(
                .reportFormCreated, recordType: "report_form", recordID: model.id?.uuidString,
                summary: summary, on: tx)
        }
        return model
    }
}
