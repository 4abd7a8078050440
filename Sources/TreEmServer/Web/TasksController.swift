import Fluent
import TreEmCore
import Vapor

/// "My tasks", a task's page with its progress, and a plan's board.
struct TasksController {
    func boot(routes: RoutesBuilder) {
        routes.get("tasks", use: list)
        routes.get("tasks", ":id", use: show)
        routes.post("tasks", ":id", "progress", use: addProgress)
        routes.get("tasks", ":id", "evidence", ":evidence", use: evidence)
        routes.get("plans", ":id", "board", use: board)
    }

    struct Row: Encodable {
        var id: String
        var text: String
        /// The text cut to a line or two for lists; the task's page shows it whole.
        var summary: String
        var agencyName: String
        var planTitle: String
        var planID: String
        var dueOn: String
        /// "đã quá hạn từ 10/7/2026" when late, "hạn 10/7/2026" otherwise.
        var dueLabel: String
        var status: String
        var statusLabel: String
        var overdue: Bool
        var role: String
        /// "2/5": lower units' derived tasks done out of all; empty when none derive it.
        var derivedProgress: String = ""
    }

    static func dueLabel(_ due: CalendarDay?, overdue: Bool, language: Language) -> String {
        guard let due else { return language == .vi ? "không đặt hạn" : "no deadline" }
        if overdue {
            return language == .vi ? "đã quá hạn từ \(due.vietnameseShort)" : "overdue since \(due.vietnameseShort)"
        }
        return language == .vi ? "hạn \(due.vietnameseShort)" : "due \(due.vietnameseShort)"
    }

    static func row(_ task: TaskModel, today: CalendarDay, language: Language) -> Row {
        let overdue = TaskRules.isOverdue(due: task.due, status: task.status, today: today)
        return Row(
            id: task.id?.uuidString ?? "", text: task.text,
            summary: VietnameseText.shortened(task.text, to: 180),
            agencyName: task.agencyName, planTitle: task.$plan.value?.title ?? "",
            planID: task.$plan.id.uuidString, dueOn: task.due?.vietnameseShort ?? "—",
            dueLabel: dueLabel(task.due, overdue: overdue, language: language), status: task.status.rawValue,
            statusLabel: task.status.label(language), overdue: overdue, role: task.role.label(language))
    }

    struct ListView: Encodable {
        var rows: [Row]
        var mine: Bool
        var heading: String
        var statuses: [SelectOption]
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.currentUser
        let today = req.today
        var filter = try req.query.decode(TaskDirectory.Filter.self)
        if filter.mine == nil { filter.mine = true }
        let tasks = try await TaskDirectory.tasks(for: user, filter: filter, today: today, on: req.db)
        let heading =
            filter.mine == true
            ? (user.agencyID != nil ? req.text("tasks_mine_agency") : req.text("tasks_mine_unit"))
            : req.text("tasks_all")
        return try await req.page(
            "tasks", title: "tasks_title",
            ListView(
                rows: tasks.map { Self.row($0, today: today, language: req.language) }, mine: filter.mine == true,
                heading: heading,
                statuses: TaskStatus.allCases.map {
                    .init(value: $0.rawValue, label: $0.label(req.language), selected: $0.rawValue == filter.status)
                }))
    }

    struct ProgressRow: Encodable {
        var when: String
        var author: String
        var text: String
        var numbers: String
        var change: String
        var evidence: [TaskDirectory.EvidenceSummary]
    }

    struct DetailView: Encodable {
        var task: Row
        var planNumber: String
        var mode: String
        var cancelReason: String?
        var progress: [ProgressRow]
        var canUpdate: Bool
        var nextStatuses: [SelectOption]
        var rollup: TaskRules.Rollup
        var hasDerived: Bool
        /// Each lower unit's task implementing this one, and the units with no plan yet.
        var derived: [DerivedRow]
        var missingUnits: [String]
        var error: String?
        /// The field the error is about ("evidence", "children_reached" …), marked in the form.
        var errorField: String?
        /// What the officer typed before a refusal, put back into the form.
        var typed: TypedProgress
    }

    /// The service names fields as the API does; the form's inputs are named as it posts them.
    static let formField = [
        "childrenReached": "children_reached", "amountSpent": "amount_spent", "cancelReason": "cancel_reason",
    ]

