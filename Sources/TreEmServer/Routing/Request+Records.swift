import Foundation
import TreEmCore
import Vapor

/// The records a request's path names (`:id`, `:evidence`), each found through its service
/// for the signed-in person. Web pages and the JSON API both call these; a record the person
/// may not see is "not found" (404), never "forbidden", so its existence does not leak.
extension Request {
    private func pathID(_ name: String = "id") throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw Abort(.notFound) }
        return id
    }

    func requestedPlan() async throws -> PlanModel {
        guard let plan = try await PlanDirectory.plan(id: try pathID(), for: try currentUser, on: db) else {
            throw Abort(.notFound)
        }
        return plan
    }

    func requestedTask() async throws -> TaskModel {
        guard let task = try await TaskDirectory.task(id: try pathID(), for: try currentUser, on: db) else {
            throw Abort(.notFound)
        }
        return task
    }

    /// An evidence file of the requested task (`:evidence`).
    func requestedEvidence(of task: TaskModel) async throws -> TaskEvidenceModel {
        guard let file = try await TaskDirectory.evidence(id: try pathID("evidence"), task: task, on: db) else {
            throw Abort(.notFound)
        }
        return file
    }

    func requestedReport() async throws -> ReportModel {
        guard let report = try await ReportEditing.report(id: try pathID(), for: try currentUser, on: db) else {
            throw Abort(.notFound)
        }
        return report
    }

    func requestedRound() async throws -> ReportRoundModel {
        guard let round = try await ReportRounds.round(id: try pathID(), for: try currentUser, on: db) else {
            throw Abort(.notFound)
        }
        return round
    }

    /// The unit a round is viewed from (`ReportRounds.viewedUnit`), named by `code` or by default.
    func viewedUnit(of round: ReportRoundModel, code: String?, asOf day: CalendarDay) async throws -> UnitModel {
        guard
            let unit = try await ReportRounds.viewedUnit(of: round, code: code, asOf: day, for: try currentUser, on: db)
        else {
            throw Abort(.notFound)
        }
        return unit
    }
}

extension Response {
    /// A file to download: never sniffed; `inline` only for what the browser should show.
    static func download(_ bytes: [UInt8], contentType: String, fileName: String, inline: Bool = false) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(
            name: .contentDisposition, value: "\(inline ? "inline" : "attachment"); filename=\"\(fileName)\"")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }
}
