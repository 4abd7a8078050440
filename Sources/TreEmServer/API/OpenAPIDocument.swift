import Foundation

/// The OpenAPI 3 description of `/api/v1`, served at `/api/v1/openapi.json`. A test checks that
/// every registered API route is described here, so the two cannot drift apart.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var request: String? = nil
        var response: Any
        var parameters: [[String: Any]] = []
        var isPublic = false
        /// The success status; by default 201 for POST, 200 otherwise.
        var responseStatus: String? = nil
        /// The body is a multipart form with a `file` field.
        var multipart = false
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ name: String) -> [String: Any] { ["type": "array", "items": ref(name)] }
    static var asOf: [String: Any] {
        [
            "name": "asOf", "in": "query", "required": false,
            "description": "Ngày xem (YYYY-MM-DD), mặc định hôm nay — the day to view the hierarchy as of",
            "schema": ["type": "string", "format": "date"],
        ]
    }
    static func pathParam(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": ["type": "string"]]
    }

    static var operations: [Operation] {
        [
            Operation(
                method: "post", path: "/api/v1/auth/token",
                summary: "Đăng nhập, nhận mã truy cập — sign in, get a bearer token",
                request: "TokenRequest", response: ref("TokenResponse"), isPublic: true),
            Operation(
                method: "delete", path: "/api/v1/auth/token", summary: "Thu hồi mã đang dùng — revoke the token in use",
                response: NSNull()),
            Operation(
                method: "get", path: "/api/v1/openapi.json", summary: "Tài liệu này — this document",
                response: ["type": "object"], isPublic: true),
            Operation(
                method: "get", path: "/api/v1/me", summary: "Người dùng hiện tại — the signed-in user",
                response: ref("Me")),
            Operation(
                method: "post", path: "/api/v1/me/password", summary: "Đổi mật khẩu — change one's own password",
                request: "PasswordChange", response: NSNull()),
            Operation(
                method: "get", path: "/api/v1/units",
                summary:
                    "Đơn vị trong phạm vi tại một ngày, theo cấp; tất cả, hoặc từng trang khi có limit — units in scope as of a day, by level; all of them, or a page with its total when limit is given",
                response: ["oneOf": [array("Unit"), ref("UnitPage")]],
                parameters: [
                    asOf,
                    [
                        "name": "level", "in": "query", "required": false,
                        "schema": ["type": "string", "enum": ["province", "district", "commune", "village"]],
                    ],
                    [
                        "name": "limit", "in": "query", "required": false,
                        "description": "Số đơn vị mỗi trang (1–1000) — units per page",
                        "schema": ["type": "integer", "minimum": 1, "maximum": 1000],
                    ],
                    [
                        "name": "offset", "in": "query", "required": false,
                        "description": "Bỏ qua bao nhiêu đơn vị (theo mã) — units to skip, in code order",
                        "schema": ["type": "integer", "minimum": 0],
                    ],
                ]),
            Operation(
                method: "get", path: "/api/v1/units/{code}",
                summary:
                    "Một đơn vị với các đơn vị tiền thân và kế thừa — one unit (the version valid on asOf, else the latest) with its predecessors and successors",
                response: ref("UnitDetail"), parameters: [pathParam("code", "Mã đơn vị (GSO) — unit code"), asOf]),
            Operation(
                method: "get", path: "/api/v1/units/{code}/agencies",
                summary: "Cơ quan của đơn vị — the unit's agencies",
                response: array("Agency"), parameters: [pathParam("code", "Mã đơn vị — unit code"), asOf]),
            Operation(
                method: "post", path: "/api/v1/units/{code}/agencies",
                summary: "Thêm cơ quan (quản trị) — add an agency (administrators)",
                request: "AgencyInput", response: ref("Agency"),
                parameters: [pathParam("code", "Mã đơn vị — unit code")]),
            Operation(
                method: "get", path: "/api/v1/agencies/{id}", summary: "Một cơ quan — one agency",
                response: ref("Agency"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "patch", path: "/api/v1/agencies/{id}",
                summary: "Sửa cơ quan (quản trị) — change an agency (administrators)",
                request: "AgencyInput", response: ref("Agency"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "get", path: "/api/v1/users",
                summary: "Người dùng trong phạm vi (quản trị) — users in scope (administrators)",
                response: array("User")),
            Operation(
                method: "post", path: "/api/v1/users",
                summary: "Tạo người dùng, trả mật khẩu dùng một lần — create a user; returns a one-time password",
                request: "UserInput", response: ref("CreatedUser")),
            Operation(
                method: "get", path: "/api/v1/users/{id}",
                summary: "Một người dùng (quản trị) — one user (administrators)",
                response: ref("User"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "patch", path: "/api/v1/users/{id}",
                summary: "Sửa vai trò, đơn vị, trạng thái — change role, unit, status (never one's own)",
                request: "UserInput", response: ref("User"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "get", path: "/api/v1/audit",
                summary: "Nhật ký (quản trị), mới nhất trước — audit log (administrators), newest first",
                response: array("AuditEntry"),
                parameters: ["action", "user", "from", "to", "record", "before"].map {
                    ["name": $0, "in": "query", "required": false, "schema": ["type": "string"]]
                }),
            Operation(
                method: "get", path: "/api/v1/plans", summary: "Kế hoạch được xem — plans the caller may read",
                response: array("PlanSummary")),
            Operation(
                method: "post", path: "/api/v1/plans", summary: "Lập dự thảo kế hoạch — create a draft plan",
                request: "PlanCreate", response: ref("Plan")),
            Operation(
                method: "get", path: "/api/v1/plans/{id}",
                summary: "Một kế hoạch, kế hoạch cấp dưới và đơn vị chưa xây dựng — a plan with its derived plans",
                response: ref("Plan"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "put", path: "/api/v1/plans/{id}",
                summary: "Sửa dự thảo — change a draft (an issued plan is immutable)",
                request: "PlanUpdate", response: ref("Plan"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "post", path: "/api/v1/plans/{id}/issue",
                summary: "Ban hành (cần số, ngày, người ký) — issue: number, full date and signer required",
                request: "PlanIssue", response: ref("Plan"), parameters: [pathParam("id", "UUID")],
                responseStatus: "200"),
            Operation(
                method: "post", path: "/api/v1/plans/{id}/derive",
                summary: "Xây dựng kế hoạch cho đơn vị cấp dưới — derive a lower unit's draft",
                request: "PlanDerive", response: ref("Plan"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "post", path: "/api/v1/plans/{id}/supersede",
                summary: "Tạo phiên bản thay thế — start a superseding version",
                response: ref("Plan"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "post", path: "/api/v1/plans/{id}/withdraw", summary: "Thu hồi — withdraw an issued plan",
                response: ref("Plan"), parameters: [pathParam("id", "UUID")], responseStatus: "200"),
            Operation(
                method: "get", path: "/api/v1/plans/{id}/document",
                summary: "Văn bản (Nghị định 30/2020) — the official document",
                response: ["type": "string", "format": "binary"],
                parameters: [
                    pathParam("id", "UUID"),
                    [
                        "name": "format", "in": "query", "required": false,
                        "schema": ["type": "string", "enum": ["docx", "html", "md"]],
                    ],
                ]),
            Operation(
                method: "post", path: "/api/v1/plans/import",
                summary:
                    "Đọc văn bản kế hoạch (.txt, .md, .docx, .pdf; multipart, trường file); ?save=true để lưu — read a plan document; save=true stores it",
                request: nil, response: ref("ImportResult"),
                parameters: [
                    ["name": "save", "in": "query", "required": false, "schema": ["type": "boolean"]],
                    ["name": "unitCode", "in": "query", "required": false, "schema": ["type": "string"]],
                ],
                responseStatus: "200", multipart: true),
            Operation(
                method: "get", path: "/api/v1/tasks",
                summary: "Nhiệm vụ trong phạm vi, quá hạn trước — tasks in scope, overdue first",
                response: array("Task"),
                parameters: ["agency", "status", "dueBefore", "plan", "mine"].map {
                    [
                        "name": $0, "in": "query", "required": false,
                        "schema": ["type": $0 == "mine" ? "boolean" : "string"],
                    ]
                }),
            Operation(
                method: "get", path: "/api/v1/tasks/{id}",
                summary: "Một nhiệm vụ, tiến độ và tổng hợp từ cấp dưới — a task, its progress and roll-up",
                response: ref("TaskDetail"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "post", path: "/api/v1/tasks/{id}/progress",
                summary:
                    "Ghi tiến độ, đổi trạng thái (thành viên cơ quan, cán bộ đơn vị ban hành) — record progress, change status",
                request: "ProgressInput", response: ref("TaskDetail"), parameters: [pathParam("id", "UUID")]),
            Operation(
                method: "get", path: "/api/v1/tasks/{id}/evidence/{evidence}",
                summary:
                    "Tải tệp minh chứng (luôn là tệp đính kèm) — download an evidence file (always as an attachment)",
                response: ["type": "string", "format": "binary"],
                parameters: [pathParam("id", "UUID"), pathParam("evidence", "UUID")]),
            Operation(
                method: "get", path: "/api/v1/notifications",
                summary: "Thông báo của tôi, mới nhất trước — my notifications, newest first",
                response: array("Notification")),
            Operation(
                method: "post", path: "/api/v1/notifications/read",
                summary: "Đánh dấu tất cả đã đọc — mark all as read", response: NSNull()),
            Operation(
                method: "get", path: "/api/v1/year-themes", summary: "Chủ đề, khẩu hiệu từng năm — the year library",
                response: array("YearTheme")),
            Operation(
                method: "put", path: "/api/v1/year-themes/{year}",
                summary: "Thêm, sửa chủ đề năm (quản trị hệ thống) — set a year's theme",
                request: "YearThemeInput", response: ref("YearTheme"), parameters: [pathParam("year", "2027")],
                responseStatus: "200"),
        ]
    }

    static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }
    static var string: [String: Any] { ["type": "string"] }
    static var nullableString: [String: Any] { ["type": "string", "nullable": true] }
    static var bool: [String: Any] { ["type": "boolean"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var date: [String: Any] { ["type": "string", "format": "date"] }
    static var strings: [String: Any] { ["type": "array", "items": ["type": "string"]] }
    private static var planStatus: [String: Any] {
        ["type": "string", "enum": ["draft", "issued", "superseded", "withdrawn"]]
    }
    private static var taskStatus: [String: Any] {
        ["type": "string", "enum": ["notStarted", "inProgress", "done", "cancelled"]]
    }
    static var planKind: [String: Any] { ["type": "string", "enum": ["annualChildWork", "actionMonth", "other"]] }

    static var schemas: [String: Any] {
        [
            "TokenRequest": object(["username": string, "password": string], required: ["username", "password"]),
            "TokenResponse": object(
                ["token": string, "mustChangePassword": bool, "idleTimeoutSeconds": ["type": "integer"]],
                required: ["token", "mustChangePassword"]),
            "PasswordChange": object(
                ["currentPassword": string, "newPassword": string], required: ["currentPassword", "newPassword"]),
            "UnitPage": object(
                ["total": integer, "limit": integer, "offset": integer, "units": array("Unit")],
                required: ["total", "limit", "offset", "units"]),
            "Succession": object(
                [
                    "code": string, "name": string, "level": string,
                    "validFrom": ["type": "string", "format": "date", "nullable": true],
                    "validTo": ["type": "string", "format": "date", "nullable": true],
                    "effectiveOn": ["type": "string", "format": "date"],
                    "isDefault": [
                        "type": "boolean",
                        "description":
                            "false: đơn vị bị chia, số liệu tính ở đơn vị kế thừa mặc định khác — a divided unit counted under another successor",
                    ],
                ], required: ["code", "name", "level", "effectiveOn", "isDefault"]),
            "UnitDetail": object(
                [
                    "code": string, "name": string,
                    "level": ["type": "string", "enum": ["province", "district", "commune", "village"]],
                    "parentCode": nullableString,
                    "validFrom": ["type": "string", "format": "date", "nullable": true],
                    "validTo": ["type": "string", "format": "date", "nullable": true],
                    "predecessors": array("Succession"), "successors": array("Succession"),
                ], required: ["code", "name", "level", "predecessors", "successors"]),
            "Unit": object(
                [
                    "code": string, "name": string,
                    "level": ["type": "string", "enum": ["province", "district", "commune", "village"]],
                    "parentCode": nullableString,
                    "validFrom": ["type": "string", "format": "date", "nullable": true],
                    "validTo": ["type": "string", "format": "date", "nullable": true],
                ], required: ["code", "name", "level"]),
            "Agency": object(
                [
                    "id": string, "unitCode": string, "name": string, "kind": string, "kindLabel": string,
                    "isMassOrganisation": bool, "isActive": bool,
                ], required: ["id", "unitCode", "name", "kind"]),
            "AgencyInput": object(["name": string, "kind": string, "isActive": bool], required: ["name", "kind"]),
            "Me": object(
                [
                    "id": string, "username": string, "displayName": string, "role": string,
                    "unit": ref("Unit"), "agencyID": nullableString, "mustChangePassword": bool,
                ],
                required: ["id", "username", "role"]),
            "User": object(
                [
                    "id": string, "username": string, "displayName": string, "email": nullableString,
                    "role": [
                        "type": "string",
                        "enum": ["systemAdministrator", "unitAdministrator", "officer", "agencyMember", "viewer"],
                    ],
                    "unitCode": nullableString, "agencyID": nullableString, "isActive": bool,
                    "mustChangePassword": bool,
                ],
                required: ["id", "username", "role"]),
            "UserInput": object(
                [
                    "username": string, "displayName": string, "email": string, "role": string, "unitCode": string,
                    "agencyID": string, "isActive": bool,
                ], required: []),
            "CreatedUser": object(
                ["user": ref("User"), "oneTimePassword": string], required: ["user", "oneTimePassword"]),
            "AuditEntry": object(
                [
                    "id": string, "occurredAt": string, "actor": string, "action": string,
                    "recordType": nullableString, "recordID": nullableString, "summary": string, "address": string,
                ],
                required: ["id", "occurredAt", "actor", "action"]),
            "PlanSummary": object(
                [
                    "id": string, "status": planStatus, "kind": planKind, "year": ["type": "integer"],
                    "number": nullableString, "title": string, "issuerUnitCode": string, "issuerUnitName": string,
                    "parentPlanID": nullableString, "version": ["type": "integer"],
                ], required: ["id", "status", "title"]),
            "Plan": object(
                [
                    "id": string, "status": planStatus, "version": ["type": "integer"], "issuerUnitCode": string,
                    "parentPlanID": nullableString, "supersedesID": nullableString, "canEdit": bool, "isExternal": bool,
                    "document": ref("PlanDocument"), "derivedPlans": array("PlanSummary"),
                    "unitsWithoutDerivedPlan": ["type": "array", "items": string],
                ], required: ["id", "status", "document"]),
            "PlanCreate": object(
                [
                    "unitCode": string, "document": ref("PlanDocument"),
                    "external": [
                        "type": "boolean",
                        "description":
                            "Kế hoạch của cơ quan khác, lưu để xây dựng kế hoạch thực hiện — another body's plan, kept to derive from",
                    ],
                ],
                required: ["document"]),
            "PlanUpdate": object(["document": ref("PlanDocument")], required: ["document"]),
            "PlanIssue": object(["number": string, "issueDate": date, "signerName": string], required: []),
            "PlanDerive": object(["unitCode": string, "leadDays": ["type": "integer", "default": 10]], required: []),
            "YearTheme": object(
                ["year": ["type": "integer"], "theme": string, "slogans": ["type": "array", "items": string]],
                required: ["year", "theme"]),
            "YearThemeInput": object(
                ["theme": string, "slogans": ["type": "array", "items": string]], required: ["theme"]),
            "PlanDocument": object(
                [
                    "kind": planKind, "superiorName": nullableString, "issuerName": string, "number": nullableString,
                    "place": string,
                    "issueDate": object(
                        ["year": ["type": "integer"], "month": ["type": "integer"], "day": ["type": "integer"]],
                        required: ["year"]),
                    "title": string,
                    "bases": [
                        "type": "array",
                        "items": object(["text": string, "planID": nullableString], required: ["text"]),
                    ],
                    "preamble": nullableString,
                    "purposes": strings, "requirements": strings,
                    "targets": [
                        "type": "array",
                        "items": object(
                            ["text": string, "value": ["type": "number"], "unit": string], required: ["text"]),
                    ],
                    "theme": nullableString,
                    "period": object(["start": date, "end": date], required: ["start", "end"]),
                    "scope": nullableString,
                    "sections": ["type": "array", "items": ref("ContentNode")],
                    "funding": [
                        "type": "array",
                        "items": object(
                            [
                                "source": ["type": "string", "enum": ["stateBudget", "mobilized", "other"]],
                                "text": string, "amount": ["type": "integer"],
                            ], required: ["source", "text"]),
                    ],
                    "assignments": [
                        "type": "array",
                        "items": object(
                            [
                                "agencyID": nullableString, "agencyName": string, "agencyKind": nullableString,
                                "role": ["type": "string", "enum": ["lead", "coordinate"]],
                                "mode": ["type": "string", "enum": ["assign", "request"]],
                                "tasks": [
                                    "type": "array",
                                    "items": object(
                                        [
                                            "id": string, "text": string, "derivedFromTaskID": nullableString,
                                            "dueDate": date,
                                        ], required: ["id", "text"]),
                                ],
                            ], required: ["agencyName", "role", "mode", "tasks"]),
                    ],
                    "reporting": object(
                        ["deadline": date, "reportTo": string, "via": nullableString, "text": nullableString],
                        required: ["deadline", "reportTo"]),
                    "closing": nullableString, "recipients": strings,
                    "signature": object(
                        [
                            "onBehalfOf": nullableString,
                            "authority": [
                                "type": "string", "enum": ["direct", "deputy", "acting", "byOrder", "byAuthorisation"],
                            ],
                            "headTitle": nullableString, "position": string, "name": string,
                        ], required: ["authority", "position", "name"]),
                    "appendices": [
                        "type": "array",
                        "items": object(["title": string, "items": strings], required: ["title", "items"]),
                    ],
                ],
                required: [
                    "kind", "issuerName", "place", "issueDate", "title", "bases", "purposes", "requirements", "targets",
                    "sections", "funding", "assignments", "recipients", "appendices",
                ]),
            "ImportResult": object(
                [
                    "plan": [
                        "type": "object", "description": "Dạng chuẩn, docs/IMPORT-FORMAT.md — the canonical form",
                    ],
                    "trace": [
                        "type": "array",
                        "items": object(
                            ["part": string, "firstLine": ["type": "integer"], "lastLine": ["type": "integer"]],
                            required: ["part", "firstLine", "lastLine"]),
                    ],
                    "saved": ref("Plan"),
                ], required: ["plan", "trace"]),
            "Task": object(
                [
                    "id": string, "planID": string, "planTitle": string, "planNumber": nullableString,
                    "agencyID": nullableString,
                    "agencyName": string, "role": ["type": "string", "enum": ["lead", "coordinate"]],
                    "mode": ["type": "string", "enum": ["assign", "request"]], "text": string, "dueOn": date,
                    "status": taskStatus, "overdue": bool, "cancelReason": nullableString,
                    "derivedFromPlanTaskID": nullableString,
                    "canUpdate": bool,
                ], required: ["id", "planID", "agencyName", "text", "status", "overdue"]),
            "TaskDetail": object(
                [
                    "task": ref("Task"),
                    "progress": [
                        "type": "array",
                        "items": object(
                            [
                                "recordedAt": ["type": "string", "format": "date-time"], "author": string,
                                "text": string,
                                "childrenReached": ["type": "integer"], "amountSpent": ["type": "integer"],
                                "statusFrom": nullableString, "statusTo": nullableString,
                                "evidence": [
                                    "type": "array",
                                    "items": object(
                                        [
                                            "id": string, "fileName": string, "contentType": string,
                                            "size": ["type": "integer"],
                                        ], required: ["id", "fileName"]),
                                ],
                            ],
                            required: ["recordedAt", "author", "text"]),
                    ],
                    "rollup": object(
                        [
                            "derived": ["type": "integer"], "done": ["type": "integer"], "overdue": ["type": "integer"],
                            "missingUnits": ["type": "integer"],
                        ], required: ["derived", "done", "overdue", "missingUnits"]),
                ],
                required: ["task", "progress", "rollup"]),
            "ProgressInput": object(
                [
                    "text": string, "childrenReached": ["type": "integer"], "amountSpent": ["type": "integer"],
                    "status": taskStatus, "cancelReason": string,
                    "evidence": [
                        "type": "array", "description": "PNG, JPEG, PDF, DOCX, XLSX; 10 MB each",
                        "items": object(
                            ["filename": string, "data": ["type": "string", "format": "byte"]],
                            required: ["filename", "data"]),
                    ],
                ], required: ["text"]),
            "Notification": object(
                [
                    "id": string, "kind": ["type": "string", "enum": ["assigned", "dueSoon", "overdue"]],
                    "kindLabel": string, "text": string,
                    "link": string, "createdAt": ["type": "string", "format": "date-time"], "read": bool,
                ],
                required: ["id", "kind", "text", "link", "read"]),
            "ContentNode": object(
                [
                    "kind": ["type": "string", "enum": ["heading", "paragraph", "bullet"]], "text": string,
                    "children": ["type": "array", "items": ["$ref": "#/components/schemas/ContentNode"]],
                ],
                required: ["kind", "text", "children"]),
            "Error": object(
                [
                    "error": object(
                        [
                            "status": ["type": "integer"], "message": string, "messageEn": string,
                            "field": nullableString, "problems": ["type": "array", "items": string],
                        ],
                        required: ["status", "message"])
                ], required: ["error"]),
        ]
    }
}
