import Fluent
import Foundation
import TreEmCore
import Vapor

enum YearThemeDirectory {
    /// Every year's theme, oldest first.
    static func all(on db: Database) async throws -> [YearTheme] {
        try await YearThemeModel.query(on: db).sort(\.$year).all().map(\.value)
    }

    static func theme(year: Int, on db: Database) async throws -> YearTheme? {
        try await YearThemeModel.query(on: db).filter(\.$year == year).first()?.value
    }

    static func save(_ theme: YearTheme, by acting: Acting) async throws -> YearTheme {
        let text = VietnameseText.clean(theme.theme)
        guard !text.isEmpty else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Thiếu chủ đề của năm.", en: "The theme is missing."), field: "theme")
        }
        let value = YearTheme(
            year: theme.year, theme: text, slogans: theme.slogans.map(VietnameseText.clean).filter { !$0.isEmpty })
        let texts =
            [(text, Bilingual(vi: "Chủ đề", en: "Theme"), "theme")]
            + value.slogans.enumerated().map {
                ($1, Bilingual(vi: "Khẩu hiệu \($0 + 1)", en: "Slogan \($0 + 1)"), "slogans")
            }
        for (text, label, field) in texts {
            if let tooLong = TextLimit.line.problem(text, field: label) {
                throw UserFacingError(.badRequest, tooLong, field: field)
            }
        }
        try await acting.db.transaction { tx in
            let model =
                try await YearThemeModel.query(on: tx).filter(\.$year == value.year).first() ?? YearThemeModel(value)
            let fresh = YearThemeModel(value)
            model.theme = fresh.theme
            model.slogansJSON = fresh.slogansJSON
            try await model.save(on: tx)
            try await acting.audit(
                .yearThemeSaved, recordType: "year_theme", recordID: String(value.year),
                summary: "Chủ đề năm \(value.year): \(value.theme)", on: tx)
        }
        return value
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension YearTheme: Content {}
extension ImportedPlan: Content {}