    /// The progress form as the officer left it. Files cannot be put back into a file input: the
    /// page asks for them again instead.
    struct TypedProgress: Encodable {
        var text = ""
        var childrenReached = ""
        var amountSpent = ""
        var cancelReason = ""
        var filesToChooseAgain = false
    }

    struct DerivedRow: Encodable {
        var id: String
        var unitName: String
        var agencyName: String
        var statusLabel: String
        var status: String
        var dueOn: String
        var overdue: Bool
    }

    private func render(
        _ req: Request, _ task: TaskModel, error: UserFacingError? = nil, typed: ProgressForm? = nil
    ) async throws -> Response {
        let user = try req.currentUser
        let today = req.today
        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        formatter.timeZone = TimeZone(secondsFromGMT: CalendarDay.vietnamOffsetSeconds)
        let progress = try await TaskDirectory.progress(of: task, on: req.db)
        let files = try await TaskDirectory.evidenceByProgress(task, on: req.db)
        let rollup = try await TaskDirectory.rollup(of: task, for: user, today: today, on: req.db)
        // How far each lower unit has got with it (only the units the user may see).
        var derivedRows: [DerivedRow] = []
        let (derivedTasks, unitNames) = try await TaskDirectory.derivedTasks(of: task, for: user, on: req.db)
        for derived in derivedTasks {
            derivedRows.append(
                DerivedRow(
                    id: derived.id?.uuidString ?? "", unitName: unitNames[derived.unitID] ?? "",
                    agencyName: derived.agencyName,
                    statusLabel: derived.status.label(req.language), status: derived.status.rawValue,
                    dueOn: derived.due?.vietnameseShort ?? "—",
                    overdue: TaskRules.isOverdue(due: derived.due, status: derived.status, today: today)))
        }
        derivedRows = derivedRows.sortedVietnamese { $0.unitName }
        let missing =
            rollup.missingUnits > 0
            ? try await PlanDirectory.cascade(of: task.plan, for: user, on: req.db).missing.map(\.name) : []
        let view = DetailView(
            task: Self.row(task, today: today, language: req.language), planNumber: task.$plan.value?.number ?? "",
            mode: task.mode.label(req.language), cancelReason: task.cancelReason,
            progress: progress.map { entry in
                var numbers: [String] = []
                if let children = entry.childrenReached {
                    numbers.append(VietnameseNumber.format(Double(children)) + " " + req.text("tasks_children"))
                }
                if let amount = entry.amountSpent { numbers.append(PlanComposition.formatMoney(Int(amount)) + " đ") }
                let change =
                    entry.statusTo.map { "\(entry.statusFrom?.label(req.language) ?? "") → \($0.label(req.language))" }
                    ?? ""
                return ProgressRow(
                    when: formatter.string(from: entry.recordedAt), author: entry.authorName, text: entry.text,
                    numbers: numbers.joined(separator: ", "), change: change, evidence: files[entry.id ?? UUID()] ?? [])
            },
            canUpdate: TaskDirectory.canUpdate(task, user: user) && task.status != .cancelled,
            nextStatuses: [
                SelectOption(value: "", label: req.text("tasks_keep_status"), selected: (typed?.status ?? "") == "")
            ]
                + TaskStatus.allCases.filter { task.status.canMove(to: $0) }.map {
                    .init(value: $0.rawValue, label: $0.label(req.language), selected: typed?.status == $0.rawValue)
                },
            rollup: rollup, hasDerived: rollup.derived > 0 || rollup.missingUnits > 0,
            derived: derivedRows, missingUnits: missing,
            error: error?.message.text(req.language), errorField: error?.field.map { Self.formField[$0] ?? $0 },
            typed: TypedProgress(
                text: typed?.text ?? "", childrenReached: typed?.children_reached ?? "",
                amountSpent: typed?.amount_spent ?? "", cancelReason: typed?.cancel_reason ?? "",
                filesToChooseAgain: typed?.evidence?.contains { $0.data.readableBytes > 0 } ?? false))
        return try await req.page("task", title: "tasks_title", view, status: error?.status ?? .ok)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await req.requestedTask())
    }

    struct ProgressForm: Content {
        var text: String?
        var children_reached: String?
        var amount_spent: String?
        var status: String?
        var cancel_reason: String?
        var evidence: [File]?
    }

    @Sendable func addProgress(req: Request) async throws -> Response {
        let task = try await req.requestedTask()
        let form = try req.content.decode(ProgressForm.self)
        do {
            // Numbers as Vietnamese write them ("1.500.000"), the same reading as a report's cells.
            func number(_ text: String?, field: String, label: Bilingual) throws -> Int64? {
                do {
                    return try VietnameseNumber.wholeNumber(text, field: label)
                } catch {
                    throw UserFacingError(.badRequest, error.message, field: field)
                }
            }
            let children = try number(
                form.children_reached, field: "children_reached",
                label: Bilingual(vi: "Số trẻ em được hỗ trợ", en: "Children reached")
            ).map(Int.init)
            let amount = try number(
                form.amount_spent, field: "amount_spent", label: Bilingual(vi: "Kinh phí đã chi", en: "Amount spent"))
            _ = try await TaskDirectory.addProgress(
                task,
                .init(
                    text: form.text ?? "", childrenReached: children, amountSpent: amount,
                    status: form.status.flatMap(TaskStatus.init(rawValue:)), cancelReason: form.cancel_reason,
                    evidence: (form.evidence ?? []).map { ($0.filename, Array(buffer: $0.data)) }), by: try req.acting)
            return req.redirect(to: "/tasks/\(task.id?.uuidString ?? "")")
        } catch let failure as UserFacingError {
            return try await render(req, task, error: failure, typed: form)
        }
    }

    @Sendable func evidence(req: Request) async throws -> Response {
        let task = try await req.requestedTask()
        let file = try await req.requestedEvidence(of: task)
        return try await TaskDirectory.download(file, of: task, req.auditStamp, on: req.db)
    }

    struct BoardGroup: Encodable {
        var agencyName: String
        var total: Int
        var done: Int
        var overdue: Int
        var rows: [Row]
    }

    struct BoardView: Encodable {
        var planID: String
        var planTitle: String
        var groups: [BoardGroup]
        var total: Int
        var done: Int
        var overdue: Int
    }

    /// The plan's tasks by agency, the agencies most behind first.
    @Sendable func board(req: Request) async throws -> Response {
        let user = try req.currentUser
        let plan = try await req.requestedPlan()
        let today = req.today
        let tasks = try await TaskDirectory.tasks(
            for: user, filter: .init(plan: plan.id?.uuidString), today: today, on: req.db)
        // The roll-up per task in one query: lower units' tasks derived from this plan's tasks.
        let derived = try await TaskDirectory.derivedStatuses(of: tasks, for: user, on: req.db)
        var counts: [String: (done: Int, total: Int)] = [:]
        for task in derived {
            guard let parent = task.derivedFromPlanTaskID else { continue }
            counts[parent, default: (0, 0)].total += 1
            if task.status == .done { counts[parent, default: (0, 0)].done += 1 }
        }
        let rows = tasks.map { task -> Row in
            var row = Self.row(task, today: today, language: req.language)
            if let count = counts[task.planTaskID] { row.derivedProgress = "\(count.done)/\(count.total)" }
            return row
        }
        var order: [String] = []
        var byAgency: [String: [Row]] = [:]
        for row in rows {
            if byAgency[row.agencyName] == nil { order.append(row.agencyName) }
            byAgency[row.agencyName, default: []].append(row)
        }
        let groups = order.map { name -> BoardGroup in
            let list = byAgency[name] ?? []
            return BoardGroup(
                agencyName: name, total: list.count, done: list.filter { $0.status == TaskStatus.done.rawValue }.count,
                overdue: list.filter(\.overdue).count, rows: list)
        }.sorted { ($0.overdue, $0.total - $0.done) > ($1.overdue, $1.total - $1.done) }
        return try await req.page(
            "plan_board", title: "tasks_board",
            BoardView(
                planID: plan.id?.uuidString ?? "", planTitle: plan.title, groups: groups, total: rows.count,
                done: rows.filter { $0.status == TaskStatus.done.rawValue }.count, overdue: rows.filter(\.overdue).count
            ))
    }
}
