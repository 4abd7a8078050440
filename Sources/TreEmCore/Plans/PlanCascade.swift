/// "Derive the commune's plan": a draft for a unit below the issuer that implements the parent
/// plan — basis citing it, theme, period and slogans copied, scope narrowed, the report
/// deadline pulled earlier, and each parent task offered to the unit's equivalent agency.
/// Thông tư 28/2019/TT-BLĐTBXH, Điều 5 sets the chain of deadlines (commune before 10/7,
/// district before 20/7): ten days between levels is the default lead time.
public enum PlanCascade {
    public static let defaultLeadDays = 10

    /// The unit the derived plan is for.
    public struct Target: Sendable {
        /// "ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH".
        public var issuerName: String
        /// "Kim Thành".
        public var place: String
        /// "xã Kim Thành", as a sentence names it.
        public var unitName: String
        public var level: AdministrativeLevel
        public var agencies: [AgencyReference]

        public init(
            issuerName: String, place: String, unitName: String, level: AdministrativeLevel, agencies: [AgencyReference]
        ) {
            self.issuerName = issuerName
            self.place = place
            self.unitName = unitName
            self.level = level
            self.agencies = agencies
        }
    }

    /// How the derived plan cites its parent.
    public struct ParentReference: Sendable {
        public var planID: String?
        public var number: String?
        public var issueDate: CalendarDay?
        /// "UBND thành phố Hải Phòng".
        public var issuerShortName: String

        public init(planID: String?, number: String?, issueDate: CalendarDay?, issuerShortName: String) {
            self.planID = planID
            self.number = number
            self.issueDate = issueDate
            self.issuerShortName = issuerShortName
        }

        /// "Kế hoạch số 94/KH-UBND ngày 15/4/2024 của UBND thành phố Hải Phòng về việc …".
        public func citation(title: String) -> String {
            var text = "Kế hoạch"
            if let number, !number.isEmpty { text += " số \(number)" }
            if let issueDate { text += " ngày \(issueDate.day)/\(issueDate.month)/\(issueDate.year)" }
            text += " của \(issuerShortName)"
            if !title.isEmpty { text += " về việc " + PlanComposition.lowercasedFirst(title) }
            return text
        }
    }

    /// `today` is no longer read: a draft's date is left for the officer (see below). It stays
    /// in the signature so that callers need not change.
    public static func derive(
        from parent: PlanDocument, reference: ParentReference, for target: Target,
        today: CalendarDay, leadDays: Int = defaultLeadDays
    ) -> PlanDocument {
        let year = parent.year
        let title: String =
            switch parent.kind {
            case .actionMonth: "Triển khai Tháng hành động vì trẻ em \(target.unitName) năm \(year)"
            case .annualChildWork: "Thực hiện công tác trẻ em \(target.unitName) năm \(year)"
            case .other: parent.title
            }
        let standingOffice = firstAgency(ofKinds: [.cultureSocialOffice, .labourSocialOffice], in: target.agencies)
        let targetType = DerivedWording.unitType(in: target.unitName)?.type ?? levelWord(target.level)
        let parentName =
            DerivedWording.unitType(in: reference.issuerShortName)
            ?? DerivedWording.unitType(in: shortName(ofIssuer: parent.issuerName))
        let derivedDeadline = parent.reporting.map { $0.deadline.adding(days: -leadDays) }
        let wording = DerivedWording(
            parentType: parentName?.type ?? "", parentProper: parentName?.proper, targetType: targetType,
            targetName: target.unitName, parentDeadline: parent.reporting?.deadline, derivedDeadline: derivedDeadline,
            year: year,
            citationsBefore: reference.issueDate ?? parent.issueDate.calendarDay
                ?? CalendarDay(year: year, month: 1, day: 1),
            period: parent.period)
        var plan = PlanDocument(
            kind: parent.kind, issuerName: target.issuerName, place: target.place,
            // A draft leaves its day and month blank, as drafts do in Vietnamese offices ("Kim
            // Thành, ngày   tháng   năm 2026"; seeds 000 and 002); the officer fills them when the
            // plan is signed, and PlanRules.issueProblems asks for them before issuing.
            issueDate: PartialDate(year: year), title: title,
            bases: [PlanBasis(text: reference.citation(title: parent.title), planID: reference.planID)],
            preamble: "Ủy ban nhân dân \(target.unitName) xây dựng Kế hoạch triển khai thực hiện như sau:",
            purposes: parent.purposes, requirements: parent.requirements, targets: parent.targets,
            theme: parent.theme, period: parent.period, scope: "Trên địa bàn \(target.unitName).",
            sections: parent.sections,
            funding: parent.funding.map { PlanFunding(source: $0.source, text: $0.text) },
            assignments: assignments(from: parent.assignments, to: target, wording: wording),
            recipients: [reference.issuerShortName, "Lưu: VT"],
            signature: Signature(name: ""),
            appendices: parent.appendices)
        if let reporting = parent.reporting, let derivedDeadline {
            // The unit's agencies report to its own committee through its standing office, which
            // sums the results up and reports to the parent (seed 000: "… về Ủy ban nhân dân quận
            // (qua Phòng Lao động - Thương binh và Xã hội) trước ngày 01/7/2024 để tổng hợp báo cáo
            // Sở Lao động - Thương binh và Xã hội theo quy định"; seed 003 alike one level up).
            var forward = reference.issuerShortName
            if let via = reporting.via.map(VietnameseText.clean), !via.isEmpty { forward += " (qua \(via))" }
            plan.reporting = ReportingRequirement(
                deadline: derivedDeadline, reportTo: "Ủy ban nhân dân \(targetType)",
                via: standingOffice.map { officeInSentence($0.name, of: target, type: targetType) }, text: nil,
                forwardTo: forward)
        }
        return plan
    }

