import Fluent
import TreEmCore
import Vapor

/// Importing a plan document: upload, see what was recognised beside its source lines,
/// correct it in the plan form, save it (as the unit's draft or as a plan from outside TreEm).
struct PlanImportController {
    func boot(routes: RoutesBuilder) {
        routes.get("plans", "import", use: uploadPage)
        routes.post("plans", "import", use: review)
    }

    struct UploadView: Encodable {
        var error: String?
    }

    private func requireWriter(_ req: Request) throws -> CurrentUser {
        let user = try req.currentUser
        guard user.role >= .officer, user.unitID != nil else { throw Abort(.notFound) }
        return user
    }

    @Sendable func uploadPage(req: Request) async throws -> Response {
        let user = try req.currentUser
        guard user.role >= .officer, user.unitID != nil else { return try await req.plansAreWrittenByOfficers() }
        return try await req.page("plan_import", title: "import_plan_title", UploadView(error: nil))
    }

    struct PartRow: Encodable {
        var label: String
        var value: String
        var found: Bool
        var lines: String
        var source: String
        /// Why the reading of this part is in doubt (a scanned copy, a letter read as a digit …).
        var doubt: String?
    }

    struct ReviewView: Encodable {
        var fileName: String
        var parts: [PartRow]
        /// Every part read with doubt or not found, said once above the table.
        var uncertain: [String]
        /// The unit's plans that are this same document, already in TreEm.
        var alreadyThere: [PlansController.Row]
        var sourceLines: [String]
        // The plan form's own fields (plan_form_fields.leaf).
        var action: String
        var isNew: Bool
        var form: PlanForm
        var kinds: [SelectOption]
        var authorities: [SelectOption]
        var agencyNames: [String]
        var reviewNotes: [String]
    }

    struct Upload: Content {
        var file: File
    }

    @Sendable func review(req: Request) async throws -> Response {
        let user = try requireWriter(req)
        let upload = try req.content.decode(Upload.self)
        let text: String
        let reading: PlanReader.Reading
        do {
            (text, reading) = try await PlanSourceFile.read(
                Array(buffer: upload.file.data), fileName: upload.file.filename,
                on: req.application.treem.pools.uploads)
        } catch let failure as PlanSourceFile.Failure {
            return try await req.page(
                "plan_import", title: "import_plan_title",
                UploadView(error: "\(upload.file.filename): \(failure.message.text(req.language))"),
                status: .unprocessableEntity)
        } catch is BoundedWork.Busy {
            let busy = Bilingual(
                vi: "Máy chủ đang đọc nhiều tệp cùng lúc. Hãy gửi lại sau vài giây.",
                en: "The server is reading many files at once. Send it again in a few seconds.")
            return try await req.page(
                "plan_import", title: "import_plan_title",
                UploadView(error: "\(upload.file.filename): \(busy.text(req.language))"), status: .tooManyRequests)
        }
        let today = req.today
        let unit = try await user.unitID.asyncMap { try await UnitModel.find($0, on: req.db) } ?? nil
        let own = unit.map { reading.plan.isIssued(byCommitteeOf: $0.name) } ?? false
        var form = PlanForm(reading.plan.planDocument(extras: reading.extras, fallbackYear: today.year))
        if !own { form.external = "1" }
        let sourceLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        let sameYear = Int(form.issue_year) ?? today.year
        let already =
            try await user.unitID.asyncMap {
                try await PlanDirectory.sameDocument(
                    number: reading.plan.number, title: reading.plan.title, year: sameYear, keptBy: $0, on: req.db)
            } ?? []
        let plans = PlansController()
        let base = try await plans.formView(
            req, action: "/plans", isNew: true, form: form, issuerUnitID: own ? user.unitID : nil)
        return try await req.page(
            "plan_import_review", title: "import_plan_review",
            ReviewView(
                fileName: upload.file.filename,
                parts: Self.parts(reading, sourceLines: sourceLines, language: req.language),
                uncertain: reading.uncertain.map { $0.note.text(req.language) },
                alreadyThere: already.map { PlansController.row($0, language: req.language) },
                sourceLines: sourceLines, action: base.action, isNew: true, form: base.form, kinds: base.kinds,
                authorities: base.authorities, agencyNames: base.agencyNames, reviewNotes: base.reviewNotes))
    }

