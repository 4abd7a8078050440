extension ImportedPlan {
    /// The TreEm plan an imported document becomes. What the canonical form does not carry
    /// (content sections, purposes) comes from the reader's `extras`.
    public func planDocument(extras: PlanReader.Extras = .init(), fallbackYear: Int) -> PlanDocument {
        let year = issuedOn?.year ?? period.flatMap { CalendarDay(iso: $0.start)?.year } ?? fallbackYear
        let letterhead =
            issuer.map { name -> String in
                let unit = name.hasPrefix("Ủy ban nhân dân ") ? String(name.dropFirst("Ủy ban nhân dân ".count)) : name
                return name.hasPrefix("Ủy ban nhân dân ") ? "ỦY BAN NHÂN DÂN\n" + unit.uppercased() : name.uppercased()
            } ?? ""
        var signatureValue: Signature?
        if let signature {
            let prefix = signature.onBehalf?.split(separator: " ").first.map(String.init)
            let authority: SigningAuthority =
                switch prefix {
                case "KT.": .deputy
                case "Q.": .acting
                case "TL.": .byOrder
                case "TUQ.": .byAuthorisation
                default: .direct
                }
            signatureValue = Signature(
                onBehalfOf: signature.authority.map { String($0.dropFirst(3)).trimmingCharacters(in: .whitespaces) },
                authority: authority,
                headTitle: signature.onBehalf.map { String($0.split(separator: " ", maxSplits: 1).last ?? "") },
                position: signature.position ?? "", name: signature.name ?? "")
        }
        return PlanDocument(
            kind: PlanKind(rawValue: kind) ?? .other, issuerName: letterhead, number: number,
            place: place ?? "", issueDate: PartialDate(year: year, month: issuedOn?.month, day: issuedOn?.day),
            title: title ?? "",
            bases: extras.basisCitations.count == bases.count
                ? extras.basisCitations.map { PlanBasis(text: $0) } : bases.map { PlanBasis(text: $0.citation) },
            purposes: extras.purposes, requirements: extras.requirements,
            targets: targets.map { PlanTarget(text: $0.text, value: $0.percent, unit: $0.percent == nil ? nil : "%") },
            theme: theme,
            period: period.flatMap { p in
                CalendarDay(iso: p.start).flatMap { s in CalendarDay(iso: p.end).map { DateRange(start: s, end: $0) } }
            },
            scope: scope, sections: extras.sections,
            assignments: assignments.map { assignment in
                let kind = AgencyKind.guess(fromName: assignment.agency)
                // A mass organisation can only be requested (and the document said so if it wrote "Đề nghị").
                let request = assignment.mode == "request" || kind?.isMassOrganisation == true
                return PlanAssignment(
                    agencyName: assignment.agency, agencyKind: kind, role: .lead,
                    mode: request ? .request : .assign, tasks: assignment.tasks.map { PlanTask(text: $0) })
            },
            reporting: reporting.flatMap { r in
                CalendarDay(iso: r.deadline).map {
                    ReportingRequirement(deadline: $0, reportTo: r.to ?? "", via: r.via, text: extras.reportingText)
                }
            },
            recipients: recipients, signature: signatureValue,
            appendices: slogans.isEmpty ? [] : [PlanAppendix(title: "Khẩu hiệu tuyên truyền", items: slogans)])
    }
}

extension ImportedPlan {
    /// Whether the document was issued by the committee of the unit named `unitName`
    /// ("Xã Kim Thành"): then it is that unit's own plan, otherwise one received from outside.
    public func isIssued(byCommitteeOf unitName: String) -> Bool {
        VietnameseText.fold(issuer ?? "") == VietnameseText.fold("Ủy ban nhân dân " + UnitNaming(unitName).inSentence)
    }
}

extension ImportedPlan.Basis {
    /// "Kế hoạch số 94/KH-UBND ngày 15/4/2024 của Ủy ban nhân dân thành phố".
    public var citation: String {
        var text = type
        if let number { text += " số \(number)" }
        if let date, let day = CalendarDay(iso: date) { text += " ngày \(day.day)/\(day.month)/\(day.year)" }
        if let issuer { text += " của \(issuer)" }
        return text
    }
}
