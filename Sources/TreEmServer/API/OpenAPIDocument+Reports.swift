import Foundation
import TreEmCore

/// The reporting part of the API document: forms, rounds, reports and live aggregates.
extension OpenAPIDocument {
    static var reportOperations: [Operation] {
        let id = pathParam("id", "UUID")
        let unitQuery: [String: Any] = [
            "name": "unit", "in": "query", "required": false,
            "description": "Mã đơn vị xem (mặc định đơn vị của mình) — unit code to view from (default: one's own)",
            "schema": ["type": "string"],
        ]
        let roundQuery: [String: Any] = [
            "name": "round", "in": "query", "required": true, "description": "UUID của đợt báo cáo — round id",
            "schema": ["type": "string"],
        ]
        return [
            Operation(
                method: "get", path: "/api/v1/forms",
                summary: "Biểu mẫu báo cáo và chỉ tiêu — report forms and their indicators",
                response: array("ReportFormEntry")),
            Operation(
                method: "post", path: "/api/v1/forms",
                summary: "Thêm biểu mẫu (quản trị hệ thống) — add a form (system administrators)",
                request: "ReportForm", response: ref("ReportFormEntry")),
            Operation(
                method: "get", path: "/api/v1/rounds",
                summary: "Đợt báo cáo có đơn vị trong phạm vi — rounds in which units in scope report",
                response: array("Round")),
            Operation(
                method: "post", path: "/api/v1/rounds",
                summary:
                    "Mở đợt báo cáo từ chế độ báo cáo của kế hoạch đã ban hành — open the round of an issued plan's reporting requirement",
                request: "RoundOpen", response: ref("Round")),
            Operation(
                method: "get", path: "/api/v1/rounds/{id}",
                summary:
                    "Đợt báo cáo: đủ, đúng hạn, thiếu ở cấp đang xem — a round's completeness and timeliness below a unit",
                response: ref("RoundDetail"), parameters: [id, unitQuery]),
            Operation(
                method: "post", path: "/api/v1/rounds/{id}/remind",
                summary: "Nhắc các đơn vị chưa gửi báo cáo — remind the units whose reports are missing",
                response: ref("Reminded"), parameters: [id, unitQuery], responseStatus: "200"),
            Operation(
                method: "get", path: "/api/v1/reports",
                summary: "Báo cáo của một đợt trong phạm vi — a round's reports in scope",
                response: array("ReportSummary"), parameters: [roundQuery]),
            Operation(
                method: "get", path: "/api/v1/reports/{id}",
                summary: "Một báo cáo: số liệu, nội dung, cảnh báo — a report with its figures, narrative and problems",
                response: ref("Report"), parameters: [id]),
            Operation(
                method: "put", path: "/api/v1/reports/{id}/values",
                summary:
                    "Lưu nháp số liệu (version: 409 nếu người khác vừa lưu) — save draft figures (version: 409 if someone saved meanwhile)",
                request: "ReportValues", response: ref("Report"), parameters: [id]),
            Operation(
                method: "post", path: "/api/v1/reports/{id}/submit",
                summary:
                    "Gửi báo cáo lên cấp trên (partial: số liệu chưa đầy đủ) — submit (partial: before every lower unit is approved)",
                request: "ReportSubmit", response: ref("Report"), parameters: [id], responseStatus: "200"),
            Operation(
                method: "post", path: "/api/v1/reports/{id}/approve",
                summary:
                    "Duyệt, khóa số liệu (cấp nhận báo cáo; không tự duyệt) — approve and lock (the receiving level; never one's own)",
                response: ref("Report"), parameters: [id], responseStatus: "200"),
            Operation(
                method: "post", path: "/api/v1/reports/{id}/return",
                summary: "Trả lại kèm ý kiến — return with a comment",
                request: "ReportReturn", response: ref("Report"), parameters: [id], responseStatus: "200"),
            Operation(
                method: "post", path: "/api/v1/reports/{id}/reopen",
                summary:
                    "Mở lại báo cáo đã duyệt để sửa, kèm lý do (số liệu thôi được cộng lên cấp trên cho đến khi gửi lại) — reopen an approved report with a reason",
                request: "ReportReopen", response: ref("Report"), parameters: [id], responseStatus: "200"),
            Operation(
                method: "get", path: "/api/v1/aggregates",
                summary:
                    "Tổng hợp trực tiếp từ số liệu đã gửi, theo đơn vị hành chính tại ngày asOf (đơn vị sáp nhập cộng vào đơn vị kế thừa) — live totals as of a day; merged units add to their successors",
                response: ref("Aggregate"), parameters: [roundQuery, unitQuery, asOf]),
        ]
    }

