import Fluent
import Foundation
import TreEmCore
import Vapor

/// `treem import-plan FILE [--json] [--save --unit CODE]`: reads a plan document (.txt, .md,
/// .docx, .pdf) into its parts; with --save stores it as a plan.
struct ImportPlanCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp kế hoạch: .txt, .md, .docx hoặc .pdf")
        var file: String
        @Flag(name: "json", help: "In dạng chuẩn (JSON) của những gì đọc được")
        var json: Bool
        @Flag(name: "save", help: "Lưu thành kế hoạch trong TreEm (cần --unit)")
        var save: Bool
        @Option(name: "unit", help: "Mã đơn vị lưu kế hoạch")
        var unit: String?
    }

    var help: String { "Đọc văn bản kế hoạch có sẵn (txt, md, docx, pdf) — import an existing plan document" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text: String
        do {
            text = try PlanSourceFile.text(ofFile: signature.file)
        } catch let error as PlanSourceFile.Failure {
            throw CommandFailure(description: error.message.vi + " (" + error.message.en + ")")
        }
        let reading = PlanReader.readDetailed(text)
        let imported = reading.plan
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(imported), as: UTF8.self))
        } else {
            context.console.print(PlanImportSummary.text(imported))
        }
        guard signature.save else { return }
        let app = context.application
        guard let code = signature.unit else {
            throw CommandFailure(description: "--save cần --unit MÃ_ĐƠN_VỊ (--save needs --unit CODE)")
        }
        try await Bootstrap.prepareDatabase(app)
        let today = CalendarDay(vietnamTimeOf: app.treem.now())
        guard let unit = try await UnitDirectory.anyUnit(code: code, asOf: today, on: app.db) else {
            throw CommandFailure(description: "Không có đơn vị mã \(code) (no such unit)")
        }
        let document = imported.planDocument(extras: reading.extras, fallbackYear: today.year)
        // The unit's own plan becomes its draft; another body's plan is kept to derive from.
        let own = imported.isIssued(byCommitteeOf: unit.name)
        do {
            let plan = try await PlanDirectory.insert(
                document, issuer: unit, parentPlanID: nil, external: !own,
                actor: .init(id: nil, username: "cli"), address: "local", now: app.treem.now(), on: app.db)
            context.console.print("saved plan \(plan.id?.uuidString ?? "")")
        } catch let rejected as PlanRejected {
            throw CommandFailure(description: "Không lưu (nothing saved): " + rejected.text(.vi))
        }
    }
}
