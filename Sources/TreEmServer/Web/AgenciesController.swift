import Fluent
import TreEmCore
import Vapor

/// An agency's page, and its edit form for administrators.
struct AgenciesController {
    func boot(routes: RoutesBuilder) {
        routes.get("agencies", ":id", use: show)
        routes.post("agencies", ":id", use: update)
    }

    struct AgencyView: Encodable {
        var id: String
        var name: String
        var kind: String
        var kindLabel: String
        var isMassOrganisation: Bool
        var isActive: Bool
        var unitCode: String
        var unitName: String
        var canManage: Bool
        var kinds: [UnitsController.KindOption]
        var error: String?
        var members: [String]
    }

    private func find(_ req: Request) async throws -> AgencyModel {
        let user = try req.currentUser
        guard let id = req.parameters.get("id", as: UUID.self),
            let agency = try await AgencyDirectory.agency(id: id, for: user, on: req.db)
        else { throw Abort(.notFound) }
        return agency
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await find(req), error: nil)
    }

    private func render(_ req: Request, _ agency: AgencyModel, error: UserFacingError?) async throws -> Response {
        let user = try req.currentUser
        let unit = try await UnitModel.find(agency.$unit.id, on: req.db)
        let members = try await AgencyDirectory.memberNames(of: agency, on: req.db)
        let view = AgencyView(
            id: agency.id?.uuidString ?? "", name: agency.name, kind: agency.kind.rawValue,
            kindLabel: agency.kind.label(req.language), isMassOrganisation: agency.kind.isMassOrganisation,
            isActive: agency.isActive, unitCode: unit?.code ?? "", unitName: unit?.name ?? "",
            canManage: user.role.isAdministrator,
            kinds: AgencyKind.allCases.map { .init(value: $0.rawValue, label: $0.label(req.language)) },
            error: error?.message.text(req.language), members: members)
        return try await req.page("agency", title: agency.name, view, status: error?.status ?? .ok)
    }

    struct AgencyForm: Content {
        var name: String
        var kind: String
        var is_active: String?
    }

    @Sendable func update(req: Request) async throws -> Response {
        let agency = try await find(req)
        let form = try req.content.decode(AgencyForm.self)
        do {
            try await AgencyDirectory.update(
                agency, with: .init(name: form.name, kind: form.kind, isActive: form.is_active == "on"),
                by: try req.acting)
        } catch let error as UserFacingError {
            return try await render(req, agency, error: error)
        }
        return req.redirect(to: "/agencies/\(agency.id?.uuidString ?? "")")
    }
}