    static var reportSchemas: [String: Any] {
        let integer: [String: Any] = ["type": "integer"]
        let nullableNumber: [String: Any] = ["type": "number", "nullable": true]
        let parts: [String: Any] = [
            "type": "string", "enum": TreEmCore.IndicatorPart.allCases.map(\.rawValue),
            "description": "\"\" tổng số; male/female; age0_5/age6_10/age11_15",
        ]
        let value = object(
            ["indicator": string, "part": parts, "number": nullableNumber, "text": nullableString],
            required: ["indicator", "part"])
        let indicator = object(
            [
                "code": string, "name": string, "nameEnglish": nullableString, "unit": string,
                "type": ["type": "string", "enum": ["integer", "money", "decimal", "percent", "yesNo", "text"]],
                "aggregation": ["type": "string", "enum": ["sum", "average", "none"]],
                "breakdowns": ["type": "array", "items": ["type": "string", "enum": ["sex", "ageGroup"]]],
                "partOf": nullableString, "target": nullableNumber, "nationalName": nullableString,
                "ratio": [
                    "type": "object", "nullable": true, "properties": ["numerator": string, "denominator": string],
                ],
            ], required: ["code", "name", "unit", "type", "aggregation", "breakdowns"])
        let summary = object(
            [
                "id": string, "unitCode": string, "unitName": string, "reviewerUnitCode": nullableString,
                "depth": integer,
                "deadline": ["type": "string", "format": "date", "nullable": true],
                "status": ["type": "string", "enum": ["draft", "submitted", "returned", "approved"]],
                "timeliness": ["type": "string", "enum": ["onTime", "late", "pending", "overdue"]],
                "isPartial": bool, "submittedAt": ["type": "string", "format": "date-time", "nullable": true],
            ], required: ["id", "unitCode", "status", "timeliness"])
        let completeness = object(
            [
                "expected": integer, "submitted": integer, "approved": integer, "onTime": integer,
                "late": integer, "missing": integer, "overdue": integer,
            ], required: ["expected", "submitted"])
        return [
            "ReportForm": object(
                [
                    "code": string, "name": string, "nameEnglish": nullableString, "planKind": planKind,
                    "sections": [
                        "type": "array",
                        "items": object(
                            ["title": string, "indicators": ["type": "array", "items": indicator]],
                            required: ["title", "indicators"]),
                    ],
                ],
                required: ["code", "name", "sections"]),
            "ReportFormEntry": object(
                ["id": string, "builtIn": bool, "form": ref("ReportForm")], required: ["id", "form"]),
            "Round": object(
                [
                    "id": string, "title": string, "year": integer, "formCode": string, "formName": string,
                    "planID": nullableString,
                    "rootUnitCode": string, "rootUnitName": string, "asOf": date, "deadline": date,
                ],
                required: ["id", "title", "year", "formCode", "rootUnitCode", "asOf", "deadline"]),
            "RoundOpen": object(
                [
                    "planID": string, "formCode": nullableString, "deadline": date, "asOf": date,
                    "title": nullableString,
                ],
                required: ["planID"]),
            "RoundDetail": object(
                [
                    "round": ref("Round"), "unitCode": string, "completeness": completeness,
                    "reports": ["type": "array", "items": summary], "missing": ["type": "array", "items": summary],
                ],
                required: ["round", "completeness", "reports", "missing"]),
            "Reminded": object(
                ["reminded": integer, "units": strings, "alreadyRemindedToday": strings],
                required: ["reminded", "units", "alreadyRemindedToday"]),
            "ReportSummary": summary,
            "Report": object(
                [
                    "summary": summary, "roundID": string, "version": integer,
                    "values": ["type": "array", "items": value],
                    "results": string, "difficulties": string, "proposals": string, "explanation": string,
                    "returnComment": nullableString,
                    "problems": [
                        "type": "array",
                        "items": object(
                            [
                                "severity": ["type": "string", "enum": ["error", "warning"]], "indicator": string,
                                "part": parts, "message": string,
                            ], required: ["severity", "message"]),
                    ],
                    "canEdit": bool, "canReview": bool,
                ], required: ["summary", "version", "values", "problems"]),
            "ReportValues": object(
                [
                    "version": integer,
                    "values": [
                        "type": "array",
                        "items": object(
                            [
                                "indicator": string, "part": parts,
                                "value": [
                                    "description":
                                        "số, chữ như khi gõ (\"1.500.000\"), true/false, hoặc null để xóa — a number, text as typed, a boolean, or null to clear"
                                ],
                            ],
                            required: ["indicator", "value"]),
                    ],
                    "results": string, "difficulties": string, "proposals": string, "explanation": string,
                ], required: []),
            "ReportSubmit": object(["partial": bool, "explanation": string], required: []),
            "ReportReturn": object(["comment": string], required: ["comment"]),
            "ReportReopen": object(["reason": string], required: ["reason"]),
            "Aggregate": object(
                [
                    "round": ref("Round"), "asOf": date, "unitCode": nullableString, "unitName": string,
                    "figures": ["type": "array", "items": value],
                    "children": [
                        "type": "array",
                        "items": object(
                            ["unitCode": string, "unitName": string, "figures": ["type": "array", "items": value]],
                            required: ["unitCode", "figures"]),
                    ],
                ], required: ["round", "asOf", "figures", "children"]),
        ]
    }
}
