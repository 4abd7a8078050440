import Fluent
import TreEmCore
import Vapor

/// The report forms and their indicators; system administrators add forms from a spreadsheet.
struct ReportFormsController {
    func boot(routes: RoutesBuilder) {
        routes.get("reports", "forms", use: list)
        routes.post("reports", "forms", use: create)
    }

    struct IndicatorView: Encodable {
        var code: String
        var name: String
        var unit: String
        var type: String
        var breakdowns: String
        var partOf: String
        var target: String
        var nationalName: String
    }

    struct FormView: Encodable {
        var code: String
        var name: String
        var builtIn: Bool
        /// The later edition's code when this one is kept only for the rounds opened with it.
        var replacedBy: String?
        var sections: [SectionView]
    }

    struct SectionView: Encodable {
        var title: String
        var indicators: [IndicatorView]
    }

    struct ListView: Encodable {
        var forms: [FormView]
        var canAdd: Bool
        var problems: [String]
        var added: String?
        var planKinds: [SelectOption]
    }

    func view(_ req: Request, problems: [String] = [], added: String? = nil) async throws -> ListView {
        let user = try req.currentUser
        let language = req.language
        // Current built-in forms first, then the ones added, then earlier editions.
        func rank(_ form: ReportFormModel) -> Int { form.replacedBy != nil ? 2 : form.isBuiltIn ? 0 : 1 }
        let forms = try await ReportForms.all(on: req.db).sorted { (rank($0), $0.code) < (rank($1), $1.code) }
        return ListView(
            forms: try forms.map { model in
                let form = try model.form()
                return FormView(
                    code: form.code, name: form.name, builtIn: model.isBuiltIn, replacedBy: model.replacedBy,
                    sections: form.sections.map { section in
                        SectionView(
                            title: section.title,
                            indicators: section.indicators.map { indicator in
                                IndicatorView(
                                    code: indicator.code, name: indicator.name, unit: indicator.unit,
                                    type: indicator.type.label.text(language),
                                    breakdowns: indicator.breakdowns.map { $0.label.text(language) }.joined(
                                        separator: ", "),
                                    partOf: indicator.partOf
                                        ?? (indicator.ratio.map { "\($0.numerator) / \($0.denominator)" } ?? ""),
                                    target: indicator.target.map { VietnameseNumber.display($0, type: indicator.type) }
                                        ?? "",
                                    nationalName: indicator.nationalName ?? "")
                            })
                    })
            }, canAdd: user.role == .systemAdministrator, problems: problems, added: added,
            planKinds: PlanKind.allCases.map {
                .init(value: $0.rawValue, label: $0.label(language), selected: $0 == .other)
            })
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.page("report_forms", title: "forms_title", try await view(req))
    }

    struct Upload: Content {
        var code: String
        var name: String
        var planKind: String?
        var file: File
    }

    @Sendable func create(req: Request) async throws -> Response {
        guard try req.currentUser.role == .systemAdministrator else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ quản trị hệ thống được thêm biểu mẫu.", en: "Only system administrators can add forms."))
        }
        let upload = try req.content.decode(Upload.self)
        do {
            let form = try ReportFormImport.parse(
                csv: try CSVReader.text(of: upload.file.data.readableBytesView), code: upload.code, name: upload.name,
                planKind: upload.planKind.flatMap(PlanKind.init(rawValue:)))
            let model = try await ReportForms.create(form, by: try req.acting)
            return try await req.page(
                "report_forms", title: "forms_title", try await view(req, added: "\(model.code) — \(model.name)"))
        } catch let rejected as ImportRejected {
            return try await req.page(
                "report_forms", title: "forms_title",
                try await view(req, problems: rejected.report(req.language).components(separatedBy: "\n")),
                status: .unprocessableEntity)
        }
    }
}
