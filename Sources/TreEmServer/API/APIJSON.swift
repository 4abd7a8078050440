import Foundation

/// The API's JSON: instants as ISO 8601 in UTC ("2026-06-30T01:15:00Z"), days as "2026-06-30"
/// (`CalendarDay` encodes itself so), never Swift's default of seconds since 2001, which no
/// client expects. Requests may give an offset ("2026-06-30T08:15:00+07:00") and fractions.
enum APIJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(.iso8601))
        }
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = instant(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription:
                        "Cần thời điểm ISO 8601, ví dụ 2026-06-30T08:15:00+07:00 (an ISO 8601 instant is expected)")
            }
            return date
        }
        return decoder
    }

    static func instant(_ text: String) -> Date? {
        guard text.utf8.count <= 40 else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
