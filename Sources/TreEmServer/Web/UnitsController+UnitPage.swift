import Fluent
import TreEmCore
import Vapor

/// A unit's own page: its validity, parent, the units below it, what it was formed from and
/// became (a divided commune's default successor marked), and its agencies.
extension UnitsController {
    struct UnitLink: Encodable {
        var code: String
        var name: String
        var validFrom: String?
        var validTo: String?
        var asOf: String
        /// The unit it lay in ("Huyện Kim Thành"), shown beside a predecessor or successor.
        var parentName: String?
        /// "từ 01/7/2025 đến nay".
        var validity: String
        /// On a divided unit's page, beside its default successor: "mặc định — số liệu trước … được tính ở đây".
        var mark: String?
        /// Beside a predecessor that was divided: where its figures are counted, ending before
        /// `countedIn` when that unit is named.
        var note: String?
        var countedIn: UnitRef?
    }

    struct UnitRef: Encodable {
        var code: String
        var name: String
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
        /// The units above, as far as the caller sees, after the top of the tree page.
        var crumbs: [Crumb]
        var children: [UnitTreeRow]
        var predecessors: [UnitLink]
        var successors: [UnitLink]
        /// Said once under the successors when the unit was divided among several.
        var divisionNote: String?
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
        func asOf(_ other: UnitModel) -> String {
            other.isValid(on: shownDay) ? shownDay.iso : other.validTo ?? other.validFrom ?? shownDay.iso
        }
        let ancestors = try await UnitDirectory.ancestors(of: unit, for: user, on: db)
        let top = Crumb(
            name: InterfaceText.entries[user.seesEverything ? "units_top_national" : "units_top_scope"]?
                .text(language) ?? "",
            href: "/units?asOf=\(shownDay.iso)")
        let children = try await UnitDirectory.children(of: unitID, asOf: shownDay, on: db)
        let (before, after) = try await UnitDirectory.successions(of: unitID, on: db)
        // Where each unit linked across the reform lay: two communes of one name are told apart.
        let linked = before.map(\.predecessor) + after.map(\.successor)
        let parentNames = Dictionary(
            try await UnitDirectory.units(ids: Array(Set(linked.compactMap { $0.$parent.id })), on: db)
                .compactMap { parent in parent.id.map { ($0, parent.name) } }
        ) { first, _ in first }
        func link(_ other: UnitModel) -> UnitLink {
            UnitLink(
                code: other.code, name: other.name, validFrom: other.validFrom, validTo: other.validTo,
                asOf: asOf(other), parentName: other.$parent.id.flatMap { parentNames[$0] },
                validity: validity(of: other, language))
        }
        let (successors, divisionNote) = try await successorLinks(
            of: unit, after, user: user, language: language, link: link, on: db)
        let agencies = try await AgencyDirectory.agencies(ofUnit: unitID, on: db)
        return UnitView(
            asOf: shownDay.iso, asOfShown: shownDay.vietnameseShort, code: unit.code, name: unit.name,
            levelLabel: unit.level.label(language),
            validFrom: unit.validFrom.flatMap(CalendarDay.init(iso:))?.vietnameseShort,
            validTo: unit.validTo.flatMap(CalendarDay.init(iso:))?.vietnameseShort, parent: ancestors.last.map(link),
            crumbs: [top] + ancestors.map { Crumb(name: $0.name, href: "/units/\($0.code)?asOf=\(asOf($0))") },
            children: UnitTree.rows(children, language: language).map {
                var row = $0; row.depth = 0; return row
            },
            predecessors: try await predecessorLinks(
                of: unitID, before, user: user, language: language, link: link, on: db),
            successors: successors, divisionNote: divisionNote,
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

    /// A unit's links to what it became (those the caller sees): when it was divided, its
    /// default successor — the one its earlier figures are counted under — is marked, and a
    /// sentence says so, also when that successor is not listed.
    static func successorLinks(
        of unit: UnitModel, _ after: [UnitSuccessionModel], user: CurrentUser, language: Language,
        link: (UnitModel) -> UnitLink, on db: Database
    ) async throws -> (links: [UnitLink], note: String?) {
        let divided = after.count > 1 || after.contains { !$0.isDefault }
        let date = after.first.flatMap { CalendarDay(iso: $0.effectiveOn) }?.vietnameseShort ?? ""
        var links: [UnitLink] = []
        var defaultListed = false
        let ordered = UnitTree.ordered(after.map(\.successor)).compactMap(\.id)
        func place(_ link: UnitSuccessionModel) -> Int { ordered.firstIndex(of: link.$successor.id) ?? 0 }
        // The default successor first, the others as a list of places reads.
        for succession in after.sorted(by: { ($0.isDefault ? 0 : 1, place($0)) < ($1.isDefault ? 0 : 1, place($1)) })
        where try await UnitDirectory.canSee(unitID: succession.$successor.id, user: user, on: db) {
            var item = link(succession.successor)
            if divided, succession.isDefault {
                item.mark = Bilingual(
                    vi: "mặc định — số liệu trước \(date) được tính ở đây",
                    en: "default — figures before \(date) are counted here"
                ).text(language)
                defaultListed = true
            }
            links.append(item)
        }
        guard divided else { return (links, nil) }
        let note =
            defaultListed
            ? Bilingual(
                vi:
                    "\(unit.name) được chia cho nhiều đơn vị; số liệu trước \(date) chỉ được tính một lần, ở đơn vị kế thừa mặc định.",
                en:
                    "\(unit.name) was divided among several units; its figures before \(date) are counted once, under the default successor."
            )
            : Bilingual(
                vi:
                    "\(unit.name) được chia cho nhiều đơn vị; số liệu trước \(date) được tính ở đơn vị kế thừa mặc định, không có trong danh sách trên.",
                en:
                    "\(unit.name) was divided among several units; its figures before \(date) are counted under the default successor, which is not listed above."
            )
        return (links, note.text(language))
    }

    /// The units `unitID` was formed from. A predecessor divided among several units says where
    /// its figures are counted: here, or under another unit (named when the caller sees it).
    static func predecessorLinks(
        of unitID: UUID, _ before: [UnitSuccessionModel], user: CurrentUser, language: Language,
        link: (UnitModel) -> UnitLink, on db: Database
    ) async throws -> [UnitLink] {
        let all = try await UnitDirectory.successionLinks(from: before.map(\.$predecessor.id), on: db)
        let byPredecessor = Dictionary(grouping: all) { $0.$predecessor.id }
        let ordered = UnitTree.ordered(before.map(\.predecessor)).compactMap(\.id)
        var links: [UnitLink] = []
        for succession in before.sorted(by: {
            (ordered.firstIndex(of: $0.$predecessor.id) ?? 0) < (ordered.firstIndex(of: $1.$predecessor.id) ?? 0)
        }) {
            var item = link(succession.predecessor)
            let out = byPredecessor[succession.$predecessor.id] ?? [succession]
            if out.count > 1 || out.contains(where: { !$0.isDefault }) {
                let date = CalendarDay(iso: succession.effectiveOn)?.vietnameseShort ?? succession.effectiveOn
                let counted = out.first(where: \.isDefault)
                if counted?.$successor.id == unitID {
                    item.note = Bilingual(
                        vi: "Đã chia cho nhiều đơn vị; số liệu trước \(date) được tính ở đây (đơn vị kế thừa mặc định)",
                        en:
                            "Divided among several units; figures before \(date) are counted here (the default successor)"
                    ).text(language)
                } else if let counted, try await UnitDirectory.canSee(unitID: counted.$successor.id, user: user, on: db)
                {
                    item.note = Bilingual(
                        vi: "Đã chia cho nhiều đơn vị; số liệu trước \(date) không tính ở đây mà ở",
                        en: "Divided among several units; figures before \(date) are counted not here but under"
                    ).text(language)
                    item.countedIn = UnitRef(
                        code: counted.successor.code, name: counted.successor.name,
                        asOf: counted.successor.validFrom ?? counted.effectiveOn)
                } else {
                    item.note = Bilingual(
                        vi:
                            "Đã chia cho nhiều đơn vị; số liệu trước \(date) không tính ở đây mà ở một đơn vị kế thừa khác",
                        en:
                            "Divided among several units; figures before \(date) are counted not here but under another successor"
                    ).text(language)
                }
            }
            links.append(item)
        }
        return links
    }
}
