/// Encodes `nil` as `null` instead of leaving the key out (the canonical form lists every key),
/// and decodes a missing key as `nil`.
@propertyWrapper
public struct NullEncoded<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    public func decode<Value>(_ type: NullEncoded<Value>.Type, forKey key: Key) throws -> NullEncoded<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullEncoded(wrappedValue: nil)
    }
}

/// What `PlanReader` recognised in a plan document, in the canonical form of
/// docs/IMPORT-FORMAT.md. Absent values encode as `null` or `[]`, never as missing keys.
public struct ImportedPlan: Codable, Equatable, Sendable {
    public struct IssuedOn: Codable, Equatable, Sendable {
        public var year: Int
        @NullEncoded public var month: Int?
        @NullEncoded public var day: Int?

        public init(year: Int, month: Int?, day: Int?) {
            self.year = year
            self.month = month
            self.day = day
        }

    }

    public struct Basis: Codable, Equatable, Sendable {
        public var type: String
        @NullEncoded public var number: String?
        @NullEncoded public var date: String?
        @NullEncoded public var issuer: String?

        public init(type: String, number: String?, date: String?, issuer: String?) {
            self.type = type
            self.number = number
            self.date = date
            self.issuer = issuer
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
        @NullEncoded public var percent: Double?

        public init(text: String, percent: Double?) {
            self.text = text
            self.percent = percent
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
        @NullEncoded public var to: String?
        @NullEncoded public var via: String?

        public init(deadline: String, to: String?, via: String?) {
            self.deadline = deadline
            self.to = to
            self.via = via
        }

    }

    public struct SignatureBlock: Codable, Equatable, Sendable {
        @NullEncoded public var authority: String?
        @NullEncoded public var onBehalf: String?
        @NullEncoded public var position: String?
        @NullEncoded public var name: String?

        public init(authority: String?, onBehalf: String?, position: String?, name: String?) {
            self.authority = authority
            self.onBehalf = onBehalf
            self.position = position
            self.name = name
        }

    }

    public var kind: String
    @NullEncoded public var issuer: String?
    @NullEncoded public var number: String?
    @NullEncoded public var place: String?
    @NullEncoded public var issuedOn: IssuedOn?
    @NullEncoded public var title: String?
    public var bases: [Basis]
    @NullEncoded public var theme: String?
    @NullEncoded public var period: Period?
    /// "Phạm vi triển khai: …" as written; not in the canonical form of docs/IMPORT-FORMAT.md, so
    /// left out of the JSON when the plan states none (the seeds' fixtures stay as they were).
    public var scope: String?
    public var targets: [Target]
    public var assignments: [Assignment]
    @NullEncoded public var reporting: Reporting?
    public var recipients: [String]
    @NullEncoded public var signature: SignatureBlock?
    public var slogans: [String]

    public init(
        kind: String = "other", issuer: String? = nil, number: String? = nil, place: String? = nil,
        issuedOn: IssuedOn? = nil, title: String? = nil, bases: [Basis] = [], theme: String? = nil,
        period: Period? = nil, scope: String? = nil, targets: [Target] = [], assignments: [Assignment] = [],
        reporting: Reporting? = nil, recipients: [String] = [], signature: SignatureBlock? = nil, slogans: [String] = []
    ) {
        self.kind = kind
        self.issuer = issuer
        self.number = number
        self.place = place
        self.issuedOn = issuedOn
        self.title = title
        self.bases = bases
        self.theme = theme
        self.period = period
        self.scope = scope
        self.targets = targets
        self.assignments = assignments
        self.reporting = reporting
        self.recipients = recipients
        self.signature = signature
        self.slogans = slogans
    }

}
