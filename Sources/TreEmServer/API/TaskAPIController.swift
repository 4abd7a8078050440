import Fluent
import TreEmCore
import Vapor

/// `/api/v1/tasks…`: the tasks of issued plans, their progress and roll-up.
struct TaskAPIController {
    func boot(routes: RoutesBuilder) {
        routes.get("tasks", use: list)
        routes.get("tasks", ":id", use: show)
        routes.post("tasks", ":id", "progress", use: addProgress)
        routes.get("tasks", ":id", "evidence", ":evidence", use: evidence)
    }

    struct TaskDTO: Content {
        var id: String
        var planID: String
        var planTitle: String
        var planNumber: String?
        var agencyID: String?
        var agencyName: String
        var role: String
        var mode: String
        var text: String
        var dueOn: String?
        var status: String
        var overdue: Bool
        var cancelReason: String?
        var derivedFromPlanTaskID: String?
        var canUpdate: Bool
    }

    struct ProgressDTO: Content {
        var recordedAt: Date
        var author: String
        var text: String
        var childrenReached: Int?
        var amountSpent: Int64?
        var statusFrom: String?
        var statusTo: String?
        var evidence: [TaskDirectory.EvidenceSummary]
    }

    struct TaskDetailDTO: Content {
        var task: TaskDTO
        var progress: [ProgressDTO]
        var rollup: TaskRules.Rollup
    }

    static func dto(_ task: TaskModel, user: CurrentUser, today: CalendarDay) -> TaskDTO {
        TaskDTO(
            id: task.id?.uuidString ?? "", planID: task.$plan.id.uuidString, planTitle: task.$plan.value?.title ?? "",
            planNumber: task.$plan.value?.number, agencyID: task.$agency.id?.uuidString, agencyName: task.agencyName,
            role: task.role.rawValue, mode: task.mode.rawValue, text: task.text, dueOn: task.dueOn,
            status: task.status.rawValue,
            overdue: TaskRules.isOverdue(due: task.due, status: task.status, today: today),
            cancelReason: task.cancelReason,
            derivedFromPlanTaskID: task.derivedFromPlanTaskID, canUpdate: TaskDirectory.canUpdate(task, user: user))
    }

    @Sendable func list(req: Request) async throws -> [TaskDTO] {
        let user = try req.currentUser
        let today = req.today
        let filter = try req.query.decode(TaskDirectory.Filter.self)
        return try await TaskDirectory.tasks(for: user, filter: filter, today: today, on: req.db).map {
            Self.dto($0, user: user, today: today)
        }
    }

    static func detail(_ task: TaskModel, req: Request) async throws -> TaskDetailDTO {
        let user = try req.currentUser
        let today = req.today
        let progress = try await TaskDirectory.progress(of: task, on: req.db)
        let files = try await TaskDirectory.evidenceByProgress(task, on: req.db)
        return TaskDetailDTO(
            task: dto(task, user: user, today: today),
            progress: progress.map {
                ProgressDTO(
                    recordedAt: $0.recordedAt, author: $0.authorName, text: $0.text,
                    childrenReached: $0.childrenReached, amountSpent: $0.amountSpent,
                    statusFrom: $0.statusFrom?.rawValue, statusTo: $0.statusTo?.rawValue,
                    evidence: files[$0.id ?? UUID()] ?? [])
            },
            rollup: try await TaskDirectory.rollup(of: task, for: user, today: today, on: req.db))
    }

    @Sendable func evidence(req: Request) async throws -> Response {
        let task = try await req.requestedTask()
        let file = try await req.requestedEvidence(of: task)
        return try await TaskDirectory.download(file, of: task, req.auditStamp, on: req.db)
    }

    @Sendable func show(req: Request) async throws -> TaskDetailDTO {
        try await Self.detail(try await req.requestedTask(), req: req)
    }

    struct ProgressBody: Content {
        var text: String
        var childrenReached: Int?
        var amountSpent: Int64?
        var status: String?
        var cancelReason: String?
        /// Files as `{"filename", "data": base64}` in JSON, or `evidence[]` parts in a multipart form.
        var evidence: [File]?
    }

    @Sendable func addProgress(req: Request) async throws -> Response {
        let task = try await req.requestedTask()
        let body = try req.content.decode(ProgressBody.self)
        var status: TaskStatus?
        if let text = body.status {
            guard let value = TaskStatus(rawValue: text) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(vi: "Trạng thái \"\(text)\" không hợp lệ.", en: "Status \"\(text)\" is not valid."),
                    field: "status")
            }
            status = value
        }
        _ = try await TaskDirectory.addProgress(
            task,
            .init(
                text: body.text, childrenReached: body.childrenReached, amountSpent: body.amountSpent,
                status: status, cancelReason: body.cancelReason,
                evidence: (body.evidence ?? []).map { ($0.filename, Array(buffer: $0.data)) }),
            by: try req.acting)
        return try await Self.detail(task, req: req).encodeResponse(status: .created, for: req)
    }
}

extension TaskRules.Rollup: Content {}
