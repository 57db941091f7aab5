import FileIO
import EventModel
import Foundation
import GeoModel

/// A one-off "near" query over a CSV file that filters while it parses: one pass over the
/// memory-mapped bytes with `CSVReader`, numbers read straight from the bytes, no index and no
/// allocation per row; only matching rows become `Event`s (and only when they are listed). Every row
/// is checked as `EventCSV.decode` checks it, so a malformed row is an error naming its line.
public enum CSVNearScan {
    /// The number of events of the CSV file `file` that the query keeps.
    /// Throws `EventFileError` naming the file and line of a malformed row.
    public static func count(file: String, query: NearQuery) throws -> Int {
        var n = 0
        try scan(file: file, query: query) { _, _, _ in n += 1 }
        return n
    }

    /// The events of the CSV file `file` that the query keeps, nearest first, with distance and bearing.
    public static func hits(file: String, query: NearQuery) throws -> [NearHit] {
        var hits: [NearHit] = []
        try scan(file: file, query: query) { reader, fields, layout in
            hits.append(NearHit(event: try layout.event(reader, fields, file: file), from: query.circle.center))
        }
        return NearQuery.sorted(hits)
    }

    /// Calls `body` for each row the query keeps. Throws `EventFileError`.
    static func scan(file: String, query: NearQuery,
                     _ body: (CSVReader, [CSVField], EventCSVLayout) throws -> Void) throws {
        let data = try EventFiles.bytes(of: file)
        let circle = query.circle, filter = query.filter
        let checkDates = filter.from != nil || filter.to != nil
        try data.withUnsafeBytes { raw in
            try EventCSV.scan(bytes: raw.bindMemory(to: UInt8.self), file: file) { reader, fields, layout in
                let core = try layout.core(reader, fields, file: file)
                guard let c = core.coordinate, circle.boxesContain(c) else { return }
                if core.geoPrecision >= 3 || checkDates,
                   !filter.passes(start: core.start, end: core.end, geoPrecision: core.geoPrecision) { return }
                if filter.type != nil {
                    let category = try layout.category(reader, fields, file: file)
                    if !filter.passes(category) || category.isStatement { return }
                } else if let ti = layout.typeColumn, isStatement(reader.slice(fields[ti])) {
                    return
                }
                guard circle.contains(c) else { return }
                try body(reader, fields, layout)
            }
        }
    }

    private static let statementWord: [UInt8] = Array("statement".utf8)

    /// True when the type field says "Statement" (statements are not happenings at a place).
    @inline(__always)
    private static func isStatement(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count == 9 else { return false }
        for i in 0..<9 where s[i] | 0x20 != statementWord[i] { return false }
        return true
    }
}
