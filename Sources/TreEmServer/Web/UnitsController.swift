import Fluent
import TreEmCore
import Vapor

/// The unit tree "as of" a day, unit pages with their agencies, and the unit-list import.
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

    struct TreeView: Encodable {
        var asOf: String
        var rows: [UnitTreeRow]
        var canImport: Bool
    }

    @Sendable func tree(req: Request) async throws -> Response {
        let user = try req.currentUser
        let day = try Self.day(req)
        let units = try await UnitDirectory.visibleUnits(for: user, asOf: day, on: req.db)
        return try await req.page(
            "units", title: "units_title",
            TreeView(
                asOf: day.iso, rows: UnitTree.rows(units, language: req.language),
                canImport: user.administersSystem))
    }

    struct UnitLink: Encodable {
        var code: String
        var name: String
        var validFrom: String?
        var validTo: String?
        var asOf: String
    }

    struct AgencyRow: Encodable {
        var id: String
        var name: String
        var kind: String
        var kindLabel: String
        var isMassOrganisation: Bool
        var isActive: Bool
    }

    struct KindOption: Encodable {
        var value: String
        var label: String
    }

    struct UnitView: Encodable {
        /// ISO, for links; `asOfShown` is the day as officers write it.
        var asOf: String
        var asOfShown: String
        var code: String
        var name: String
        var levelLabel: String
        var validFrom: String?
        var validTo: String?
        var parent: UnitLink?
        var children: [UnitTreeRow]
        var predecessors: [UnitLink]
        var successors: [UnitLink]
        var agencies: [AgencyRow]
        var canManage: Bool
        var kinds: [KindOption]
        var error: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderUnit(req, error: nil)
    }

    /// The agencies of a unit as `<select>` choices, for the user form's agency list to follow
    /// the chosen unit at once (Public/js/treem.js). Administrators only, within their scope.
    @Sendable func agencyOptions(req: Request) async throws -> [SelectOption] {
        let user = try req.currentUser
        guard user.role.isAdministrator,
            let unit = try await UnitDirectory.unit(
                code: req.parameters.get("code") ?? "", asOf: req.today, for: user, on: req.db)
        else { throw Abort(.notFound) }
        return try await AgencyDirectory.agencies(ofUnit: try unit.requireID(), on: req.db).filter(\.isActive).map {
            SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: false)
        }
    }

    func renderUnit(_ req: Request, error: UserFacingError?) async throws -> Response {
        let user = try req.currentUser
        let day = try Self.day(req)
        let code = req.parameters.get("code") ?? ""
        guard let unit = try await UnitDirectory.unit(code: code, asOf: day, for: user, on: req.db) else {
            throw Abort(.notFound)
        }
        let view = try await Self.unitView(unit, day: day, user: user, language: req.language, on: req.db)
        var page = view
        page.error = error?.message.text(req.language)
        return try await req.page("unit", title: unit.name, page, status: error?.status ?? .ok)
    }

    static func unitView(
        _ unit: UnitModel, day: CalendarDay, user: CurrentUser, language: Language, on db: Database
    ) async throws -> UnitView {
        let unitID = try unit.requireID()
        // The shown version's own day: its children are listed as of a day it was valid.
        let shownDay = unit.isValid(on: day) ? day : (unit.validTo.flatMap(CalendarDay.init(iso:)) ?? day)
        func link(_ other: UnitModel) -> UnitLink {
            UnitLink(
                code: other.code, name: other.name, validFrom: other.validFrom, validTo: other.validTo,
                asOf: other.validTo ?? other.validFrom ?? shownDay.iso)
        }
        var parent: UnitLink?
        if let parentID = unit.$parent.id, try await UnitDirectory.canSee(unitID: parentID, user: user, on: db),
            let model = try await UnitModel.find(parentID, on: db)
        {
            parent = link(model)
        }
        let children = try await UnitDirectory.children(of: unitID, asOf: shownDay, on: db)
        let (before, after) = try await UnitDirectory.successions(of: unitID, on: db)
        var successors: [UnitLink] = []
        for link_ in after where try await UnitDirectory.canSee(unitID: link_.$successor.id, user: user, on: db) {
            successors.append(link(link_.successor))
        }
        let agencies = try await AgencyDirectory.agencies(ofUnit: unitID, on: db)
        return UnitView(
            asOf: shownDay.iso, asOfShown: shownDay.vietnameseShort, code: unit.code, name: unit.name,
            levelLabel: unit.level.label(language),
            validFrom: unit.validFrom.flatMap(CalendarDay.init(iso:))?.vietnameseShort,
            validTo: unit.validTo.flatMap(CalendarDay.init(iso:))?.vietnameseShort, parent: parent,
            children: UnitTree.rows(children, language: language).map {
                var row = $0; row.depth = 0; return row
            },
            predecessors: before.map { link($0.predecessor) }, successors: successors,
            agencies: agencies.map {
                AgencyRow(
                    id: $0.id?.uuidString ?? "", name: $0.name, kind: $0.kind.rawValue,
                    kindLabel: $0.kind.label(language), isMassOrganisation: $0.kind.isMassOrganisation,
                    isActive: $0.isActive)
            },
            canManage: user.role.isAdministrator,
            kinds: AgencyKind.allCases.map { KindOption(value: $0.rawValue, label: $0.label(language)) },
            error: nil)
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
