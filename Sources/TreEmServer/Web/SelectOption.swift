/// One choice of a `<select>` on any page.
struct SelectOption: Encodable {
    var value: String
    var label: String
    var selected: Bool
}
