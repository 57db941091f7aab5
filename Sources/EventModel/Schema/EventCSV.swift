import FileIO
import Foundation
import GeoModel

/// The columns of `events.csv`: ACLED's (codebook 2024, in ACLED's order), then PlaceMap's own. Every field
/// of `EventField` that the CSV carries has its column here (`EventField.csvColumn`); ACLED's other columns
/// are derived from the fields (the year, the disorder type, the country's name, code and region, the
/// interaction, the tags).
public enum CSVColumn: String, CaseIterable, Sendable {
    case eventIDCnty = "event_id_cnty", eventDate = "event_date", year
    case timePrecision = "time_precision", disorderType = "disorder_type", eventType = "event_type"
    case subEventType = "sub_event_type", actor1, assocActor1 = "assoc_actor_1", inter1, actor2
    case assocActor2 = "assoc_actor_2", inter2, interaction, civilianTargeting = "civilian_targeting", iso, region
    case country, admin1, admin2, admin3, location, latitude, longitude, geoPrecision = "geo_precision", source
    case sourceScale = "source_scale", notes, fatalities, tags, timestamp
    // PlaceMap's own, after ACLED's.
    case endDate = "end_date", placemapID = "placemap_id", datetime
    case placemapSubType = "placemap_sub_type", datePrecision = "date_precision", direction
    case countryCode = "country_code", fatalitiesClaimed = "fatalities_claimed"
    case fatalitiesDetail = "fatalities_detail", claimed, displaced, unresolvedPlace = "unresolved_place"
    case placemapNotes = "placemap_notes", placemapSources = "placemap_sources"

    /// ACLED's own columns, in ACLED's order.
    public static let acled: [CSVColumn] = Array(allCases.prefix { $0 != .endDate })

    /// The header name.
    public var name: String { rawValue }

    /// The column's position in `allCases` (as `EventField.ordinal`, checked by `SchemaTests`).
    @inline(__always) public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// The schema field the column carries whole, or nil for a column derived from other fields.
    public var field: EventField? { EventField.carried(by: .csv).first { $0.csvColumn == rawValue } }

    /// True for columns whose cells are numbers (never guarded against formulas).
    var isNumeric: Bool {
        switch self {
        case .year, .timePrecision, .iso, .latitude, .longitude, .geoPrecision, .fatalities, .timestamp,
             .fatalitiesClaimed, .displaced:
            return true
        default: return false
        }
    }

    /// The column's cell for `e`, unquoted (text cells guarded against formulas; see `CSVWriter.text`).
    public func cell(_ e: Event) -> String {
        let s = rawCell(e)
        return isNumeric ? s : CSVWriter.text(s)
    }

