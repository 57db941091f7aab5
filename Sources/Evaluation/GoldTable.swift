import GeoModel
import Foundation
import EventModel
import Extraction
import FileIO

/// A gold CSV file read as rows of named cells (RFC 4180, header on line 1), with typed readers for the
/// cells whose errors name the file, the line and the column.
struct GoldTable {
    /// One data row: its 1-based line in the file and its cells by column name.
    struct Row {
        let file: String
        let line: Int
        let cells: [String: String]

        /// The cell of `column`, trimmed of surrounding spaces (the header guarantees the column exists).
        func text(_ column: String) -> String { cells[column]?.trimmingCharacters(in: .whitespaces) ?? "" }

        /// An error at this row.
        func error(_ message: String) -> EvaluationError { .malformed(file: file, line: line, message: message) }

        /// A required non-empty cell.
        func required(_ column: String) throws -> String {
            let t = text(column)
            if t.isEmpty { throw error("\(column) is empty") }
            return t
        }

        /// A day YYYY-MM-DD, or nil when the cell is empty.
        func day(_ column: String) throws -> Day? {
            let t = text(column)
            if t.isEmpty { return nil }
            guard let d = Day(iso: t) else { throw error("\(column) \"\(t)\" is not a date YYYY-MM-DD") }
            return d
        }

        /// A number, or nil when the cell is empty.
        func number(_ column: String) throws -> Double? {
            let t = text(column)
            if t.isEmpty { return nil }
            guard let x = Double(t), x.isFinite else { throw error("\(column) \"\(t)\" is not a number") }
            return x
        }

        /// A whole number, or nil when the cell is empty.
        func integer(_ column: String) throws -> Int? {
            let t = text(column)
            if t.isEmpty { return nil }
            guard let n = Int(t) else { throw error("\(column) \"\(t)\" is not a whole number") }
            return n
        }

        /// `true` or `false` (any case); empty is false.
        func flag(_ column: String) throws -> Bool {
            switch text(column).lowercased() {
            case "true": return true
            case "false", "": return false
            case let t: throw error("\(column) must be true or false, not \"\(t)\"")
            }
        }
    }

    let rows: [Row]

    /// Reads `path`, checking that the header holds every column of `columns` (others are passed over) and
    /// that every row has as many fields as the header. Blank lines are skipped.
    /// - Throws: `EvaluationError.unreadable` for a missing or non-UTF-8 file, `.malformed` naming the line
    ///   for a missing column, a row of the wrong width or a CSV syntax error.
    init(path: String, columns: [String]) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError.unreadable(file: path, message: "cannot read the file")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw EvaluationError.unreadable(file: path, message: "the file is not UTF-8 text")
        }
        var table: [(line: Int, cells: [String])] = []
        do {
            try text.withUTF8 { bytes in
                var reader = CSVReader(bytes: bytes)
                var fields: [CSVField] = []
                while try reader.nextRow(&fields) {
                    if CSVReader.isBlank(fields) { continue }
                    table.append((reader.line, fields.map(reader.string)))
                }
            }
        } catch let e as CSVSyntaxError {
            throw EvaluationError.malformed(file: path, line: e.line, message: e.message)
        }
        guard let header = table.first?.cells.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw EvaluationError.malformed(file: path, line: 1, message: "the file is empty (expected a header: \(columns.joined(separator: ",")))")
        }
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw EvaluationError.malformed(file: path, line: 1, message: "the header lacks the column(s) \(missing.joined(separator: ", "))")
        }
        rows = try table.dropFirst().map { r in
            guard r.cells.count == header.count else {
                throw EvaluationError.malformed(file: path, line: r.line,
                                                message: "expected \(header.count) fields as in the header, found \(r.cells.count)")
            }
            return Row(file: path, line: r.line, cells: Dictionary(zip(header, r.cells), uniquingKeysWith: { a, _ in a }))
        }
    }
}
