import Foundation
import Testing

@testable import TreEmCore

@Suite("Task rules")
struct TaskRuleTests {
    @Test("Due dates from the seeds' phrasing, else the reporting deadline, else the period's end")
    func dueDates() {
        let report = CalendarDay(iso: "2024-07-20")!
        let end = CalendarDay(iso: "2024-06-30")!
        #expect(
            TaskRules.dueDate(
                taskText: "Báo cáo kết quả trước ngày 01/7/2024.", planYear: 2024, reportingDeadline: report,
                periodEnd: end)?.iso == "2024-07-01")
        #expect(
            TaskRules.dueDate(
                taskText: "Tổ chức Lễ phát động vào ngày 01/6/2026 tại hội trường.", planYear: 2026,
                reportingDeadline: nil, periodEnd: nil)?.iso == "2026-06-01")
        #expect(
            TaskRules.dueDate(
                taskText: "Gửi danh sách trước 10/7.", planYear: 2024, reportingDeadline: report, periodEnd: end)?.iso
                == "2024-07-10")
        #expect(
            TaskRules.dueDate(
                taskText: "Tuyên truyền trước khi nghỉ hè.", planYear: 2024, reportingDeadline: report, periodEnd: end)
                == report)
        #expect(
            TaskRules.dueDate(taskText: "Tuyên truyền.", planYear: 2024, reportingDeadline: nil, periodEnd: end) == end)
    }

    @Test("Status moves: forward or reopened, never back to not started, cancelled stays cancelled")
    func statuses() {
        #expect(TaskStatus.notStarted.canMove(to: .inProgress))
        #expect(TaskStatus.inProgress.canMove(to: .done))
        #expect(TaskStatus.done.canMove(to: .inProgress))
        #expect(!TaskStatus.done.canMove(to: .notStarted))
        #expect(!TaskStatus.cancelled.canMove(to: .inProgress))
        let today = CalendarDay(iso: "2026-07-11")!
        #expect(TaskRules.isOverdue(due: CalendarDay(iso: "2026-07-10"), status: .inProgress, today: today))
        #expect(!TaskRules.isOverdue(due: CalendarDay(iso: "2026-07-10"), status: .done, today: today))
        #expect(!TaskRules.isOverdue(due: CalendarDay(iso: "2026-07-11"), status: .notStarted, today: today))
    }
}
