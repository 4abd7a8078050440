import TreEmCore
import Vapor

/// `treem import-units FILE.csv`: all rows or none; every bad line is named.
struct ImportUnitsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp CSV: code,name,level,parent_code,valid_from,valid_to")
        var file: String

        @Option(name: "successors", help: "Tệp CSV liên kết sáp nhập/chia tách: predecessor_code,successor_code,date")
        var successors: String?
    }

    var help: String { "Nhập danh mục đơn vị hành chính từ CSV — import administrative units from CSV" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(description: "Không đọc được tệp \(path) (cannot read the file)")
            }
            do {
                return try CSVReader.text(of: data)
            } catch {
                throw CommandFailure(description: "\(path): " + error.report(.vi) + "\n" + error.report(.en))
            }
        }
        let csv = try read(signature.file)
        let successors = try signature.successors.map(read)
        try await Bootstrap.prepareDatabase(app)
        do {
            let summary = try await UnitDirectory.importUnits(csv: csv, successionsCSV: successors, on: app.db)
            try await AuditLog.record(
                .unitsImported, by: .init(id: nil, username: "cli"), recordType: "unit",
                summary:
                    "Nhập \(signature.file): thêm \(summary.inserted), sửa \(summary.updated), không đổi \(summary.unchanged)",
                address: "local", at: app.treem.now(), on: app.db)
            context.console.print(
                "Đã nhập \(signature.file): thêm \(summary.inserted), sửa \(summary.updated), không đổi \(summary.unchanged), liên kết \(summary.successions)."
            )
        } catch let rejected as ImportRejected {
            throw CommandFailure(
                description: rejected.report(.vi) + "\nKhông nhập (nothing imported): \(rejected.problems.count) lỗi")
        }
    }
}
