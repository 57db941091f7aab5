import Foundation
import GeoModel

/// Where each event field sits in a CSV file, found from its header by name (case-insensitive).
///
/// Two shapes are read: ACLED's columns (`event_id_cnty, event_date, event_type, sub_event_type,
/// actor1, actor2, admin1, location, latitude, longitude, geo_precision, time_precision, fatalities,
/// notes, source`, plus PlaceMap's `end_date, placemap_id`) and a minimal `id,date,lon,lat` with
/// optional `type, place, fatalities, source`. Other columns are ignored.
public struct EventCSVLayout: Sendable {
    /// Column indices of the required fields.
    public let id: Int, date: Int, lon: Int, lat: Int
    /// Column indices of optional fields (nil when absent).
    public let endDate: Int?, type: Int?, subType: Int?, actor1: Int?, actor2: Int?, location: Int?,
        geoPrecision: Int?, fatalities: Int?, notes: Int?, source: Int?, placeID: Int?
    /// The number of columns of the header; every row must have as many fields.
    public let columnCount: Int

    /// The layout of a header row; throws `EventFileError.unknownFormat` naming missing columns.
    public init(header: [String], file: String) throws {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func find(_ aliases: String...) -> Int? {
            for a in aliases { if let i = names.firstIndex(of: a) { return i } }
            return nil
        }
        let id = find("event_id_cnty", "id"), date = find("event_date", "date")
        let lon = find("longitude", "lon"), lat = find("latitude", "lat")
        var missing: [String] = []
        if id == nil { missing.append("event_id_cnty (or id)") }
        if date == nil { missing.append("event_date (or date)") }
        if lon == nil { missing.append("longitude (or lon)") }
        if lat == nil { missing.append("latitude (or lat)") }
        guard let id, let date, let lon, let lat else {
            throw EventFileError.unknownFormat(
                file: file, message: "not an events CSV: the header lacks \(missing.joined(separator: ", "))")
        }
        self.id = id; self.date = date; self.lon = lon; self.lat = lat
        endDate = find("end_date"); type = find("event_type", "type"); subType = find("sub_event_type", "sub_type")
        actor1 = find("actor1"); actor2 = find("actor2"); location = find("location", "place")
        geoPrecision = find("geo_precision"); fatalities = find("fatalities"); notes = find("notes")
        source = find("source", "sources"); placeID = find("placemap_id", "place_id")
        columnCount = header.count
    }

    /// The numeric and date fields of one row, read from bytes without allocating.
    public struct Core: Sendable {
        /// The event's point; nil when both longitude and latitude are empty (a statement).
        public var coordinate: Coordinate?
        /// First and last day (nil when undated).
        public var start: Day?, end: Day?
        /// 1, 2 or 3.
        public var geoPrecision: Int
        /// Reported deaths, or nil when the field is empty.
        public var fatalities: Int?
    }

    /// Reads and checks a row's numbers and dates; throws `EventFileError.malformed` naming `file` and
    /// the reader's current line (wrong field count, bad or out-of-range coordinates, bad dates or counts).
    @inline(__always)
    public func core(_ reader: CSVReader, _ fields: [CSVField], file: String) throws -> Core {
        func fail(_ m: String) -> EventFileError { .malformed(file: file, line: reader.line, message: m) }
        guard fields.count == columnCount else {
            throw fail("expected \(columnCount) fields as in the header, found \(fields.count)")
        }
        let lonBytes = reader.slice(fields[lon]), latBytes = reader.slice(fields[lat])
        var coordinate: Coordinate?
        if let x = ByteParsing.double(lonBytes), let y = ByteParsing.double(latBytes) {
            guard x >= -180, x <= 180, y >= -90, y <= 90 else {
                throw fail("coordinates \(x),\(y) are out of range: longitude must lie in [-180, 180] and latitude in [-90, 90]")
            }
            coordinate = Coordinate(lon: x, lat: y)
        } else if !(ByteParsing.isBlank(lonBytes) && ByteParsing.isBlank(latBytes)) {
            throw fail("longitude \"\(reader.string(fields[lon]))\" and latitude \"\(reader.string(fields[lat]))\" must be numbers in degrees")
        }
        var start: Day?, end: Day?
        let dateBytes = reader.slice(fields[date])
        if !ByteParsing.isBlank(dateBytes) {
            guard let d = ByteParsing.day(dateBytes) else {
                throw fail("\"\(reader.string(fields[date]))\" is not a date (YYYY-MM-DD or 06 February 2020)")
            }
            start = d; end = d
        }
        if let endDate, !ByteParsing.isBlank(reader.slice(fields[endDate])) {
            guard let d = ByteParsing.day(reader.slice(fields[endDate])) else {
                throw fail("end_date \"\(reader.string(fields[endDate]))\" is not a date (YYYY-MM-DD)")
            }
            guard let s = start, s <= d else { throw fail("end_date \(d) comes before event_date or without it") }
            end = d
        }
        var precision = 1
        if let geoPrecision, !ByteParsing.isBlank(reader.slice(fields[geoPrecision])) {
            guard let p = ByteParsing.int(reader.slice(fields[geoPrecision])), (1...3).contains(p) else {
                throw fail("geo_precision \"\(reader.string(fields[geoPrecision]))\" must be 1, 2 or 3")
            }
            precision = p
        }
        var deaths: Int?
        if let fatalities, !ByteParsing.isBlank(reader.slice(fields[fatalities])) {
            guard let f = ByteParsing.int(reader.slice(fields[fatalities])), f >= 0 else {
                throw fail("fatalities \"\(reader.string(fields[fatalities]))\" must be a whole number ≥ 0")
            }
            deaths = f
        }
        return Core(coordinate: coordinate, start: start, end: end, geoPrecision: precision, fatalities: deaths)
    }

