import GeoModel

/// A field's value as every format sees it before encoding.
public enum FieldValue: Hashable, Sendable {
    case text(String?)
    case integer(Int?)
    case real(Double?)
    case boolean(Bool)
    case day(Day?)
    /// A list of names (assoc actors, all actors).
    case texts([String])
    case sources([EventSource])

    /// True for an absent value (nil, or an empty list).
    public var isEmpty: Bool {
        switch self {
        case .text(let s): return s == nil
        case .integer(let n): return n == nil
        case .real(let x): return x == nil
        case .boolean: return false
        case .day(let d): return d == nil
        case .texts(let l): return l.isEmpty
        case .sources(let s): return s.isEmpty
        }
    }
}

/// The type of a field's value.
public enum FieldKind: Sendable, Hashable {
    case text, integer, real, boolean, day, texts, sources
}

/// The event formats PlaceMap writes and reads.
public struct EventFormats: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// JSON Lines (`extract --format jsonl`): lists stay lists, sources are objects.
    public static let jsonLines = EventFormats(rawValue: 1)
    /// GeoJSON properties and the store's event rows: flat for GIS (lists joined by "; ", sources counted).
    public static let flat = EventFormats(rawValue: 2)
    /// The ACLED CSV (`events.csv`): ACLED's columns, then PlaceMap's own.
    public static let csv = EventFormats(rawValue: 4)
    /// Every format.
    public static let all: EventFormats = [.jsonLines, .flat, .csv]
}

/// The one schema of an event: every field once, with its name (the key of JSON Lines and GeoJSON and the
/// store's column), its value type, the formats that carry it and its ACLED CSV column. Every writer
/// iterates these cases and every reader builds an event from them (`EventValues.event()`), so a field added
/// here reaches every format (tests hold each format to it).
public enum EventField: String, CaseIterable, Sendable {
    case id, kind, type
    case subType = "sub_type"
    case start, end
    case datePrecision = "date_precision"
    case place
    case placeID = "place_id"
    case lon, lat
    case geoPrecision = "geo_precision"
    case direction, country, admin1, admin2, admin3
    case actor1
    case assocActor1 = "assoc_actor_1"
    case inter1, actor2
    case assocActor2 = "assoc_actor_2"
    case inter2
    /// Every actor in ACLED's order (for scripts that read one list); derived from the four actor fields.
    case actors
    case fatalities
    case fatalitiesClaimed = "fatalities_claimed"
    case fatalitiesDetail = "fatalities_detail"
    case claimed, displaced
    case unresolvedPlace = "unresolved_place"
    case sources, notes

    /// The field's name in JSON Lines, GeoJSON properties and the store.
    public var name: String { rawValue }

    /// The field's position in `allCases`: a payload-free enum of fewer than 256 cases is stored as its case's
    /// position in one byte (checked by `SchemaTests`), read here without hashing the raw value, since readers
    /// ask for it for every field of every row.
    @inline(__always) public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// True for fields computed from others (`kind` from the type, `actors` from the four actor fields):
    /// written for convenience, never needed to read an event back.
    public var isDerived: Bool { self == .kind || self == .actors }

    /// The formats that carry the field. `kind` and `actors` are not CSV columns (the CSV has `event_type`
    /// and the four actor columns, from which both follow); `lon` and `lat` are not flat properties (a
    /// GeoJSON feature's and a store row's geometry holds the point).
    public var formats: EventFormats {
        switch self {
        case .kind, .actors: return [.jsonLines, .flat]
        case .lon, .lat: return [.jsonLines, .csv]
        default: return .all
        }
    }

    /// The type of the field's value.
    public var valueKind: FieldKind {
        switch self {
        case .start, .end: return .day
        case .lon, .lat: return .real
        case .geoPrecision, .fatalities, .fatalitiesClaimed, .displaced: return .integer
        case .claimed: return .boolean
        case .assocActor1, .assocActor2, .actors: return .texts
        case .sources: return .sources
        default: return .text
        }
    }

    /// The ACLED CSV column of the field: ACLED's own name where ACLED has the field, else PlaceMap's
    /// (written after ACLED's columns). Nil for fields the CSV does not carry.
    public var csvColumn: String? {
        switch self {
        case .id: return "event_id_cnty"
        case .type: return "event_type"
        case .start: return "event_date"
        case .end: return "end_date"
        case .place: return "location"
        case .placeID: return "placemap_id"
        case .lon: return "longitude"
        case .lat: return "latitude"
        case .country: return "country_code"
        case .subType: return "placemap_sub_type"
        case .notes: return "placemap_notes"
        case .sources: return "placemap_sources"
        case .kind, .actors: return nil
        default: return rawValue
        }
    }

    /// The field's value in `e`.
    public func value(of e: Event) -> FieldValue {
        switch self {
        case .id: return .text(e.id)
        case .kind: return .text(e.kind.rawValue)
        case .type: return .text(e.type.rawValue)
        case .subType: return .text(e.subType?.rawValue)
        case .start: return .day(e.start)
        case .end: return .day(e.end)
        case .datePrecision: return .text(e.datePrecision.rawValue)
        case .place: return .text(e.place)
        case .placeID: return .text(e.placeID)
        case .lon: return .real(e.coordinate?.lon)
        case .lat: return .real(e.coordinate?.lat)
        case .geoPrecision: return .integer(e.geoPrecision)
        case .direction: return .text(e.direction)
        case .country: return .text(e.country)
        case .admin1: return .text(e.admin1)
        case .admin2: return .text(e.admin2)
        case .admin3: return .text(e.admin3)
        case .actor1: return .text(e.actor1?.name)
        case .assocActor1: return .texts(e.assocActor1.map(\.name))
        case .inter1: return .text(e.actor1?.kind?.rawValue)
        case .actor2: return .text(e.actor2?.name)
        case .assocActor2: return .texts(e.assocActor2.map(\.name))
        case .inter2: return .text(e.actor2?.kind?.rawValue)
        case .actors: return .texts(e.actorNames)
        case .fatalities: return .integer(e.fatalities)
        case .fatalitiesClaimed: return .integer(e.fatalitiesClaimed)
        case .fatalitiesDetail: return .text(e.fatalitiesDetail)
        case .claimed: return .boolean(e.claimed)
        case .displaced: return .integer(e.displaced)
        case .unresolvedPlace: return .text(e.unresolvedPlace)
        case .sources: return .sources(e.sources)
        case .notes: return .text(e.notes)
        }
    }

    /// The fields of a format, in schema order.
    public static func carried(by format: EventFormats) -> [EventField] { allCases.filter { $0.formats.contains(format) } }
}
