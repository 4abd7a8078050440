import Foundation

extension OpenAPIDocument {
    /// The document as JSON, built once from the operations and schemas.
    static let json: String = {
        var paths: [String: [String: Any]] = [:]
        for operation in operations + reportOperations {
            var responses: [String: Any] = [
                "404": [
                    "description": "Không có hoặc ngoài phạm vi — absent or out of scope",
                    "content": ["application/json": ["schema": ref("Error")]],
                ]
            ]
            if operation.response is NSNull {
                responses["204"] = ["description": "Xong — done"]
            } else {
                responses[
                    operation.responseStatus
                        ?? (operation.method == "post" && operation.path != "/api/v1/auth/token" ? "201" : "200")] =
                    ["description": "OK", "content": ["application/json": ["schema": operation.response]]]
            }
            if !operation.isPublic { responses["401"] = ["description": "Chưa đăng nhập — no valid token"] }
            var entry: [String: Any] = [
                "summary": operation.summary, "responses": responses, "parameters": operation.parameters,
            ]
            if let request = operation.request {
                entry["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(request)]]]
            }
            if operation.multipart {
                entry["requestBody"] = [
                    "required": true,
                    "content": [
                        "multipart/form-data": [
                            "schema": [
                                "type": "object", "properties": ["file": ["type": "string", "format": "binary"]],
                                "required": ["file"],
                            ]
                        ]
                    ],
                ]
            }
            if operation.isPublic { entry["security"] = [] as [Any] }
            paths[operation.path, default: [:]][operation.method] = entry
        }
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": [
                "title": "TreEm API", "version": "1.0.0",
                "description":
                    "Hệ thống thông tin công tác trẻ em — children's work information system. Bearer tokens from POST /api/v1/auth/token.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": [] as [Any]]],
            "paths": paths,
            "components": [
                "schemas": schemas.merging(reportSchemas) { current, _ in current },
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }()
}
