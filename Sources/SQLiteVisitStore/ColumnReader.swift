import GRDB
import GRDBSQLite

/// The columns of one result row, read by position. Rows of a summary are read straight from SQLite's statement:
/// GRDB's `Row` boxes every value, which was most of the cost of a summary over 100,000 visits.
protocol ColumnReader {
    func double(_ index: Int32) -> Double
    func optionalDouble(_ index: Int32) -> Double?
    func integer(_ index: Int32) -> Int
    func text(_ index: Int32) -> String
    func optionalText(_ index: Int32) -> String?
}

extension ColumnReader {
    func bool(_ index: Int32) -> Bool { integer(index) != 0 }
    func optionalBool(_ index: Int32) -> Bool? { optionalDouble(index).map { $0 != 0 } }
}

/// The current row of a stepped SQLite statement.
struct StatementColumns: ColumnReader {
    let statement: SQLiteStatement

    func double(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

    func optionalDouble(_ index: Int32) -> Double? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_double(statement, index)
    }

    func integer(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    func text(_ index: Int32) -> String { optionalText(index) ?? "" }

    func optionalText(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

/// A GRDB row, for the few reads that are not per visit of a summary.
extension Row: ColumnReader {
    func double(_ index: Int32) -> Double { self[Int(index)] ?? 0 }
    func optionalDouble(_ index: Int32) -> Double? { self[Int(index)] }
    func integer(_ index: Int32) -> Int { self[Int(index)] ?? 0 }
    func text(_ index: Int32) -> String { self[Int(index)] ?? "" }
    func optionalText(_ index: Int32) -> String? { self[Int(index)] }
}

/// A cursor over a statement of its own (made for it, finalized with it) whose rows are read with
/// ``StatementColumns``.
final class ColumnCursor<Element>: DatabaseCursor {
    let _statement: Statement
    var _isDone = false
    let read: (StatementColumns) throws -> Element

    init(_ statement: Statement, arguments: StatementArguments, read: @escaping (StatementColumns) throws -> Element)
        throws
    {
        _statement = statement
        self.read = read
        try statement.setArguments(arguments)
    }

    func _element(sqliteStatement: SQLiteStatement) throws -> Element {
        try read(StatementColumns(statement: sqliteStatement))
    }
}
