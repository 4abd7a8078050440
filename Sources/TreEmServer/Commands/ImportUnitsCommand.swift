import TreEmCore
import Vapor

/// `treem import-units FILE.csv [--successors LINKS.csv]`: all rows or none; every bad line is
/// named. `treem import-units --national`: the whole country from the bundled national file,
/// idempotently (running it twice changes nothing).
///
/// ConsoleKit has no optional positional argument, so the command reads its own input.
struct ImportUnitsCommand: AnyAsyncCommand {
    var help: String {
        "Nhập danh mục đơn vị hành chính từ CSV, hoặc cả nước với --national — import administrative units from CSV, or the whole country with --national"
    }

    private static let usage = """
        Cách dùng (usage):
          treem import-units FILE.csv [--successors LINKS.csv]
              FILE.csv: code,name,level,parent_code,valid_from,valid_to
              LINKS.csv: predecessor_code,successor_code,date (sáp nhập, chia tách — mergers and splits)
          treem import-units --national
              cả nước trước và sau 1/7/2025, từ tệp đi kèm (the whole country, from the bundled file)
        """

    func outputAutoComplete(using context: inout CommandContext) {}

    func outputHelp(using context: inout CommandContext) {
        context.console.output(help + "\n\n" + Self.usage, style: .plain)
    }

    func run(using context: inout CommandContext) async throws {
        var national = false
        var file: String?
        var successors: String?
        var arguments = context.input.arguments[...]
        while let argument = arguments.popFirst() {
            switch argument {
            case "--national": national = true
            case "--successors":
                guard let value = arguments.popFirst() else {
                    throw CommandFailure(description: "Thiếu tên tệp sau --successors (--successors needs a file)")
                }
                successors = value
            case "-h", "--help":
                outputHelp(using: &context)
                return
            case let value where value.hasPrefix("-"):
                throw CommandFailure(description: "Tham số không rõ (unknown option): \(value)\n\(Self.usage)")
            case let value:
                guard file == nil else {
                    throw CommandFailure(description: "Chỉ nhập một tệp mỗi lần (one file at a time)\n\(Self.usage)")
                }
                file = value
            }
        }
        let app = context.application
        switch (national, file) {
        case (true, nil) where successors == nil:
            try await importNational(app: app, console: context.console)
        case (false, let file?):
            try await importFile(file, successors: successors, app: app, console: context.console)
        default:
            throw CommandFailure(description: Self.usage)
        }
    }

    private func importNational(app: Application, console: any Console) async throws {
        let country: UnitSet
        do {
            country = try NationalUnits.bundled()
        } catch let rejected as ImportRejected {
            throw CommandFailure(description: "vietnam-units.csv: " + rejected.report(.vi))
        }
        try await Bootstrap.prepareDatabase(app)
        let started = ContinuousClock.now
        do {
            let summary = try await UnitDirectory.load(country, on: app.db)
            let seconds = (ContinuousClock.now - started).components
            if summary.changedAnything {
                try await AuditLog.record(
                    .unitsImported, by: .init(id: nil, username: "cli"), recordType: "unit",
                    summary: "Nạp danh mục đơn vị hành chính cả nước: \(summary.sentence)",
                    address: "local", at: app.treem.now(), on: app.db)
            }
            console.print(
                "Đã nạp danh mục cả nước (national units loaded) trong \(seconds.seconds) giây: \(summary.sentence).")
        } catch let rejected as ImportRejected {
            throw CommandFailure(
                description: "vietnam-units.csv: " + rejected.report(.vi)
                    + "\nKhông nhập (nothing imported): \(rejected.problems.count) lỗi")
        }
    }

    private func importFile(_ path: String, successors: String?, app: Application, console: any Console) async throws {
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
        let csv = try read(path)
        let links = try successors.map(read)
        try await Bootstrap.prepareDatabase(app)
        do {
            let summary = try await UnitDirectory.importUnits(csv: csv, successionsCSV: links, on: app.db)
            try await AuditLog.record(
                .unitsImported, by: .init(id: nil, username: "cli"), recordType: "unit",
                summary:
                    "Nhập \(path): thêm \(summary.inserted), sửa \(summary.updated), không đổi \(summary.unchanged)",
                address: "local", at: app.treem.now(), on: app.db)
            console.print(
                "Đã nhập \(path): thêm \(summary.inserted), sửa \(summary.updated), không đổi \(summary.unchanged), liên kết \(summary.successions)."
            )
        } catch let rejected as ImportRejected {
            throw CommandFailure(
                description: rejected.report(.vi) + "\nKhông nhập (nothing imported): \(rejected.problems.count) lỗi")
        }
    }
}