    /// Appends the column's cell for `e` to `out` as a CSV field: the same bytes as
    /// `CSVWriter.append(field: cell(e), to: &out)`, formatted straight into `out` for the columns that
    /// hold one stored value (text, whole numbers, flags, coordinates, one source or associate, the sources'
    /// JSON), so that a row makes no string per cell; lists of several items go through `cell`.
    public func append(cellOf e: Event, to out: inout [UInt8]) {
        func text(_ s: String?) { if let s { CSVWriter.append(textField: s, to: &out) } }
        func number(_ n: Int?) { if let n { CSVWriter.append(integer: n, to: &out) } }
        switch self {
        case .eventIDCnty: text(e.id)
        case .eventDate: text(e.start?.description)
        case .year: number(e.start?.components.year)
        case .timePrecision: number(e.datePrecision.acledTimePrecision(start: e.start, end: e.end))
        case .disorderType: text(e.category.disorderType)
        case .eventType: text(e.type.rawValue)
        case .subEventType: text(e.subType?.acled.rawValue)
        case .actor1: text(e.actor1?.name)
        case .assocActor1 where e.assocActor1.count <= 1: text(e.assocActor1.first?.name)
        case .inter1: text(e.actor1?.kind?.rawValue)
        case .actor2: text(e.actor2?.name)
        case .assocActor2 where e.assocActor2.count <= 1: text(e.assocActor2.first?.name)
        case .inter2: text(e.actor2?.kind?.rawValue)
        case .interaction: text(ActorKind.interaction(e.actor1?.kind, e.actor2?.kind))
        case .civilianTargeting: if e.civilianTargeting { text("Civilian targeting") }
        case .iso: number(e.country.flatMap(Country.code)?.numeric)
        case .region: text(e.country.flatMap(Country.code)?.region)
        case .country: text(e.country.flatMap(Country.code)?.name)
        case .admin1: text(e.admin1)
        case .admin2: text(e.admin2)
        case .admin3: text(e.admin3)
        case .location: text(e.place)
        case .latitude: if let c = e.coordinate { FixedDecimal.append(c.lat, decimals: 6, to: &out) }
        case .longitude: if let c = e.coordinate { FixedDecimal.append(c.lon, decimals: 6, to: &out) }
        case .geoPrecision: number(e.geoPrecision)
        case .source where e.sources.count <= 1: text(e.sources.first?.report)
        case .sourceScale: break
        case .notes where e.sources.count <= 1: text(e.sources.first?.sentence)
        case .fatalities: number(e.fatalities)
        case .tags where !e.claimed && e.fatalitiesClaimed == nil: break
        case .timestamp: number(e.start.map { Int($0.epochMilliseconds / 1000) })
        case .endDate: text(e.end?.description)
        case .placemapID: text(e.placeID)
        case .datetime: text(e.start.map(FlatText.instant))
        case .placemapSubType: text(e.subType?.rawValue)
        case .datePrecision: text(e.datePrecision.rawValue)
        case .direction: text(e.direction)
        case .countryCode: text(e.country)
        case .fatalitiesClaimed: number(e.fatalitiesClaimed)
        case .fatalitiesDetail: text(e.fatalitiesDetail)
        case .claimed: out.append(contentsOf: (e.claimed ? "true" : "false").utf8)
        case .displaced: number(e.displaced)
        case .unresolvedPlace: text(e.unresolvedPlace)
        case .placemapNotes: text(e.notes)
        case .placemapSources:
            guard !e.sources.isEmpty else { break }
            var w = JSONWriter(reservingCapacity: 256)
            EventJSON.write(sources: e.sources, to: &w)
            w.bytes.withUnsafeBufferPointer { CSVWriter.append(textField: $0, to: &out) }
        default: CSVWriter.append(field: cell(e), to: &out)
        }
    }

    /// The cell before formula guarding.
    func rawCell(_ e: Event) -> String {
        var nation: Country? { e.country.flatMap(Country.code) }
        switch self {
        case .eventIDCnty: return e.id
        case .eventDate: return e.start?.description ?? ""
        case .year: return e.start.map { String($0.components.year) } ?? ""
        case .timePrecision: return String(e.datePrecision.acledTimePrecision(start: e.start, end: e.end))
        case .disorderType: return e.category.disorderType
        case .eventType: return e.type.rawValue
        case .subEventType: return e.subType?.acled.rawValue ?? ""
        case .actor1: return e.actor1?.name ?? ""
        case .assocActor1: return e.assocActor1.map(\.name).joined(separator: FlatText.listSeparator)
        case .inter1: return e.actor1?.kind?.rawValue ?? ""
        case .actor2: return e.actor2?.name ?? ""
        case .assocActor2: return e.assocActor2.map(\.name).joined(separator: FlatText.listSeparator)
        case .inter2: return e.actor2?.kind?.rawValue ?? ""
        case .interaction: return ActorKind.interaction(e.actor1?.kind, e.actor2?.kind) ?? ""
        case .civilianTargeting: return e.civilianTargeting ? "Civilian targeting" : ""
        case .iso: return nation.map { String($0.numeric) } ?? ""
        case .region: return nation?.region ?? ""
        case .country: return nation?.name ?? ""
        case .admin1: return e.admin1 ?? ""
        case .admin2: return e.admin2 ?? ""
        case .admin3: return e.admin3 ?? ""
        case .location: return e.place
        case .latitude: return e.coordinate.map { FixedDecimal.string($0.lat, decimals: 6) } ?? ""
        case .longitude: return e.coordinate.map { FixedDecimal.string($0.lon, decimals: 6) } ?? ""
        case .geoPrecision: return String(e.geoPrecision)
        case .source: return distinct(e.sources.map(\.report)).joined(separator: FlatText.listSeparator)
        case .sourceScale: return ""
        case .notes: return distinct(e.sources.map(\.sentence).filter { !$0.isEmpty }).joined(separator: " ")
        case .fatalities: return e.fatalities.map(String.init) ?? ""
        case .tags: return CSVColumn.tags(of: e)
        case .timestamp: return e.start.map { String($0.epochMilliseconds / 1000) } ?? ""
        case .endDate: return e.end?.description ?? ""
        case .placemapID: return e.placeID ?? ""
        case .datetime: return e.start.map(FlatText.instant) ?? ""
        case .placemapSubType: return e.subType?.rawValue ?? ""
        case .datePrecision: return e.datePrecision.rawValue
        case .direction: return e.direction ?? ""
        case .countryCode: return e.country ?? ""
        case .fatalitiesClaimed: return e.fatalitiesClaimed.map(String.init) ?? ""
        case .fatalitiesDetail: return e.fatalitiesDetail ?? ""
        case .claimed: return e.claimed ? "true" : "false"
        case .displaced: return e.displaced.map(String.init) ?? ""
        case .unresolvedPlace: return e.unresolvedPlace ?? ""
        case .placemapNotes: return e.notes ?? ""
        case .placemapSources:
            guard !e.sources.isEmpty else { return "" }
            var w = JSONWriter()
            EventJSON.write(sources: e.sources, to: &w)
            return w.text
        }
    }

