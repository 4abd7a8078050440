import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// Tasks of issued plans: created at issue, read by everyone in scope, updated by the
/// agency's members and the issuing unit's officers.
enum TaskDirectory {
    /// One task per agency and plan task. An assignment that names several organisations gives
    /// each its own task; names are matched to the issuer's agencies.
    /// Returns the e-mail to send about the new tasks once the transaction has committed.
    static func createTasks(
        for plan: PlanModel, document: PlanDocument, at now: Date, settings: Settings, on db: Database
    ) async throws {
        guard !plan.isExternal else { return }
        var created: [TaskModel] = []
        let planID = try plan.requireID()
        let agencies = try await AgencyModel.query(on: db).filter(\.$unit.$id == plan.$issuer.id).all()
        func agency(named name: String) -> AgencyModel? {
            let folded = VietnameseText.fold(name)
            if let exact = agencies.first(where: { VietnameseText.fold($0.name) == folded }) { return exact }
            // "Trạm Y tế xã" names the unit's only health station even without the unit's name.
            guard let kind = AgencyKind.guess(fromName: name), kind != .school, kind != .villageHead,
                kind != .department,
                kind != .otherMassOrganisation
            else { return nil }
            let ofKind = agencies.filter { $0.kind == kind && $0.isActive }
            return ofKind.count == 1 ? ofKind[0] : nil
        }
        for assignment in document.assignments {
            var targets: [(id: UUID?, name: String)] = []
            if let id = assignment.agencyID.flatMap(UUID.init(uuidString:)), agencies.contains(where: { $0.id == id }) {
                targets = [(id, assignment.agencyName)]
            } else {
                targets = PlanReader.agencyNames(in: assignment.agencyName).map { name in
                    (agency(named: name)?.id, name)
                }
            }
            for target in targets {
                for planTask in assignment.tasks {
                    let task = TaskModel()
                    task.$plan.id = planID
                    task.unitID = plan.$issuer.id
                    task.planTaskID = planTask.id
                    task.derivedFromPlanTaskID = planTask.derivedFromTaskID
                    task.$agency.id = target.id
                    task.agencyName = target.name
                    task.role = assignment.role
                    task.mode = assignment.mode
                    task.text = planTask.text
                    task.dueOn =
                        (planTask.dueDate
                        ?? TaskRules.dueDate(
                            taskText: planTask.text, planYear: document.year,
                            reportingDeadline: document.reporting?.deadline, periodEnd: document.period?.end))?.iso
                    task.status = .notStarted
                    try await task.create(on: db)
                    created.append(task)
                }
            }
        }
        try await Notifications.notify(.assigned, about: created, at: now, settings: settings, on: db)
    }

    struct Filter: Content {
        var agency: String?
        var status: String?
        var dueBefore: String?
        var plan: String?
        var mine: Bool?
        /// Only open tasks whose day has passed.
        var overdue: Bool?
        /// Only the tasks of this unit (code) and the units below it.
        var unit: String?

        init(
            agency: String? = nil, status: String? = nil, dueBefore: String? = nil, plan: String? = nil,
            mine: Bool? = nil, overdue: Bool? = nil, unit: String? = nil
        ) {
            self.agency = agency
            self.status = status
            self.dueBefore = dueBefore
            self.plan = plan
            self.mine = mine
            self.overdue = overdue
            self.unit = unit
        }
    }

    /// How many tasks are overdue under one unit directly below the user's.
    struct LowerUnitCount {
        var unit: UnitModel
        var overdue: Int
    }

