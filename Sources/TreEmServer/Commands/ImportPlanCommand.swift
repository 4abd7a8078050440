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
            context.console.error(error.message.vi + " (" + error.message.en + ")")
            exit(2)
        }
        let imported = PlanReader.read(text)
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(imported), as: UTF8.self))
        } else {
            context.console.print(PlanImportSummary.text(imported))
        }
        if signature.save {
            context.console.error("--save: chưa hỗ trợ trong phiên bản này (not yet supported)")
            exit(2)
        }
    }
}
