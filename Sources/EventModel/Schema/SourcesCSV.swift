import FileIO

/// `sources.csv`: every source of every event, one row each (`event_id, report, sentence, char_start,
/// char_end`), beside the flat layers whose features carry only the count and the first sentence. Text
/// cells are guarded against formulas as in `events.csv`.
public enum SourcesCSV {
    /// The header row's names.
    public static let columns = ["event_id", "report", "sentence", "char_start", "char_end"]

    /// The sources of `events` as CSV text with a header row, in event order then source order.
    public static func encode(_ events: [Event]) -> String {
        var out: [UInt8] = []
        write(events) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Streams the table to `sink` in pieces (header first), memory staying small.
    public static func write(_ events: [Event], to sink: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        CSVWriter.append(row: columns, to: &out)
        for e in events {
            for s in e.sources {
                CSVWriter.append(row: [CSVWriter.text(e.id), CSVWriter.text(s.report), CSVWriter.text(s.sentence),
                                       String(s.charStart), String(s.charEnd)], to: &out)
            }
            if out.count >= 1 << 20 {
                sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { sink(out) }
    }

    /// The sources by event id, in file order. Throws `EventFileError.malformed` naming the line.
    public static func decode(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [String: [EventSource]] {
        var reader = CSVReader(bytes: bytes)
        var fields: [CSVField] = []
        var out: [String: [EventSource]] = [:]
        do {
            guard try reader.nextRow(&fields) else { return [:] }
            let header = fields.map { reader.string($0).lowercased() }
            guard header == columns else {
                throw EventFileError.unknownFormat(file: file, message: "the header must be \(columns.joined(separator: ","))")
            }
            while try reader.nextRow(&fields) {
                if CSVReader.isBlank(fields) { continue }
                guard fields.count == columns.count else {
                    throw EventFileError.malformed(file: file, line: reader.line,
                                                   message: "expected \(columns.count) fields, found \(fields.count)")
                }
                let cells = fields.map { CSVWriter.unescapeText(reader.string($0)) }
                guard let start = Int(cells[3]), let end = Int(cells[4]), start >= 0, end >= start else {
                    throw EventFileError.malformed(file: file, line: reader.line,
                                                   message: "char_start and char_end must be whole numbers, start ≤ end")
                }
                out[cells[0], default: []].append(EventSource(report: cells[1], sentence: cells[2], charStart: start, charEnd: end))
            }
        } catch let e as CSVSyntaxError {
            throw EventFileError.malformed(file: file, line: e.line, message: e.message)
        }
        return out
    }
}