    /// The overdue tasks of the units below the user's, counted per unit directly below (for a
    /// system administrator, per province): a province's home page shows "12 nhiệm vụ quá hạn ở
    /// 3 xã" with a link each, never one flat list of every agency's late tasks.
    static func overdueBelow(
        for user: CurrentUser, today: CalendarDay, on db: Database
    ) async throws
        -> [LowerUnitCount]
    {
        let lower: [UnitModel]
        if let unitID = user.unitID {
            lower = try await UnitDirectory.children(of: unitID, asOf: today, on: db)
        } else if user.seesEverything {
            lower = try await UnitDirectory.validOn(today, UnitModel.query(on: db).filter(\.$parent.$id == nil)).all()
        } else {
            return []
        }
        guard !lower.isEmpty else { return [] }
        let query = scoped(TaskModel.query(on: db), for: user)
            .filter(\.$status ~~ [TaskStatus.notStarted, TaskStatus.inProgress]).filter(\.$dueOn < today.iso)
            .field(\.$id).field(\.$unitID)
        if let own = user.unitID { query.filter(\.$unitID != own) }
        let late = try await query.all()
        guard !late.isEmpty else { return [] }
        let lowerIDs = lower.compactMap(\.id)
        let scopes = try await UnitScopeModel.query(on: db).filter(\.$ancestorID ~~ lowerIDs)
            .filter(\.$descendantID ~~ Array(Set(late.map(\.unitID)))).all()
        var under: [UUID: UUID] = [:]
        for scope in scopes { under[scope.descendantID] = scope.ancestorID }
        var counts: [UUID: Int] = [:]
        for task in late { if let top = under[task.unitID] { counts[top, default: 0] += 1 } }
        return lower.compactMap { unit in
            guard let id = unit.id, let count = counts[id] else { return nil }
            return LowerUnitCount(unit: unit, overdue: count)
        }
        .sorted {
            $0.overdue != $1.overdue ? $0.overdue > $1.overdue : VietnameseText.precedes($0.unit.name, $1.unit.name)
        }
    }

    /// At most this many rows on one page; a province's whole list is filtered, not scrolled.
    static let pageLimit = 300

    /// Tasks the user may read, filtered; overdue first, then by due date. Filters, order and
    /// limit run in the database; plans are attached with their title and number only (their
    /// documents are large).
    static func tasks(
        for user: CurrentUser, filter: Filter, today: CalendarDay, openOnly: Bool = false,
        limit: Int = pageLimit, on db: Database
    ) async throws -> [TaskModel] {
        let query = scoped(TaskModel.query(on: db), for: user)
        if filter.mine == true {
            if let agencyID = user.agencyID {
                query.filter(\.$agency.$id == agencyID)
            } else if let unitID = user.unitID {
                query.filter(\.$unitID == unitID)
            }
        }
        if let agency = filter.agency.flatMap(UUID.init(uuidString:)) { query.filter(\.$agency.$id == agency) }
        if let status = filter.status.flatMap(TaskStatus.init(rawValue:)) { query.filter(\.$status == status) }
        if openOnly { query.filter(\.$status ~~ [TaskStatus.notStarted, TaskStatus.inProgress]) }
        if let due = filter.dueBefore.flatMap(CalendarDay.init(iso:)) { query.filter(\.$dueOn <= due.iso) }
        if let plan = filter.plan.flatMap(UUID.init(uuidString:)) { query.filter(\.$plan.$id == plan) }
        if filter.overdue == true {
            query.filter(\.$status ~~ [TaskStatus.notStarted, TaskStatus.inProgress]).filter(\.$dueOn < today.iso)
        }
        if let code = filter.unit, !code.isEmpty {
            // A unit outside the user's scope matches nothing, as if it did not exist.
            let unit = try await UnitDirectory.unit(code: code, asOf: today, for: user, on: db)
            query.filter(UnitScopeModel.filter("unit_id", below: unit?.id ?? UUID()))
        }
        let tasks = try await query.sort(\.$dueOn).sort(\.$id).limit(limit).all()
        try await attachPlans(tasks, on: db)
        return tasks.sorted { a, b in
            let (oa, ob) = (
                TaskRules.isOverdue(due: a.due, status: a.status, today: today),
                TaskRules.isOverdue(due: b.due, status: b.status, today: today)
            )
            if oa != ob { return oa }
            if a.status.isOpen != b.status.isOpen { return a.status.isOpen }
            return (a.dueOn ?? "9999") < (b.dueOn ?? "9999")
        }
    }

