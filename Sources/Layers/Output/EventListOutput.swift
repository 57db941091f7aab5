import EventModel
import FileIO
import GeoModel

/// One event of a command's answer, with the columns the command adds (a query's distance and bearing,
/// a road's position).
public struct EventRow: Sendable {
    /// The event.
    public var event: Event
    /// Added columns in order: name, JSON value, text for tables and CSV.
    public var extra: [(name: String, value: JSONValue, text: String)]

    /// A row.
    public init(_ event: Event, extra: [(name: String, value: JSONValue, text: String)] = []) {
        self.event = event; self.extra = extra
    }
}

/// The formats of a list of events.
public enum EventListFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, geojson, csv
}

/// A list of events as the commands print it, every format from the schema: JSON Lines and JSON objects
/// (`EventJSON.object`), GeoJSON features (`EventGeoJSON.feature`), ACLED CSV rows (`CSVColumn`), each with
/// the rows' added columns; a table shows `tableColumns` of the schema then the added columns.
public enum EventListOutput {
    /// The text to print, ending in a newline.
    /// - Parameter extraColumns: the names of the rows' added columns, for the header of an empty answer.
    public static func render(_ rows: [EventRow], format: EventListFormat, extraColumns: [String] = [],
                              tableColumns: [EventField] = [.start, .type, .subType, .place, .id]) -> String {
        let extraNames = rows.first?.extra.map(\.name) ?? extraColumns
        switch format {
        case .table:
            let header = extraNames + tableColumns.map(\.name)
            var lines = [header]
            for r in rows {
                lines.append(r.extra.map(\.text) + tableColumns.map { cell($0.value(of: r.event), field: $0, event: r.event) })
            }
            return TextTable.render(lines) + "\n"
        case .json:
            return JSONWriter.string(.array(rows.map(object))) + "\n"
        case .jsonl:
            var w = JSONWriter()
            for r in rows { w.write(object(r)); w.raw(byte: 0x0A) }
            return w.text
        case .geojson:
            return GeoJSON.encode(FeatureCollection(features: rows.map { r in
                EventGeoJSON.feature(r.event, extra: Dictionary(r.extra.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }))
            })) + "\n"
        case .csv:
            var out = CSVWriter.row(EventCSV.columns + extraNames)
            for r in rows {
                out += CSVWriter.row(CSVColumn.allCases.map { $0.cell(r.event) } + r.extra.map(\.text))
            }
            return out
        }
    }

    static func object(_ r: EventRow) -> JSONValue {
        var o = EventJSON.object(r.event).objectValue ?? [:]
        for x in r.extra { o[x.name] = x.value }
        return .object(o)
    }

    /// A field's value as a table cell ("2020-02-03..2020-02-05" for the start of a span).
    static func cell(_ v: FieldValue, field: EventField, event e: Event) -> String {
        if field == .start, let s = e.start, let end = e.end, end != s { return "\(s)..\(end)" }
        switch v {
        case .text(let s): return s ?? ""
        case .integer(let n): return n.map(String.init) ?? ""
        case .real(let x): return x.map { FixedDecimal.string($0, decimals: 6) } ?? ""
        case .boolean(let b): return b ? "yes" : "no"
        case .day(let d): return d?.description ?? ""
        case .texts(let l): return l.joined(separator: FlatText.listSeparator)
        case .sources(let s): return String(s.count)
        }
    }
}
