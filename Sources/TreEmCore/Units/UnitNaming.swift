/// How a unit's name is used in documents: "Xã Kim Thành" is the unit, "XÃ KIM THÀNH" in the
/// letterhead, "xã Kim Thành" in a sentence, "Kim Thành" as the place before the date.
public struct UnitNaming: Hashable, Sendable {
    /// "Xã", "Thành phố", "Tổ dân phố" … (empty when the name has no known type word).
    public var type: String
    /// "Kim Thành".
    public var proper: String

    static let types = [
        "Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Phường", "Xã", "Đặc khu",
        "Thôn", "Tổ dân phố", "Khu dân cư", "Bản", "Ấp", "Làng",
    ]

    public init(_ name: String) {
        let clean = VietnameseText.clean(name)
        for type in Self.types.sorted(by: { $0.count > $1.count }) where clean.hasPrefix(type + " ") {
            self.type = type
            self.proper = String(clean.dropFirst(type.count + 1))
            return
        }
        type = ""
        proper = clean
    }

    public var inSentence: String { type.isEmpty ? proper : "\(type.lowercased()) \(proper)" }
    public var letterhead: String { inSentence.uppercased() }
    /// The People's Committee of the unit in a sentence: "Ủy ban nhân dân xã Kim Thành".
    public var committee: String { "Ủy ban nhân dân \(inSentence)" }
    /// The People's Committee of the unit as documents abbreviate it: "UBND xã Kim Thành".
    public var committeeShort: String { "UBND \(inSentence)" }
    /// The committee as the left column of the letterhead prints it.
    public var committeeLetterhead: String { "ỦY BAN NHÂN DÂN\n\(letterhead)" }
}
