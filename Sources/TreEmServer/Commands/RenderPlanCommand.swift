import Foundation
import TreEmCore
import Vapor

/// `treem render-plan ID --format docx|html|md -o FILE`; with `--json FILE` it renders a plan
/// document given as JSON instead of a stored plan (no database needed).
struct RenderPlanCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "id", help: "Mã (UUID) của kế hoạch; với --json ghi tên bất kỳ, ví dụ 'file'")
        var id: String
        @Option(name: "format", short: "f", help: "docx | html | md (mặc định docx)")
        var format: String?
        @Option(name: "output", short: "o", help: "Tệp ghi ra")
        var output: String?
        @Option(name: "json", help: "Tệp JSON của một văn bản kế hoạch (PlanDocument) thay cho kế hoạch đã lưu")
        var json: String?
    }

    var help: String { "Xuất kế hoạch ra văn bản DOCX, HTML hoặc Markdown — render a plan as DOCX, HTML or Markdown" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let format = PlanDirectory.Format(rawValue: signature.format ?? "docx") else {
            throw CommandFailure(
                description: "Định dạng \(signature.format ?? "") không hỗ trợ; chọn docx, html hoặc md")
        }
        guard let output = signature.output else {
            throw CommandFailure(description: "Cần -o TỆP (the output file, -o, is required)")
        }
        let document: PlanDocument
        if let path = signature.json {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(description: "Không đọc được tệp \(path)")
            }
            do {
                document = try JSONDecoder().decode(PlanDocument.self, from: data)
            } catch let error as DecodingError {
                throw CommandFailure(
                    description:
                        "Tệp \(path) không phải văn bản kế hoạch hợp lệ: \(ErrorPageMiddleware.path(of: error))")
            }
        } else {
            let app = context.application
            try await Bootstrap.prepareDatabase(app)
            guard let id = UUID(uuidString: signature.id), let plan = try await PlanModel.find(id, on: app.db) else {
                throw CommandFailure(description: "Không có kế hoạch \(signature.id) (no such plan)")
            }
            document = try plan.document()
        }
        let (bytes, _, _) = PlanDirectory.render(document, as: format)
        guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
            throw CommandFailure(description: "Không ghi được tệp \(output)")
        }
        context.console.print("Đã ghi \(output) (\(bytes.count) byte).")
    }
}