    static func parts(_ reading: PlanReader.Reading, sourceLines: [String], language: Language) -> [PartRow] {
        let plan = reading.plan
        func row(_ part: String, _ vi: String, _ en: String, _ value: String?) -> PartRow {
            let entry = reading.trace.first { $0.part == part }
            var lines = ""
            var source = ""
            if let entry {
                lines =
                    entry.firstLine == entry.lastLine
                    ? (language == .vi ? "dòng \(entry.firstLine)" : "line \(entry.firstLine)")
                    : (language == .vi
                        ? "dòng \(entry.firstLine)–\(entry.lastLine)" : "lines \(entry.firstLine)–\(entry.lastLine)")
                let slice = sourceLines[max(0, entry.firstLine - 1)..<min(sourceLines.count, entry.lastLine)]
                source = slice.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(
                    separator: " ")
                source = VietnameseText.shortened(source, to: 240)
            }
            let found = !(value ?? "").isEmpty
            let doubts = reading.uncertain.filter { $0.part == part }.map { $0.note.text(language) }
            return PartRow(
                label: language == .vi ? vi : en, value: value.flatMap { $0.isEmpty ? nil : $0 } ?? "—", found: found,
                lines: lines, source: source, doubt: doubts.isEmpty ? nil : doubts.joined(separator: " "))
        }
        let tasks = plan.assignments.flatMap(\.tasks).count
        return [
            row("title", "Trích yếu", "Title", plan.title),
            row("number", "Số, ký hiệu", "Number", plan.number),
            row(
                "issuedOn", "Địa danh, ngày", "Place and date",
                plan.issuedOn.map { d in
                    "\(plan.place ?? ""), \(d.day.map(String.init) ?? "…")/\(d.month.map(String.init) ?? "…")/\(d.year)"
                }),
            row("bases", "Căn cứ", "Bases", plan.bases.map(\.citation).joined(separator: "; ")),
            row("issuer", "Cơ quan ban hành", "Issuer", plan.issuer),
            row("theme", "Chủ đề", "Theme", plan.theme),
            row("period", "Thời gian", "Period", plan.period.map { "\(Self.shown($0.start)) → \(Self.shown($0.end))" }),
            row("scope", "Phạm vi", "Scope", plan.scope),
            row(
                "targets", "Mục tiêu có số", "Numeric targets",
                plan.targets.isEmpty ? nil : plan.targets.map(\.text).joined(separator: "; ")),
            row(
                "assignments", "Tổ chức thực hiện", "Assignments",
                plan.assignments.isEmpty
                    ? nil
                    : "\(plan.assignments.count) cơ quan, \(tasks) nhiệm vụ: "
                        + plan.assignments.map { ($0.mode == "request" ? "Đề nghị " : "") + $0.agency }.joined(
                            separator: "; ")),
            row(
                "reporting", "Chế độ báo cáo", "Reporting",
                plan.reporting.map {
                    "\(Self.shown($0.deadline)) → \($0.to ?? "?")\($0.via.map { " (qua \($0))" } ?? "")"
                }),
            row(
                "recipients", "Nơi nhận", "Recipients",
                plan.recipients.isEmpty ? nil : plan.recipients.joined(separator: "; ")),
            row(
                "recipients", "Người ký", "Signature",
                plan.signature.map {
                    [$0.authority, $0.onBehalf, $0.position, $0.name].compactMap { $0 }.joined(separator: " / ")
                }),
            row(
                "slogans", "Khẩu hiệu", "Slogans",
                plan.slogans.isEmpty
                    ? nil
                    : "\(plan.slogans.count): " + plan.slogans.prefix(3).joined(separator: "; ")
                        + (plan.slogans.count > 3 ? "…" : "")),
        ]
    }

    /// "2026-06-30" as officers write it, "30/6/2026"; anything else as read.
    static func shown(_ iso: String) -> String {
        CalendarDay(iso: iso)?.vietnameseShort ?? iso
    }
}
