import FileIO
import Foundation
import GeoModel

/// Where each event field sits in a CSV file, found from its header by name (case-insensitive): see
/// `EventCSV` for the shapes read. The numbers and dates (`core`) are read straight from the bytes, for
/// queries that scan a file once; `event` reads the whole row into the schema's `EventValues`.
public struct EventCSVLayout: Sendable {
    /// Column indices of the required fields.
    public let id: Int, date: Int, lon: Int, lat: Int
    /// Column indices of the optional fields `core` reads (nil when absent).
    public let endDate: Int?, geoPrecision: Int?, fatalities: Int?
    /// The file's column of each CSV column PlaceMap knows, by `CSVColumn.ordinal` (nil when the file lacks
    /// it), found by the header's names (aliases of the minimal shape included).
    let columnIndex: [Int?]
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
        var columns = [Int?](repeating: nil, count: CSVColumn.allCases.count)
        for c in CSVColumn.allCases { columns[c.ordinal] = find(c.name) }
        for (column, alias) in EventCSVLayout.aliases where columns[column.ordinal] == nil {
            columns[column.ordinal] = find(alias)
        }
        columnIndex = columns
        endDate = columns[CSVColumn.endDate.ordinal]; geoPrecision = columns[CSVColumn.geoPrecision.ordinal]
        fatalities = columns[CSVColumn.fatalities.ordinal]
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
        // Checked here too, so that a scan that reads only the core (`near --count`) refuses what decoding refuses.
        guard !ByteParsing.isBlank(reader.slice(fields[id])) else { throw fail("id: the event id is missing or empty") }
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

    /// The column of the event type, when the file has one.
    public var typeColumn: Int? { column(.eventType) }

    /// The event's category alone (for filters that skip reading the whole row). Throws
    /// `EventFileError.malformed` naming the line.
    public func category(_ reader: CSVReader, _ fields: [CSVField], file: String) throws -> EventCategory {
        func text(_ c: CSVColumn) -> String? { column(c).map { CSVWriter.unescapeText(reader.string(fields[$0])) } }
        let sub = column(.placemapSubType) != nil ? text(.placemapSubType) : text(.subEventType)
        do { return try EventCategory(type: text(.eventType), subType: sub) } catch {
            throw EventFileError.malformed(file: file, line: reader.line, message: "\(error)")
        }
    }

    /// The file's column of `c`, or nil.
    @inline(__always) func column(_ c: CSVColumn) -> Int? { columnIndex[c.ordinal] }

    /// Other names of the columns (the minimal shape, earlier PlaceMap files).
    static let aliases: [(CSVColumn, String)] = [
        (.eventType, "type"), (.subEventType, "sub_type"), (.location, "place"), (.source, "sources"),
        (.placemapID, "place_id"), (.eventIDCnty, "id"), (.eventDate, "date"), (.longitude, "lon"), (.latitude, "lat"),
    ]

    /// The whole event of one row; throws `EventFileError.malformed` naming `file` and the line. With
    /// `share`, texts and source lists equal to ones of earlier rows are the earlier rows' (kept once).
    public func event(_ reader: CSVReader, _ fields: [CSVField], file: String, share: ValueShare? = nil) throws -> Event {
        let c = try core(reader, fields, file: file)
        func text(_ c: CSVColumn) -> String? {
            guard let i = column(c), fields[i].end > fields[i].start else { return nil }
            let s = CSVWriter.unescapeText(reader.string(fields[i]))
            if s.isEmpty { return nil }
            return share?.text(s) ?? s
        }
        func number(_ c: CSVColumn) throws -> Int? {
            guard let s = text(c) else { return nil }
            guard let n = Int(s.trimmingSpaces()) else {
                throw EventFileError.malformed(file: file, line: reader.line, message: "\(c.name) \"\(s)\" must be a whole number")
            }
            return n
        }
        var v = EventValues()
        v[.id] = .text(text(.eventIDCnty))
        if column(.eventType) == nil, column(.subEventType) == nil, column(.placemapSubType) == nil {
            // A file of points only (`id,date,lon,lat`): its events are of a type the file does not give.
            v[.subType] = .text(SubEventType.other.rawValue)
        } else {
            v[.type] = .text(text(.eventType))
            v[.subType] = .text(column(.placemapSubType) != nil ? text(.placemapSubType) : text(.subEventType))
        }
        v[.start] = .day(c.start)
        v[.end] = .day(c.end)
        v[.datePrecision] = .text(text(.datePrecision))
        v[.place] = .text(text(.location))
        v[.placeID] = .text(text(.placemapID))
        v[.lon] = .real(c.coordinate?.lon)
        v[.lat] = .real(c.coordinate?.lat)
        v[.geoPrecision] = .integer(c.geoPrecision)
        v[.direction] = .text(text(.direction))
        v[.country] = .text(text(.countryCode) ?? text(.country).flatMap { Country.named($0)?.code })
        v[.admin1] = .text(text(.admin1))
        v[.admin2] = .text(text(.admin2))
        v[.admin3] = .text(text(.admin3))
        v[.actor1] = .text(text(.actor1))
        v[.assocActor1] = .texts(text(.assocActor1).map(FlatText.split) ?? [])
        v[.inter1] = .text(text(.inter1))
        v[.actor2] = .text(text(.actor2))
        v[.assocActor2] = .texts(text(.assocActor2).map(FlatText.split) ?? [])
        v[.inter2] = .text(text(.inter2))
        v[.fatalities] = .integer(c.fatalities)
        v[.fatalitiesClaimed] = .integer(try number(.fatalitiesClaimed))
        v[.fatalitiesDetail] = .text(text(.fatalitiesDetail))
        let claimed = text(.claimed)?.lowercased()
        v[.claimed] = .boolean(claimed.map { ["true", "1", "yes"].contains($0) }
                               ?? (text(.tags).map { FlatText.split($0).contains("claimed") } ?? false))
        v[.displaced] = .integer(try number(.displaced))
        v[.unresolvedPlace] = .text(text(.unresolvedPlace))
        v[.notes] = .text(text(.placemapNotes))
        if let json = text(.placemapSources) {
            do { v[.sources] = try EventJSON.value(try JSONParser.parse(json), field: .sources) } catch {
                throw EventFileError.malformed(file: file, line: reader.line, message: "placemap_sources: \(error)")
            }
        } else if let reports = text(.source) {
            // An ACLED export: its sources are outlets, its notes the description.
            let sentence = text(.notes) ?? ""
            func list() -> [EventSource] {
                FlatText.split(reports).map { EventSource(report: $0, sentence: sentence, charStart: 0, charEnd: 0) }
            }
            v[.sources] = .sources(share?.sources(reports: reports, sentence: sentence, make: list) ?? list())
        }
        do { return try v.event() } catch {
            throw EventFileError.malformed(file: file, line: reader.line, message: "\(error)")
        }
    }
}