    /// Restricts a task query to the units the user may see.
    static func scoped(_ query: QueryBuilder<TaskModel>, for user: CurrentUser) -> QueryBuilder<TaskModel> {
        guard !user.seesEverything else { return query }
        let root = user.unitID ?? UUID()
        return query.filter(UnitScopeModel.filter("unit_id", below: root))
    }

    /// Sets each task's plan to a light copy holding its title and number.
    static func attachPlans(_ tasks: [TaskModel], on db: Database) async throws {
        let ids = Array(Set(tasks.map { $0.$plan.id }))
        guard !ids.isEmpty else { return }
        let plans = try await PlanModel.query(on: db).filter(\.$id ~~ ids)
            .field(\.$id).field(\.$title).field(\.$number).field(\.$issuer.$id).all()
        let byID = Dictionary(uniqueKeysWithValues: plans.compactMap { plan in plan.id.map { ($0, plan) } })
        for task in tasks { if let plan = byID[task.$plan.id] { task.$plan.value = plan } }
    }

    static func task(id: UUID, for user: CurrentUser, on db: Database) async throws -> TaskModel? {
        guard let task = try await TaskModel.query(on: db).filter(\.$id == id).with(\.$plan).first(),
            try await UnitDirectory.canSee(unitID: task.unitID, user: user, on: db)
        else { return nil }
        return task
    }

    /// The agency's members, and the officers of the issuing unit (`AccessPolicy`: the role
    /// first — a viewer linked to the agency still only reads).
    static func canUpdate(_ task: TaskModel, user: CurrentUser) -> Bool {
        var relations = UnitDirectory.relations(of: task.unitID, to: user)
        if let agency = task.$agency.id, user.agencyID == agency { relations.insert(.assignedAgency) }
        return AccessPolicy.allows(user.role, .recordTaskProgress, relations: relations)
    }

    struct ProgressInput {
        var text: String
        var childrenReached: Int?
        var amountSpent: Int64?
        var status: TaskStatus?
        var cancelReason: String?
        var evidence: [(fileName: String, bytes: [UInt8])] = []
    }

