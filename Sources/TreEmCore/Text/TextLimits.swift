/// How long a free-text field may be. The limits are generous for real writing (a commune's
/// whole results narrative runs to a few thousand characters) and stop a pasted book or a
/// script from filling the database or every page that shows the text.
public enum TextLimit: Int, Sendable, CaseIterable {
    /// A name or title: an agency, a person, a form, a plan's title.
    case name = 300
    /// One line of a list: a task's text, a basis, a target, a slogan.
    case line = 2_000
    /// A comment: why a report is returned, why a task is cancelled, a progress note.
    case comment = 5_000
    /// A narrative: the results, difficulties and proposals of a report.
    case narrative = 30_000

    /// Nil when `text` fits; otherwise a message naming the field, its length and the limit.
    public func problem(_ text: String, field: Bilingual) -> Bilingual? {
        let length = text.count
        guard length > rawValue else { return nil }
        let vi = VietnameseNumber.format(Double(length))
        let max = VietnameseNumber.format(Double(rawValue))
        return Bilingual(
            vi: "“\(field.vi)” dài \(vi) ký tự, quá giới hạn \(max) ký tự. Hãy rút gọn.",
            en: "“\(field.en)” is \(length) characters long, over the limit of \(rawValue). Please shorten it.")
    }
}
