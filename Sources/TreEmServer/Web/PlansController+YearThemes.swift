import Fluent
import TreEmCore
import Vapor

/// The year library of Action Month themes and slogans.
extension PlansController {
    struct ThemesView: Encodable {
        var themes: [YearTheme]
        var canEdit: Bool
        var nextYear: Int
        var error: String?
    }

    @Sendable func yearThemes(req: Request) async throws -> Response {
        try await renderThemes(req, error: nil)
    }

    private func renderThemes(_ req: Request, error: UserFacingError?) async throws -> Response {
        let themes = try await YearThemeDirectory.all(on: req.db).reversed().map { $0 }
        return try await req.page(
            "year_themes", title: "themes_title",
            ThemesView(
                themes: themes, canEdit: try req.currentUser.setsYearThemes,
                nextYear: (themes.map(\.year).max() ?? 2026) + 1,
                error: error?.message.text(req.language)), status: error?.status ?? .ok)
    }

    struct ThemeForm: Content {
        var year: String
        var theme: String
        var slogans: String?
    }

    @Sendable func saveYearTheme(req: Request) async throws -> Response {
        guard try req.currentUser.setsYearThemes else { throw Abort(.notFound) }
        let form = try req.content.decode(ThemeForm.self)
        do {
            guard let year = Int(VietnameseText.clean(form.year)), (2000...2100).contains(year) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(vi: "Năm \"\(form.year)\" không hợp lệ.", en: "Year \"\(form.year)\" is not valid."),
                    field: "year")
            }
            _ = try await YearThemeDirectory.save(
                YearTheme(year: year, theme: form.theme, slogans: PlanText.lines(form.slogans ?? "")),
                by: try req.acting)
            return req.redirect(to: "/year-themes")
        } catch let failure as UserFacingError {
            return try await renderThemes(req, error: failure)
        }
    }
}
