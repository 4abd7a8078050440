import Fluent
import Foundation
import TreEmCore
import Vapor

/// Writes the append-only audit log. Every sign-in, failed sign-in and change of a record goes
/// through here; later, every read of a sensitive record will too.
enum AuditLog {
    enum Action: String, CaseIterable {
        case signIn = "auth.sign_in"
        case signInFailed = "auth.sign_in_failed"
        case signInThrottled = "auth.sign_in_throttled"
        case signOut = "auth.sign_out"
        case tokenIssued = "auth.token_issued"
        case passwordChanged = "user.password_changed"
        case passwordReset = "user.password_reset"
        case userCreated = "user.created"
        case userUpdated = "user.updated"
        case unitsImported = "unit.imported"
        case agencyCreated = "agency.created"
        case agencyUpdated = "agency.updated"
        case demoDataLoaded = "system.demo_data_loaded"
        case planCreated = "plan.created"
        case planUpdated = "plan.updated"
        case planIssued = "plan.issued"
        case planWithdrawn = "plan.withdrawn"
        case yearThemeSaved = "year_theme.saved"
        case taskProgress = "task.progress"
        case reportFormCreated = "report_form.created"
        case reportRoundOpened = "report_round.opened"
        case reportSaved = "report.saved"
        case reportSubmitted = "report.submitted"
        case reportApproved = "report.approved"
        case reportReturned = "report.returned"
        case reportReopened = "report.reopened"
        case reportReminded = "report.reminded"
        // Reads that hand out data in bulk or as a file.
        case evidenceDownloaded = "task.evidence_downloaded"
        case reportExported = "report.exported"
        case planDocumentDownloaded = "plan.document_downloaded"
        case auditViewed = "audit.viewed"
    }

    /// What an officer reads in the log for each action (the stored code stays for the API and filters).
    static func label(_ action: Action) -> Bilingual {
        switch action {
        case .signIn: Bilingual(vi: "Đăng nhập", en: "Signed in")
        case .signInFailed: Bilingual(vi: "Đăng nhập sai mật khẩu", en: "Failed sign-in")
        case .signInThrottled: Bilingual(vi: "Tạm khóa đăng nhập", en: "Sign-in throttled")
        case .signOut: Bilingual(vi: "Đăng xuất", en: "Signed out")
        case .tokenIssued: Bilingual(vi: "Cấp khóa truy cập API", en: "API token issued")
        case .passwordChanged: Bilingual(vi: "Đổi mật khẩu", en: "Password changed")
        case .passwordReset: Bilingual(vi: "Đặt lại mật khẩu", en: "Password reset")
        case .userCreated: Bilingual(vi: "Tạo người dùng", en: "User created")
        case .userUpdated: Bilingual(vi: "Sửa người dùng", en: "User updated")
        case .unitsImported: Bilingual(vi: "Nhập đơn vị hành chính", en: "Units imported")
        case .agencyCreated: Bilingual(vi: "Thêm cơ quan", en: "Agency added")
        case .agencyUpdated: Bilingual(vi: "Sửa cơ quan", en: "Agency updated")
        case .demoDataLoaded: Bilingual(vi: "Nạp dữ liệu mẫu", en: "Demo data loaded")
        case .planCreated: Bilingual(vi: "Tạo kế hoạch", en: "Plan created")
        case .planUpdated: Bilingual(vi: "Sửa kế hoạch", en: "Plan updated")
        case .planIssued: Bilingual(vi: "Ban hành kế hoạch", en: "Plan issued")
        case .planWithdrawn: Bilingual(vi: "Thu hồi kế hoạch", en: "Plan withdrawn")
        case .yearThemeSaved: Bilingual(vi: "Lưu chủ đề năm", en: "Year theme saved")
        case .taskProgress: Bilingual(vi: "Ghi tiến độ nhiệm vụ", en: "Task progress")
        case .reportFormCreated: Bilingual(vi: "Thêm biểu mẫu báo cáo", en: "Report form added")
        case .reportRoundOpened: Bilingual(vi: "Mở đợt báo cáo", en: "Reporting round opened")
        case .reportSaved: Bilingual(vi: "Lưu báo cáo", en: "Report saved")
        case .reportSubmitted: Bilingual(vi: "Gửi báo cáo", en: "Report submitted")
        case .reportApproved: Bilingual(vi: "Duyệt báo cáo", en: "Report approved")
        case .reportReturned: Bilingual(vi: "Trả lại báo cáo", en: "Report returned")
        case .reportReopened: Bilingual(vi: "Mở lại báo cáo đã duyệt", en: "Approved report reopened")
        case .reportReminded: Bilingual(vi: "Nhắc nộp báo cáo", en: "Report reminder")
        case .evidenceDownloaded: Bilingual(vi: "Tải minh chứng", en: "Evidence downloaded")
        case .reportExported: Bilingual(vi: "Xuất số liệu báo cáo", en: "Report exported")
        case .planDocumentDownloaded: Bilingual(vi: "Tải văn bản kế hoạch", en: "Plan document downloaded")
        case .auditViewed: Bilingual(vi: "Xem nhật ký", en: "Audit log viewed")
        }
    }

    struct Actor {
        var id: UUID?
        var username: String

        static let system = Actor(id: nil, username: "system")
    }

    /// Who acts, from where and when: what an audited service takes instead of a request.
    struct Stamp {
        var actor: Actor
        var address: String
        var at: Date
    }

    /// Reading the log is itself logged: it names who did what, from where.
    static func recordView(entries count: Int, _ stamp: Stamp, on db: Database) async throws {
        try await record(.auditViewed, stamp, recordType: "audit", summary: "Xem nhật ký (\(count) dòng)", on: db)
    }

    static func record(
        _ action: Action, _ stamp: Stamp, recordType: String? = nil, recordID: String? = nil,
        unitID: UUID? = nil, summary: String, on db: Database
    ) async throws {
        try await record(
            action, by: stamp.actor, recordType: recordType, recordID: recordID, unitID: unitID,
            summary: summary, address: stamp.address, at: stamp.at, on: db)
    }

    static func record(
        _ action: Action, by actor: Actor, recordType: String? = nil, recordID: String? = nil,
        unitID: UUID? = nil, summary: String, address: String, at: Date, on db: Database
    ) async throws {
        let entry = AuditEntryModel()
        entry.occurredAt = at
        entry.actorID = actor.id
        entry.actorUsername = actor.username
        entry.action = action.rawValue
        entry.recordType = recordType
        entry.recordID = recordID
        entry.unitID = unitID
        entry.summary = summary
        entry.address = address
        try await entry.create(on: db)
    }
}

extension Request {
    var auditStamp: AuditLog.Stamp {
        let user = auth.get(CurrentUser.self)
        return AuditLog.Stamp(
            actor: .init(id: user?.id, username: user?.username ?? "anonymous"), address: clientAddress, at: now)
    }

    func audit(
        _ action: AuditLog.Action, recordType: String? = nil, recordID: String? = nil,
        unitID: UUID? = nil, summary: String, on db: Database? = nil
    ) async throws {
        let user = auth.get(CurrentUser.self)
        try await AuditLog.record(
            action, by: .init(id: user?.id, username: user?.username ?? "anonymous"),
            recordType: recordType, recordID: recordID, unitID: unitID,
            summary: summary, address: clientAddress, at: now, on: db ?? self.db)
    }
}