    /// The standing office as the reporting sentence names it after "Ủy ban nhân dân xã":
    /// "Phòng Văn hóa - Xã hội xã Kim Thành" → "Phòng Văn hóa - Xã hội" (the unit is already
    /// named; seed 000 writes "(qua Phòng Lao động - Thương binh và Xã hội)").
    static func officeInSentence(_ name: String, of target: Target, type: String) -> String {
        let clean = VietnameseText.clean(name)
        for suffix in [" " + VietnameseText.clean(target.unitName), " " + type] {
            if let found = clean.range(of: suffix, options: [.caseInsensitive, .anchored, .backwards]),
                found.lowerBound > clean.startIndex
            {
                return String(clean[..<found.lowerBound])
            }
        }
        return clean
    }

    /// The type word of a level, for a unit whose name does not start with one.
    static func levelWord(_ level: AdministrativeLevel) -> String {
        switch level {
        case .province: "tỉnh"
        case .district: "huyện"
        case .commune: "xã"
        case .village: "thôn"
        }
    }

    /// Each parent assignment goes to the unit's equivalent agencies (several for schools and
    /// villages); tasks keep a link to the task they come from, and their text is reworded for
    /// the unit with what is left to check noted (DerivedWording). Without an equivalent, the
    /// assignment stays under the parent's wording for the officer to place.
    static func assignments(
        from parents: [PlanAssignment], to target: Target, wording: DerivedWording
    ) -> [PlanAssignment] {
        var result: [PlanAssignment] = []
        for parent in parents {
            let tasks = parent.tasks.map { task in
                let reviewed = wording.review(task.text)
                return PlanTask(text: reviewed.text, derivedFromTaskID: task.id, reviewNote: reviewed.reviewNote)
            }
            let matches = equivalents(of: parent.agencyKind, at: target.level, among: target.agencies)
            if matches.isEmpty {
                result.append(
                    PlanAssignment(
                        agencyName: parent.agencyName, agencyKind: parent.agencyKind,
                        role: parent.role, mode: parent.mode, tasks: tasks))
                continue
            }
            for agency in matches {
                let fresh = tasks.map {
                    PlanTask(text: $0.text, derivedFromTaskID: $0.derivedFromTaskID, reviewNote: $0.reviewNote)
                }
                if let index = result.firstIndex(where: { $0.agencyID == agency.id }) {
                    result[index].tasks += fresh
                } else {
                    result.append(
                        PlanAssignment(
                            agencyID: agency.id, agencyName: agency.name, agencyKind: agency.kind,
                            role: parent.role, mode: agency.kind.isMassOrganisation ? .request : .assign,
                            tasks: fresh))
                }
            }
        }
        return result
    }

    /// The agencies of a lower unit that take over a parent agency's tasks: a province's health
    /// department → the commune's health station; education → the schools; police → police;
    /// labour and social affairs (children's work until 2025) → the culture and social office
    /// that carries it since; the committee's own tasks → its standing office; a mass
    /// organisation → its branch.
    public static func equivalents(
        of kind: AgencyKind?, at level: AdministrativeLevel, among agencies: [AgencyReference]
    ) -> [AgencyReference] {
        guard let kind else { return [] }
        switch kind {
        case .school, .villageHead:
            return agencies.filter { $0.kind == kind }
        case .educationOffice:
            if level == .commune || level == .village { return agencies.filter { $0.kind == .school } }
            return firstAgency(ofKinds: [.educationOffice], in: agencies).map { [$0] } ?? []
        case .healthOffice, .healthStation:
            let order: [AgencyKind] =
                level == .commune ? [.healthStation, .healthOffice] : [.healthOffice, .healthStation]
            return firstAgency(ofKinds: order, in: agencies).map { [$0] } ?? []
        case .labourSocialOffice, .cultureSocialOffice, .peoplesCommittee:
            return firstAgency(ofKinds: [.cultureSocialOffice, .labourSocialOffice], in: agencies).map { [$0] } ?? []
        default:
            return firstAgency(ofKinds: [kind], in: agencies).map { [$0] } ?? []
        }
    }

    /// How a sentence names an issuing body printed in capitals: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG"
    /// → "UBND thành phố Hải Phòng".
    public static func shortName(ofIssuer printed: String) -> String {
        let joined = printed.split(whereSeparator: \.isNewline).map(String.init).joined(separator: " ")
        let titled = PlanComposition.titleCase(joined)
        return titled.hasPrefix("Ủy ban nhân dân ") ? "UBND " + titled.dropFirst("Ủy ban nhân dân ".count) : titled
    }

    static func firstAgency(ofKinds kinds: [AgencyKind], in agencies: [AgencyReference]) -> AgencyReference? {
        for kind in kinds {
            if let agency = agencies.first(where: { $0.kind == kind }) { return agency }
        }
        return nil
    }
}
