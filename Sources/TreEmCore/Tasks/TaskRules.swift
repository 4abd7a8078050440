/// Trạng thái nhiệm vụ. "Overdue" is not a status: it is derived from the due date.
public enum TaskStatus: String, CaseIterable, Codable, Sendable {
    case notStarted
    case inProgress
    case done
    case cancelled

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.notStarted, .vi): "Chưa thực hiện"
        case (.inProgress, .vi): "Đang thực hiện"
        case (.done, .vi): "Đã hoàn thành"
        case (.cancelled, .vi): "Đã hủy"
        case (.notStarted, .en): "Not started"
        case (.inProgress, .en): "In progress"
        case (.done, .en): "Done"
        case (.cancelled, .en): "Cancelled"
        }
    }

    /// Moves that make sense: forward, or a finished task reopened. Never back to "not
    /// started" once work was recorded, and a cancelled task stays cancelled.
    public func canMove(to next: TaskStatus) -> Bool {
        switch (self, next) {
        case (.notStarted, .inProgress), (.notStarted, .done), (.notStarted, .cancelled),
            (.inProgress, .done), (.inProgress, .cancelled),
            (.done, .inProgress):
            true
        default:
            false
        }
    }

    public var isOpen: Bool { self == .notStarted || self == .inProgress }
}

public enum TaskRules {
    /// The due date of a task: its own when its text states one ("trước ngày 01/7/2024",
    /// "vào ngày 01/6/2026", "trước 10/7"), else the plan's reporting deadline, else the end
    /// of the plan's period.
    public static func dueDate(
        taskText: String, planYear: Int, reportingDeadline: CalendarDay?,
        periodEnd: CalendarDay?
    ) -> CalendarDay? {
        ownDate(in: taskText, planYear: planYear) ?? reportingDeadline ?? periodEnd
    }

    /// A date the task's own text sets, introduced by "trước", "vào", "hạn", "chậm nhất" or "xong".
    public static func ownDate(in text: String, planYear: Int) -> CalendarDay? {
        let folded = VietnameseText.fold(text)
        for marker in ["truoc ngay ", "vao ngay ", "truoc ", "han ", "cham nhat ngay ", "cham nhat ", "xong truoc "] {
            var searchStart = folded.startIndex
            while let range = folded.range(of: marker, range: searchStart..<folded.endIndex) {
                searchStart = range.upperBound
                let rest = folded[range.upperBound...]
                let token = rest.prefix { $0.isNumber || $0 == "/" }
                let parts = token.split(separator: "/").compactMap { Int($0) }
                guard parts.count >= 2 else { continue }
                let year = parts.count >= 3 ? parts[2] : planYear
                if let day = CalendarDay(year: year, month: parts[1], day: parts[0]) { return day }
            }
        }
        return nil
    }

    public static func isOverdue(due: CalendarDay?, status: TaskStatus, today: CalendarDay) -> Bool {
        guard let due, status.isOpen else { return false }
        return today > due
    }

    /// How the tasks derived from one parent task stand.
    public struct Rollup: Codable, Equatable, Sendable {
        public var derived: Int
        public var done: Int
        public var overdue: Int
        /// Units below that have not derived the plan at all.
        public var missingUnits: Int

        public init(derived: Int, done: Int, overdue: Int, missingUnits: Int) {
            self.derived = derived
            self.done = done
            self.overdue = overdue
            self.missingUnits = missingUnits
        }
    }

    public static func rollup(
        of derived: [(status: TaskStatus, due: CalendarDay?)], missingUnits: Int, today: CalendarDay
    ) -> Rollup {
        Rollup(
            derived: derived.count, done: derived.filter { $0.status == .done }.count,
            overdue: derived.filter { isOverdue(due: $0.due, status: $0.status, today: today) }.count,
            missingUnits: missingUnits)
    }
}
