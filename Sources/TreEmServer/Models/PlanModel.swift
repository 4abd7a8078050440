import Fluent
import Foundation
import TreEmCore

/// A plan and its document. The document is stored whole as JSON (it is one official text);
/// the columns beside it are what lists, access checks and the cascade query on.
final class PlanModel: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "issuer_unit_id") var issuer: UnitModel
    @Field(key: "status") var status: PlanStatus
    @Field(key: "kind") var kind: PlanKind
    @Field(key: "year") var year: Int
    @OptionalField(key: "number") var number: String?
    @Field(key: "title") var title: String
    @OptionalField(key: "issued_on") var issuedOn: String?
    /// The plan this one implements (derived from).
    @OptionalParent(key: "parent_plan_id") var parentPlan: PlanModel?
    /// The issued plan this version corrects.
    @OptionalParent(key: "supersedes_id") var supersedes: PlanModel?
    @Field(key: "version") var version: Int
    /// A plan of another body, kept by `issuer` (the unit that received it) to derive from.
    @Field(key: "is_external") var isExternal: Bool
    @Field(key: "document") var documentJSON: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(issuerUnitID: UUID, document: PlanDocument, createdBy: UUID?) throws {
        $issuer.id = issuerUnitID
        status = .draft
        version = 1
        isExternal = false
        self.createdBy = createdBy
        try setDocument(document)
    }

    func document() throws -> PlanDocument {
        try JSONDecoder().decode(PlanDocument.self, from: Data(documentJSON.utf8))
    }

    func setDocument(_ document: PlanDocument) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        documentJSON = String(decoding: try encoder.encode(document), as: UTF8.self)
        kind = document.kind
        year = document.year
        number = document.number.flatMap { $0.isEmpty ? nil : $0 }
        title = document.title
        issuedOn = document.issueDate.calendarDay?.iso
    }
}

/// Chủ đề, khẩu hiệu của một năm.
final class YearThemeModel: Model, @unchecked Sendable {
    static let schema = "year_themes"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "theme") var theme: String
    @Field(key: "slogans") var slogansJSON: String

    init() {}

    init(_ theme: YearTheme) {
        year = theme.year
        self.theme = theme.theme
        slogansJSON = String(decoding: (try? JSONEncoder().encode(theme.slogans)) ?? Data("[]".utf8), as: UTF8.self)
    }

    var value: YearTheme {
        YearTheme(
            year: year, theme: theme,
            slogans: (try? JSONDecoder().decode([String].self, from: Data(slogansJSON.utf8))) ?? [])
    }
}