    static func addProgress(
        _ task: TaskModel, _ input: ProgressInput, by acting: Acting
    ) async throws -> TaskProgressModel {
        let user = acting.user
        guard canUpdate(task, user: user) else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi:
                        "Chỉ thành viên của cơ quan được giao hoặc cán bộ của đơn vị ban hành mới cập nhật được nhiệm vụ này.",
                    en: "Only the agency's members or the issuing unit's officers update this task."))
        }
        guard task.status != .cancelled else {
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi: "Nhiệm vụ đã hủy; không ghi tiến độ được.",
                    en: "The task is cancelled; no progress can be recorded."))
        }
        let text = VietnameseText.clean(input.text)
        guard !text.isEmpty else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Cần ghi nội dung tiến độ.", en: "Describe the progress."), field: "text")
        }
        if let children = input.childrenReached, children < 0 {
            throw UserFacingError(
                .badRequest,
                Bilingual(vi: "Số trẻ em không được âm.", en: "The number of children cannot be negative."),
                field: "childrenReached")
        }
        if let amount = input.amountSpent, amount < 0 {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Số tiền không được âm.", en: "The amount cannot be negative."),
                field: "amountSpent")
        }
        if let tooLong = TextLimit.comment.problem(text, field: Bilingual(vi: "Nội dung tiến độ", en: "Progress note"))
        {
            throw UserFacingError(.badRequest, tooLong, field: "text")
        }
        if let reason = input.cancelReason,
            let tooLong = TextLimit.comment.problem(
                reason, field: Bilingual(vi: "Lý do hủy", en: "Reason for cancelling"))
        {
            throw UserFacingError(.badRequest, tooLong, field: "cancelReason")
        }
        // Every file is checked before anything is written: all or nothing.
        var files: [(name: String, kind: EvidenceKind, bytes: [UInt8])] = []
        for file in input.evidence where !file.bytes.isEmpty {
            let name = VietnameseText.clean(file.fileName).isEmpty ? "minh-chung" : VietnameseText.clean(file.fileName)
            guard file.bytes.count <= EvidenceKind.maximumBytes else {
                throw UserFacingError(
                    .payloadTooLarge,
                    Bilingual(
                        vi: "Tệp \(name) quá lớn (\(file.bytes.count / 1_048_576) MB; tối đa 10 MB).",
                        en: "\(name) is too large (\(file.bytes.count / 1_048_576) MB; at most 10 MB)."),
                    field: "evidence")
            }
            // Judged on the upload pool: never on an event loop, and only a few at a time.
            let bytes = file.bytes
            guard let kind = try await acting.treem.pools.uploads.run({ EvidenceKind.detect(bytes) }) else {
                throw UserFacingError(
                    .unsupportedMediaType,
                    Bilingual(
                        vi:
                            "Tệp \(name) không được nhận: chỉ nhận ảnh (PNG, JPEG), PDF, Word (.docx) hoặc Excel (.xlsx).",
                        en:
                            "\(name) is refused: only images (PNG, JPEG), PDF, Word (.docx) or Excel (.xlsx) are accepted."
                    ), field: "evidence")
            }
            files.append((name, kind, file.bytes))
        }
        var from: TaskStatus?
        if let next = input.status, next != task.status {
            guard task.status.canMove(to: next) else {
                throw UserFacingError(
                    .conflict,
                    Bilingual(
                        vi: "Không thể chuyển nhiệm vụ từ \"\(task.status.label(.vi))\" sang \"\(next.label(.vi))\".",
                        en: "A task cannot go from \"\(task.status.label(.en))\" to \"\(next.label(.en))\"."),
                    field: "status")
            }
            if next == .cancelled {
                guard let reason = input.cancelReason.map(VietnameseText.clean), !reason.isEmpty else {
                    throw UserFacingError(
                        .badRequest, Bilingual(vi: "Hủy nhiệm vụ cần ghi lý do.", en: "Cancelling needs a reason."),
                        field: "cancelReason")
                }
                task.cancelReason = reason
            }
            from = task.status
            task.status = next
        }
        let entry = TaskProgressModel()
        entry.$task.id = try task.requireID()
        entry.authorID = user.id
        entry.authorName = user.displayName
        entry.recordedAt = acting.now
        entry.text = text
        entry.childrenReached = input.childrenReached
        entry.amountSpent = input.amountSpent
        entry.statusFrom = from
        entry.statusTo = from == nil ? nil : task.status
        let summary =
            "Tiến độ nhiệm vụ \"\(task.text.prefix(60))\": \(text.prefix(80))"
            + (from.map { " (\($0.label(.vi)) → \(task.status.label(.vi)))" } ?? "")
            + (files.isEmpty ? "" : "; \(files.count) minh chứng")
        let statusChanged = from != nil
        let taskID = try task.requireID()
        let evidence = files
        try await acting.db.transaction { tx in
            try await entry.create(on: tx)
            for file in evidence {
                let stored = TaskEvidenceModel()
                stored.$progress.id = try entry.requireID()
                stored.$task.id = taskID
                stored.fileName = file.name
                stored.kind = file.kind
                stored.size = file.bytes.count
                stored.content = Data(file.bytes)
                try await stored.create(on: tx)
            }
            if statusChanged { try await task.save(on: tx) }
            try await acting.audit(
                .taskProgress, recordType: "task", recordID: task.id?.uuidString, unitID: task.unitID, summary: summary,
                on: tx)
        }
        return entry
    }

    /// The task's progress entries, oldest first.
    static func progress(of task: TaskModel, on db: Database) async throws -> [TaskProgressModel] {
        try await TaskProgressModel.query(on: db).filter(\.$task.$id == task.requireID()).sort(\.$recordedAt).all()
    }

    /// The lower units' tasks derived from `task` that the user may see, with their units' names.
    static func derivedTasks(
        of task: TaskModel, for user: CurrentUser, on db: Database
    ) async throws
        -> (tasks: [TaskModel], unitNames: [UUID: String])
    {
        let derived = try await scoped(TaskModel.query(on: db), for: user)
            .filter(\.$derivedFromPlanTaskID == task.planTaskID).all()
        let units = try await UnitModel.query(on: db).filter(\.$id ~~ Array(Set(derived.map(\.unitID)))).all()
        return (derived, Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.name) } }))
    }

    /// The status of every task derived from `tasks` that the user may see, in one light query.
    static func derivedStatuses(
        of tasks: [TaskModel], for user: CurrentUser, on db: Database
    ) async throws -> [TaskModel] {
        try await scoped(TaskModel.query(on: db), for: user)
            .filter(\.$derivedFromPlanTaskID ~~ tasks.map(\.planTaskID))
            .field(\.$id).field(\.$derivedFromPlanTaskID).field(\.$status).field(\.$unitID).all()
    }

    /// How the tasks derived from `task` in lower units' plans stand.
    static func rollup(
        of task: TaskModel, for user: CurrentUser, today: CalendarDay, on db: Database
    ) async throws -> TaskRules.Rollup {
        let derived = try await scoped(TaskModel.query(on: db), for: user).filter(
            \.$derivedFromPlanTaskID == task.planTaskID
        ).all()
        let cascade = try await PlanDirectory.cascade(of: task.plan, for: user, on: db)
        return TaskRules.rollup(
            of: derived.map { ($0.status, $0.due) }, missingUnits: cascade.missing.count, today: today)
    }

    /// An evidence file as a download: never inline, never sniffed, never able to run script.
    /// Each download is in the audit log: evidence may show children's faces and names.
    static func download(
        _ evidence: TaskEvidenceModel, of task: TaskModel, _ stamp: AuditLog.Stamp, on db: Database
    ) async throws -> Response {
        try await AuditLog.record(
            .evidenceDownloaded, stamp, recordType: "task", recordID: task.id?.uuidString, unitID: task.unitID,
            summary: "Tải tệp minh chứng \(evidence.fileName)", on: db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: evidence.kind.contentType)
        let safeName = VietnameseText.fold(evidence.fileName).map {
            $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "-"
        }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(String(safeName))\"")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'")
        return Response(status: .ok, headers: headers, body: .init(data: evidence.content))
    }

    /// What a page or the API shows of an evidence file; its bytes stay in the database.
    struct EvidenceSummary: Content {
        var id: String
        var fileName: String
        var contentType: String
        var size: Int
    }

    /// The task's evidence files by progress entry, without their contents.
    static func evidenceByProgress(_ task: TaskModel, on db: Database) async throws -> [UUID: [EvidenceSummary]] {
        let rows = try await TaskEvidenceModel.query(on: db).filter(\.$task.$id == task.requireID())
            .field(\.$id).field(\.$progress.$id).field(\.$fileName).field(\.$kind).field(\.$size).all()
        var result: [UUID: [EvidenceSummary]] = [:]
        for row in rows {
            result[row.$progress.id, default: []].append(
                EvidenceSummary(
                    id: row.id?.uuidString ?? "", fileName: row.fileName,
                    contentType: row.kind.contentType, size: row.size))
        }
        return result
    }

    /// The evidence file, when the task is in the user's scope.
    static func evidence(id: UUID, task: TaskModel, on db: Database) async throws -> TaskEvidenceModel? {
        try await TaskEvidenceModel.query(on: db).filter(\.$id == id).filter(\.$task.$id == task.requireID()).first()
    }
}
