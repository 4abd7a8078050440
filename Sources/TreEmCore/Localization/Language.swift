/// The interface language. Vietnamese comes first everywhere; English is the second choice.
public enum Language: String, CaseIterable, Codable, Sendable {
    case vi
    case en

    public init(code: String?) {
        self = code.flatMap { Language(rawValue: $0.lowercased()) } ?? .vi
    }
}

/// A sentence in both interface languages.
public struct Bilingual: Hashable, Sendable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .vi ? vi : en
    }
}
