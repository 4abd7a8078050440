import Fluent
import Foundation
import TreEmCore
import Vapor

/// The level above's side of a report: approve it (the figures lock), return it with a comment,
/// or reopen an approved one with a reason. Nobody reviews their own unit's report.
extension ReportEditing {
    static func approve(_ report: ReportModel, by acting: Acting) async throws {
        try await review(report, approve: true, comment: nil, by: acting)
    }

    static func returnForCorrection(_ report: ReportModel, comment: String, by acting: Acting) async throws {
        let comment = VietnameseText.cleanParagraphs(comment)
        if let tooLong = TextLimit.comment.problem(
            comment, field: Bilingual(vi: "Lý do trả lại", en: "Reason for returning"))
        {
            throw UserFacingError(.badRequest, tooLong, field: "comment")
        }
        guard !comment.isEmpty else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Ghi rõ lý do trả lại để đơn vị biết cần sửa gì.",
                    en: "Say why the report is returned, so the unit knows what to correct."), field: "comment")
        }
        try await review(report, approve: false, comment: comment, by: acting)
    }

    fileprivate static func review(
        _ report: ReportModel, approve: Bool, comment: String?, by acting: Acting
    ) async throws {
        let user = acting.user
        let settings = acting.treem.settings
        if user.unitID == report.$unit.id {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Không được tự duyệt hay trả lại báo cáo của chính đơn vị mình.",
                    en: "You cannot approve or return your own unit's report."))
        }
        try requireReviewer(report, user: user)
        let now = acting.now
        try await acting.db.transaction { tx in
            guard let current = try await ReportModel.find(report.requireID(), on: tx) else { throw Abort(.notFound) }
            guard current.status == .submitted else {
                throw UserFacingError(
                    .conflict,
                    current.status == .approved
                        ? Bilingual(vi: "Báo cáo đã được duyệt rồi.", en: "The report is already approved.")
                        : Bilingual(
                            vi: "Báo cáo chưa được gửi nên chưa duyệt được.",
                            en: "The report has not been submitted yet."))
            }
            current.status = approve ? .approved : .returned
            current.returnComment = comment
            current.reviewedAt = now
            current.reviewedBy = user.id
            current.version += 1
            current.updatedAt = now
            try await current.save(on: tx)
            if !approve { try await setCounted(false, report: current, on: tx) }
            let reviewer = report.reviewer?.name ?? "Cấp trên"
            let told =
                approve
                ? "\(reviewer) đã duyệt báo cáo \(report.round.title) của \(report.unit.name)."
                : "\(reviewer) trả lại báo cáo \(report.round.title) của \(report.unit.name): \(comment ?? "")"
            _ = try await ReportReminders.tell(
                [(current, told)], kind: approve ? .reportApproved : .reportReturned,
                settings: settings, at: now, on: tx)
            try await acting.audit(
                approve ? .reportApproved : .reportReturned, recordType: "report", recordID: current.id?.uuidString,
                unitID: current.$unit.id,
                summary: (approve ? "Duyệt" : "Trả lại") + " báo cáo \(report.round.title) của \(report.unit.name)"
                    + (comment.map { ": \($0)" } ?? ""), on: tx)
            report.status = current.status
            report.returnComment = comment
        }
        acting.deliverMail()
    }

    /// Reopens an approved report for correction: it goes back to the unit as returned, with the
    /// reason, and its figures stop counting in the totals above until it is sent again — so a
    /// mistake found after approval is corrected in the same round. Only the reviewing unit can,
    /// and only while its own report of the round is not approved (else its figures above would
    /// change under an approval: the level above reopens that one first).
    static func reopen(_ report: ReportModel, reason: String, by acting: Acting) async throws {
        let reason = VietnameseText.cleanParagraphs(reason)
        let field = Bilingual(vi: "Lý do mở lại", en: "Reason for reopening")
        if let tooLong = TextLimit.comment.problem(reason, field: field) {
            throw UserFacingError(.badRequest, tooLong, field: "reason")
        }
        guard !reason.isEmpty else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Ghi rõ lý do mở lại để đơn vị biết cần sửa gì.",
                    en: "Say why the report is reopened, so the unit knows what to correct."), field: "reason")
        }
        try requireReviewer(report, user: acting.user)
        guard let reviewerID = report.$reviewer.id else { throw Abort(.forbidden) }
        let now = acting.now
        try await acting.db.transaction { tx in
            guard let current = try await ReportModel.find(report.requireID(), on: tx) else { throw Abort(.notFound) }
            guard current.status == .approved else {
                throw UserFacingError(
                    .conflict,
                    Bilingual(
                        vi:
                            "Chỉ mở lại được báo cáo đã duyệt; báo cáo này đang ở trạng thái \"\(current.status.label.vi)\".",
                        en: "Only an approved report can be reopened; this one is \"\(current.status.label.en)\"."))
            }
            if let own = try await ReportModel.query(on: tx).filter(\.$round.$id == current.$round.id)
                .filter(\.$unit.$id == reviewerID).first(), own.status == .approved
            {
                throw UserFacingError(
                    .conflict,
                    Bilingual(
                        vi:
                            "Báo cáo của \(report.reviewer?.name ?? "đơn vị bạn") trong đợt này đã được cấp trên duyệt; cần cấp trên mở lại báo cáo đó trước.",
                        en:
                            "\(report.reviewer?.name ?? "Your unit")'s own report of this round is approved; the level above has to reopen it first."
                    ))
            }
            current.status = .returned
            current.returnComment = reason
            current.reviewedAt = now
            current.reviewedBy = acting.user.id
            current.version += 1
            current.updatedAt = now
            try await current.save(on: tx)
            try await setCounted(false, report: current, on: tx)
            let reviewer = report.reviewer?.name ?? "Cấp trên"
            _ = try await ReportReminders.tell(
                [
                    (
                        current,
                        "\(reviewer) mở lại báo cáo \(report.round.title) của \(report.unit.name) để sửa: \(reason)"
                    )
                ],
                kind: .reportReopened, settings: acting.treem.settings, at: now, on: tx)
            try await acting.audit(
                .reportReopened, recordType: "report", recordID: current.id?.uuidString, unitID: current.$unit.id,
                summary: "Mở lại báo cáo đã duyệt \(report.round.title) của \(report.unit.name): \(reason)", on: tx)
            report.status = current.status
            report.returnComment = reason
        }
        acting.deliverMail()
    }

    /// Approving, returning and reopening are for the officers of the unit the report goes to.
    fileprivate static func requireReviewer(_ report: ReportModel, user: CurrentUser) throws {
        guard canReview(report, user: user) else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi:
                        "Chỉ cán bộ của cấp nhận báo cáo (\(report.reviewer?.name ?? "cấp trên")) được duyệt, trả lại hay mở lại.",
                    en:
                        "Only officers of the receiving unit (\(report.reviewer?.name ?? "the level above")) can review it."
                ))
        }
    }
}