    /// ACLED's `tags` for PlaceMap's claims: "claimed" when the event rests on one side's word, and
    /// "fatalities claimed: N" for a side's claim of enemy dead.
    static func tags(of e: Event) -> String {
        var t: [String] = []
        if e.claimed { t.append("claimed") }
        if let n = e.fatalitiesClaimed { t.append("fatalities claimed: \(n)") }
        return t.joined(separator: FlatText.listSeparator)
    }

    private func distinct(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// Events as ACLED CSV (RFC 4180), in and out.
///
/// Written: every `CSVColumn`, LF line ends, fields quoted only when needed, text cells that start with a
/// formula character guarded by an apostrophe (OWASP); the same events give the same bytes. Unlike ACLED,
/// `fatalities` is empty where no figure is reported, so that 0 keeps its meaning (no one killed).
///
/// Read: a header by name (case-insensitive) — PlaceMap's own files, ACLED's exports (dates as
/// "06 February 2020" too, `inter1` as a name or a code), or a minimal `id,date,lon,lat` with optional
/// `type, place, fatalities, source` (without any type column, events are *Strategic developments / Other*:
/// points whose type the file does not give). Other columns are ignored.
public enum EventCSV {
    /// The header row's names, in order.
    public static var columns: [String] { CSVColumn.allCases.map(\.name) }

    /// The events as CSV text with a header row.
    public static func encode(_ events: [Event]) -> String {
        var out: [UInt8] = []
        write(events, header: true) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One event's row, ending in LF.
    public static func row(_ e: Event) -> String { CSVWriter.row(CSVColumn.allCases.map { $0.cell(e) }) }

    /// Streams the CSV of `events` to `sink` in pieces of a few thousand rows (the header first when asked),
    /// so that memory stays small whatever the number of events.
    public static func write(_ events: [Event], header: Bool, to sink: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        if header { CSVWriter.append(row: columns, to: &out) }
        var cells: [String] = []
        cells.reserveCapacity(CSVColumn.allCases.count)
        for e in events {
            cells.removeAll(keepingCapacity: true)
            for c in CSVColumn.allCases { cells.append(c.cell(e)) }
            CSVWriter.append(row: cells, to: &out)
            if out.count >= 1 << 20 {
                sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { sink(out) }
    }

    /// Events from CSV text; blank lines are skipped. Throws `EventFileError` naming `file` and the
    /// 1-based line of a malformed row, or `unknownFormat` when the header lacks the needed columns.
    public static func decode(_ text: String, file: String) throws -> [Event] {
        var t = text
        return try t.withUTF8 { try decode(bytes: $0, file: file) }
    }

    /// Events from CSV bytes (UTF-8); see `decode(_:file:)`. `passed` is told, every 65,536 rows, the
    /// offset before which no byte will be read again.
    public static func decode(bytes: UnsafeBufferPointer<UInt8>, file: String,
                              passed: ((Int) -> Void)? = nil) throws -> [Event] {
        var events: [Event] = []
        let share = ValueShare()
        try scan(bytes: bytes, file: file) { reader, fields, layout in
            if let passed, events.count & 0xFFFF == 0, let first = fields.first { passed(first.start) }
            events.append(try layout.event(reader, fields, file: file, share: share))
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
        fields.reserveCapacity(48)
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