    /// The whole event of one row; throws `EventFileError.malformed` naming `file` and the line.
    public func event(_ reader: CSVReader, _ fields: [CSVField], file: String) throws -> Event {
        let c = try core(reader, fields, file: file)
        func text(_ i: Int?) -> String { i.map { reader.string(fields[$0]) } ?? "" }
        func optional(_ i: Int?) -> String? { let s = text(i); return s.isEmpty ? nil : s }
        let id = text(id)
        guard !id.isEmpty else { throw EventFileError.malformed(file: file, line: reader.line, message: "the event id is empty") }
        let type = text(type)
        var actors: [String] = []
        if let a = optional(actor1) { actors.append(a) }
        if let a = optional(actor2) { actors += Self.list(a) }
        let sources = (optional(source).map(Self.list) ?? []).map { EventSource(report: $0, sentence: "", charStart: 0, charEnd: 0) }
        let precision: DatePrecision = c.start == nil ? .unknown : (c.start == c.end ? .day : .span)
        let isStatement = type.utf8.count == 9 && type.lowercased() == "statement"
        return Event(id: id, kind: isStatement ? .statement : .event, type: type,
                     subType: text(subType), start: c.start, end: c.end, datePrecision: precision,
                     place: text(location), placeID: optional(placeID), coordinate: c.coordinate,
                     geoPrecision: c.geoPrecision, actors: actors, fatalities: c.fatalities,
                     sources: sources, notes: optional(notes))
    }
}

extension EventCSVLayout {
    /// The items of a "; "-separated list (ACLED's way of putting several actors or sources in one field).
    static func list(_ s: String) -> [String] {
        guard s.utf8.contains(0x3B) else { return [s] }
        return s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Events as ACLED-style CSV (RFC 4180), in and out.
public enum EventCSV {
    /// The columns `encode` writes: ACLED's, then PlaceMap's `end_date` and `placemap_id` (the
    /// gazetteer id of the place).
    public static let columns = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                                 "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision",
                                 "fatalities", "notes", "source", "end_date", "placemap_id"]

    /// The events as CSV text with a header row, LF line ends, fields quoted only when needed;
    /// the same events give the same bytes. `actor2` holds the second and later actors joined by
    /// "; ", `source` the distinct report names joined by "; ", `time_precision` is 1 for a day,
    /// 2 for a span, 3 when undated; coordinates have at most six decimals; `admin1` is left empty.
    public static func encode(_ events: [Event]) -> String {
        var out = CSVWriter.row(columns)
        for e in events { out += CSVWriter.row(fields(e)) }
        return out
    }

    /// The fields of one event under `columns` (unquoted; see `encode`).
    public static func fields(_ e: Event) -> [String] {
        var reports: [String] = []
        for s in e.sources where !reports.contains(s.report) { reports.append(s.report) }
        let timePrecision = e.datePrecision == .day ? "1" : e.datePrecision == .span ? "2" : "3"
        return [
            e.id, e.start?.description ?? "", e.type, e.subType, e.actors.first ?? "",
            e.actors.dropFirst().joined(separator: "; "), "", e.place,
            e.coordinate.map { FixedDecimal.string($0.lat, decimals: 6) } ?? "",
            e.coordinate.map { FixedDecimal.string($0.lon, decimals: 6) } ?? "",
            String(e.geoPrecision), timePrecision, e.fatalities.map(String.init) ?? "", e.notes ?? "",
            reports.joined(separator: "; "), e.end?.description ?? "", e.placeID ?? "",
        ]
    }

    /// Events from CSV text; blank lines are skipped. Throws `EventFileError` naming `file` and the
    /// 1-based line of a malformed row, or `unknownFormat` when the header lacks the needed columns.
    public static func decode(_ text: String, file: String) throws -> [Event] {
        var t = text
        return try t.withUTF8 { try decode(bytes: $0, file: file) }
    }

    /// Events from CSV bytes (UTF-8); see `decode(_:file:)`.
    public static func decode(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [Event] {
        var events: [Event] = []
        try scan(bytes: bytes, file: file) { reader, fields, layout in
            events.append(try layout.event(reader, fields, file: file))
        }
        return events
    }

    /// Calls `body` for every non-blank data row after reading the header into a layout; the reader
    /// and field ranges are valid only during the call. Throws `EventFileError` for CSV syntax errors
    /// (naming the line), an empty file or an unusable header, and rethrows `body`'s errors.
    public static func scan(bytes: UnsafeBufferPointer<UInt8>, file: String,
                            _ body: (CSVReader, [CSVField], EventCSVLayout) throws -> Void) throws {
        var reader = CSVReader(bytes: bytes)
        var fields: [CSVField] = []
        fields.reserveCapacity(32)
        do {
            guard try reader.nextRow(&fields) else {
                throw EventFileError.unknownFormat(file: file, message: "the file is empty (no CSV header)")
            }
            let layout = try EventCSVLayout(header: fields.map { reader.string($0) }, file: file)
            while try reader.nextRow(&fields) {
                if CSVReader.isBlank(fields) { continue }
                try body(reader, fields, layout)
            }
        } catch let e as CSVSyntaxError {
            throw EventFileError.malformed(file: file, line: e.line, message: e.message)
        }
    }
}
