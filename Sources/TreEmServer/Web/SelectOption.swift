import Vapor

/// One choice of a `<select>` on any page.
struct SelectOption: Content {
    var value: String
    var label: String
    var selected: Bool
}
