import Fluent
import TreEmCore
import Vapor

/// The unit tree "as of" a day, one level at a time with search, adding agencies, and the
/// unit-list import; the unit page itself is in UnitsController+UnitPage.swift.
struct UnitsController {
    func boot(routes: RoutesBuilder) {
        routes.get("units", use: tree)
        routes.get("units", "import", use: importPage)
        routes.post("units", "import", use: importFile)
        routes.get("units", ":code", use: show)
        routes.post("units", ":code", "agencies", use: addAgency)
        routes.get("units", ":code", "agency-options", use: agencyOptions)
    }

    /// `asOf` from the query, today in Vietnam otherwise; a bad date is an error that says so.
    static func day(_ req: Request) throws -> CalendarDay {
        guard let text: String = req.query["asOf"], !text.isEmpty else {
            return req.today
        }
        guard let day = CalendarDay(iso: text) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Ngày \"\(text)\" không hợp lệ; dùng dạng YYYY-MM-DD.",
                    en: "Date \"\(text)\" is not valid; use YYYY-MM-DD."), field: "asOf")
        }
        return day
    }

    struct Crumb: Encodable {
        var name: String
        var href: String
    }

    /// A unit and the level below it; without a unit, the top of the caller's scope.
    struct TreeSection: Encodable {
        var unit: UnitLevelRow?
        /// "từ 01/7/2025 đến nay".
        var validity: String?
        /// The unit asked for was not valid on the day: nothing below it is listed.
        var notValid: Bool
        /// "63 tỉnh, thành phố".
        var summary: String
        var rows: [UnitLevelRow]
    }

    struct SearchView: Encodable {
        /// "Hiển thị 50 trên 312 kết quả …", or that nothing was found.
        var summary: String
        var rows: [UnitLevelRow]
    }

    struct TreeView: Encodable {
        var asOf: String
        var asOfShown: String
        /// The search text as typed, and the unit being browsed, kept when the day changes.
        var query: String
        var parent: String?
        var canImport: Bool
        var crumbs: [Crumb]
        var sections: [TreeSection]
        var search: SearchView?
    }

    /// Search hits shown at most; the page says how many more there are.
    static let searchLimit = 50

    /// One level at a time, never the whole country: the top of the caller's scope (the
    /// provinces for a national user; their own unit and what lies directly below it for
    /// anyone else), the units below `parent`, or the units whose name contains `q`.
    @Sendable func tree(req: Request) async throws -> Response {
        let user = try req.currentUser
        let day = try Self.day(req)
        let language = req.language
        let typed: String? = req.query["q"]
        let query = String((typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        let parentParameter: String? = req.query["parent"]
        let parentCode = (parentParameter ?? "").trimmingCharacters(in: .whitespaces)
        var view = TreeView(
            asOf: day.iso, asOfShown: day.vietnameseShort, query: query, parent: parentCode.isEmpty ? nil : parentCode,
            canImport: user.administersSystem, crumbs: [], sections: [], search: nil)
        let top = Crumb(
            name: req.text(user.seesEverything ? "units_top_national" : "units_top_scope"),
            href: "/units?asOf=\(day.iso)")
        if !query.isEmpty {
            let found = try await UnitDirectory.search(
                query, asOf: day, for: user, limit: Self.searchLimit, on: req.db)
            let counts = try await UnitDirectory.childCounts(of: found.hits.compactMap(\.id), asOf: day, on: req.db)
            view.crumbs = [top]
            view.search = SearchView(
                summary: Self.searchSummary(query: query, shown: found.hits.count, total: found.total, language),
                rows: UnitTree.levelRows(
                    found.hits, counts: counts, asOf: day, language: language,
                    parentNames: found.parents.mapValues(\.name)))
        } else if !parentCode.isEmpty {
            guard
                let parent = try await UnitDirectory.unit(code: parentCode, asOf: day, for: user, on: req.db),
                let parentID = parent.id
            else { throw Abort(.notFound) }
            view.crumbs =
                [top]
                + (try await UnitDirectory.ancestors(of: parent, for: user, on: req.db)).map {
                    Crumb(name: $0.name, href: "/units?asOf=\(day.iso)&parent=\($0.code)")
                }
            let valid = parent.isValid(on: day)
            let children = valid ? try await UnitDirectory.children(of: [parentID], asOf: day, on: req.db) : []
            view.sections = [
                try await Self.section(
                    parent, children: children, valid: valid, day: day, language: language, on: req.db)
            ]
        } else if user.seesEverything {
            let provinces = try await UnitDirectory.topUnits(for: user, asOf: day, on: req.db)
            let counts = try await UnitDirectory.childCounts(of: provinces.compactMap(\.id), asOf: day, on: req.db)
            view.sections = [
                TreeSection(
                    unit: nil, validity: nil, notValid: false,
                    summary: Self.countPhrase(provinces, day: day, language),
                    rows: UnitTree.levelRows(provinces, counts: counts, asOf: day, language: language))
            ]
        } else {
            let roots = try await UnitDirectory.topUnits(for: user, asOf: day, on: req.db)
            let children = try await UnitDirectory.children(of: roots.compactMap(\.id), asOf: day, on: req.db)
            let byParent = Dictionary(grouping: children) { $0.$parent.id }
            let counts = try await UnitDirectory.childCounts(of: children.compactMap(\.id), asOf: day, on: req.db)
            for unit in UnitTree.ordered(roots) {
                view.sections.append(
                    Self.section(
                        unit, children: byParent[unit.id] ?? [], counts: counts, valid: true, day: day,
                        language: language))
            }
        }
        return try await req.page("units", title: "units_title", view)
    }

    static func section(
        _ unit: UnitModel, children: [UnitModel], valid: Bool, day: CalendarDay, language: Language,
        on db: Database
    ) async throws -> TreeSection {
        let counts = try await UnitDirectory.childCounts(of: children.compactMap(\.id), asOf: day, on: db)
        return section(unit, children: children, counts: counts, valid: valid, day: day, language: language)
    }

    static func section(
        _ unit: UnitModel, children: [UnitModel], counts: [UUID: Int], valid: Bool, day: CalendarDay,
        language: Language
    ) -> TreeSection {
        var heading = UnitTree.levelRows([unit], counts: [:], asOf: day, language: language)[0]
        heading.childCount = children.count
        return TreeSection(
            unit: heading, validity: validity(of: unit, language), notValid: !valid,
            summary: countPhrase(children, day: day, language),
            rows: UnitTree.levelRows(children, counts: counts, asOf: day, language: language))
    }

    /// "63 tỉnh, thành phố", "114 xã, phường, đặc khu", "3 thôn, tổ dân phố"; "0 đơn vị".
    static func countPhrase(_ units: [UnitModel], day: CalendarDay, _ language: Language) -> String {
        let levels = Set(units.map(\.level))
        let number = language == .vi ? VietnameseNumber.format(Double(units.count)) : String(units.count)
        let noun: Bilingual =
            switch levels.count == 1 ? levels.first : nil {
            case .province: Bilingual(vi: "tỉnh, thành phố", en: "provinces")
            case .district: Bilingual(vi: "quận, huyện, thị xã, thành phố thuộc tỉnh", en: "districts")
            case .commune:
                // Towns (thị trấn) ended with the reform; special zones (đặc khu) began with it.
                Bilingual(
                    vi: day < NationalUnits.reformDay ? "xã, phường, thị trấn" : "xã, phường, đặc khu",
                    en: "communes")
            case .village: Bilingual(vi: "thôn, tổ dân phố", en: "villages")
            case nil: Bilingual(vi: "đơn vị", en: "units")
            }
        return "\(number) \(noun.text(language))"
    }

    static func searchSummary(query: String, shown: Int, total: Int, _ language: Language) -> String {
        func n(_ value: Int) -> String { language == .vi ? VietnameseNumber.format(Double(value)) : String(value) }
        if total == 0 {
            return Bilingual(
                vi: "Không có đơn vị nào tên có “\(query)” vào ngày này trong phạm vi của bạn.",
                en: "No unit in your scope whose name contains “\(query)” on this day."
            ).text(language)
        }
        if shown < total {
            return Bilingual(
                vi: "Hiển thị \(n(shown)) trên \(n(total)) kết quả; hãy gõ thêm để thu hẹp.",
                en: "Showing \(n(shown)) of \(n(total)) results; type more to narrow them."
            ).text(language)
        }
        return Bilingual(vi: "\(n(total)) kết quả.", en: total == 1 ? "1 result." : "\(total) results.").text(language)
    }

    /// "từ 01/7/2025 đến nay", "đến 30/6/2025" (a version with no known start).
    static func validity(of unit: UnitModel, _ language: Language) -> String {
        let from = unit.validFrom.flatMap(CalendarDay.init(iso:))?.vietnameseShort
        let to = unit.validTo.flatMap(CalendarDay.init(iso:))?.vietnameseShort
        switch (from, to) {
        case let (from?, to?): return Bilingual(vi: "từ \(from) đến \(to)", en: "from \(from) to \(to)").text(language)
        case let (from?, nil): return Bilingual(vi: "từ \(from) đến nay", en: "from \(from) until now").text(language)
        case let (nil, to?): return Bilingual(vi: "đến \(to)", en: "until \(to)").text(language)
        case (nil, nil): return Bilingual(vi: "không thời hạn", en: "no end").text(language)
        }
    }

    struct AgencyForm: Content {
        var name: String
        var kind: String
    }

    @Sendable func addAgency(req: Request) async throws -> Response {
        let user = try req.currentUser
        let day = try Self.day(req)
        guard
            let unit = try await UnitDirectory.unit(
                code: req.parameters.get("code") ?? "", asOf: day, for: user, on: req.db)
        else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(AgencyForm.self)
        do {
            let agency = try await AgencyDirectory.create(
                .init(name: form.name, kind: form.kind), inUnit: unit, by: try req.acting)
            return req.redirect(to: "/agencies/\(agency.id?.uuidString ?? "")")
        } catch let error as UserFacingError {
            return try await renderUnit(req, error: error)
        }
    }

    struct ImportView: Encodable {
        var problems: [String]
        var result: String?
    }

    private func requireSystemAdministrator(_ req: Request) throws {
        // Not an administrator of the whole country: the page does not exist for them.
        guard try req.currentUser.administersSystem else { throw Abort(.notFound) }
    }

    @Sendable func importPage(req: Request) async throws -> Response {
        try requireSystemAdministrator(req)
        return try await req.page("units_import", title: "import_title", ImportView(problems: [], result: nil))
    }

    struct ImportForm: Content {
        var file: File
    }

    @Sendable func importFile(req: Request) async throws -> Response {
        try requireSystemAdministrator(req)
        let form = try req.content.decode(ImportForm.self)
        do {
            let text = try CSVReader.text(of: form.file.data.readableBytesView)
            let summary = try await UnitDirectory.importUnits(csv: text, on: req.db)
            try await req.audit(
                .unitsImported, recordType: "unit",
                summary:
                    "Nhập \(form.file.filename): thêm \(summary.inserted), sửa \(summary.updated), không đổi \(summary.unchanged)"
            )
            let result =
                req.language == .vi
                ? "Đã nhập \(form.file.filename): thêm \(summary.inserted), sửa \(summary.updated), không đổi \(summary.unchanged)."
                : "Imported \(form.file.filename): \(summary.inserted) added, \(summary.updated) changed, \(summary.unchanged) unchanged."
            return try await req.page("units_import", title: "import_title", ImportView(problems: [], result: result))
        } catch let rejected as ImportRejected {
            let lines = rejected.report(req.language).components(separatedBy: "\n")
            return try await req.page(
                "units_import", title: "import_title",
                ImportView(problems: lines, result: nil), status: .unprocessableEntity)
        }
    }
}
