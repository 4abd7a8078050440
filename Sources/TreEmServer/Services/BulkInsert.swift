import Fluent
import SQLKit

/// Many rows in few statements: loading the country row by row through Fluent takes minutes.
enum BulkInsert {
    /// Inserts `values` (one array per row, in `columns` order) in statements of at most
    /// `rowsPerStatement` rows, keeping under SQLite's and PostgreSQL's limits on bound values.
    static func rows(
        into table: String, columns: [String], values: [[any Encodable & Sendable]],
        rowsPerStatement: Int = 500, on db: Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var start = 0
        while start < values.count {
            let end = min(start + rowsPerStatement, values.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in values[start..<end] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
            start = end
        }
    }
}
