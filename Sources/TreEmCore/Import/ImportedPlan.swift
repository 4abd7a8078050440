/// What `PlanReader` recognised in a plan document, in the canonical form of
/// docs/IMPORT-FORMAT.md. Absent values encode as `null` or `[]`, never as missing keys.
public struct ImportedPlan: Codable, Equatable, Sendable {
    public struct IssuedOn: Codable, Equatable, Sendable {
        public var year: Int
        public var month: Int?
        public var day: Int?

        public init(year: Int, month: Int?, day: Int?) {
            self.year = year
            self.month = month
            self.day = day
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(month, forKey: .month)
            try c.encode(day, forKey: .day)
        }
    }

    public struct Basis: Codable, Equatable, Sendable {
        public var type: String
        public var number: String?
        public var date: String?
        public var issuer: String?

        public init(type: String, number: String?, date: String?, issuer: String?) {
            self.type = type
            self.number = number
            self.date = date
            self.issuer = issuer
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(number, forKey: .number)
            try c.encode(date, forKey: .date)
            try c.encode(issuer, forKey: .issuer)
        }
    }

    public struct Period: Codable, Equatable, Sendable {
        public var start: String
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public struct Target: Codable, Equatable, Sendable {
        public var text: String
        public var percent: Double?

        public init(text: String, percent: Double?) {
            self.text = text
            self.percent = percent
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(percent, forKey: .percent)
        }
    }

    public struct Assignment: Codable, Equatable, Sendable {
        public var agency: String
        public var agencies: [String]
        public var mode: String
        public var tasks: [String]

        public init(agency: String, agencies: [String], mode: String, tasks: [String]) {
            self.agency = agency
            self.agencies = agencies
            self.mode = mode
            self.tasks = tasks
        }
    }

    public struct Reporting: Codable, Equatable, Sendable {
        public var deadline: String
        public var to: String?
        public var via: String?

        public init(deadline: String, to: String?, via: String?) {
            self.deadline = deadline
            self.to = to
            self.via = via
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deadline, forKey: .deadline)
            try c.encode(to, forKey: .to)
            try c.encode(via, forKey: .via)
        }
    }

    public struct SignatureBlock: Codable, Equatable, Sendable {
        public var authority: String?
        public var onBehalf: String?
        public var position: String?
        public var name: String?

        public init(authority: String?, onBehalf: String?, position: String?, name: String?) {
            self.authority = authority
            self.onBehalf = onBehalf
            self.position = position
            self.name = name
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(authority, forKey: .authority)
            try c.encode(onBehalf, forKey: .onBehalf)
            try c.encode(position, forKey: .position)
            try c.encode(name, forKey: .name)
        }
    }

    public var kind: String
    public var issuer: String?
    public var number: String?
    public var place: String?
    public var issuedOn: IssuedOn?
    public var title: String?
    public var bases: [Basis]
    public var theme: String?
    public var period: Period?
    public var targets: [Target]
    public var assignments: [Assignment]
    public var reporting: Reporting?
    public var recipients: [String]
    public var signature: SignatureBlock?
    public var slogans: [String]

    public init(kind: String = "other", issuer: String? = nil, number: String? = nil, place: String? = nil,
                issuedOn: IssuedOn? = nil, title: String? = nil, bases: [Basis] = [], theme: String? = nil,
                period: Period? = nil, targets: [Target] = [], assignments: [Assignment] = [],
                reporting: Reporting? = nil, recipients: [String] = [], signature: SignatureBlock? = nil, slogans: [String] = []) {
        self.kind = kind
        self.issuer = issuer
        self.number = number
        self.place = place
        self.issuedOn = issuedOn
        self.title = title
        self.bases = bases
        self.theme = theme
        self.period = period
        self.targets = targets
        self.assignments = assignments
        self.reporting = reporting
        self.recipients = recipients
        self.signature = signature
        self.slogans = slogans
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(place, forKey: .place)
        try c.encode(issuedOn, forKey: .issuedOn)
        try c.encode(title, forKey: .title)
        try c.encode(bases, forKey: .bases)
        try c.encode(theme, forKey: .theme)
        try c.encode(period, forKey: .period)
        try c.encode(targets, forKey: .targets)
        try c.encode(assignments, forKey: .assignments)
        try c.encode(reporting, forKey: .reporting)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(signature, forKey: .signature)
        try c.encode(slogans, forKey: .slogans)
    }
}
