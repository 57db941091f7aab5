import EventModel
import GeoModel

/// The kind of value a store column holds, from which each store picks its SQL type.
public enum ColumnKind: Sendable, Hashable {
    case text, integer, real, boolean, date, datetime
}

/// One column of the stores' events and statements tables: a flat field of the schema (`EventField`
/// carried by `.flat`) or a flat-only extra (`FlatExtraField`), in that order. The tables are written from
/// this list, never from a hand-written one, so a field added to the schema reaches every store.
public enum EventColumn: Sendable, Hashable {
    case field(EventField)
    case extra(FlatExtraField)

    /// Every column, in schema order.
    public static let all: [EventColumn] = EventField.carried(by: .flat).map(EventColumn.field)
        + FlatExtraField.allCases.map(EventColumn.extra)

    /// The column's name (the field's GeoJSON property name).
    public var name: String {
        switch self {
        case .field(let f): return f.name
        case .extra(let x): return x.name
        }
    }

    /// The kind of value: the flat form's (lists joined as text, sources counted, days as dates).
    public var kind: ColumnKind {
        switch self {
        case .field(let f):
            switch f.valueKind {
            case .text, .texts: return .text
            case .integer, .sources: return .integer
            case .real: return .real
            case .boolean: return .boolean
            case .day: return .date
            }
        case .extra(let x):
            switch x {
            case .fatalitiesReported: return .boolean
            case .sourceReport, .sourceSentence, .name: return .text
            case .begin: return .date
            case .time: return .datetime
            case .timestamp: return .integer
            }
        }
    }

    /// The column's value for `e`: the flat property (`EventJSON.flat`, `FlatExtraField.value(of:)`).
    @inline(__always)
    public func value(of e: Event) -> JSONValue {
        switch self {
        case .field(let f): return EventJSON.flat(f.value(of: e), field: f)
        case .extra(let x): return x.value(of: e)
        }
    }

    /// The event of one row's flat values (by column, as `all`), its point and its full sources.
    /// - Throws: `EventJSONError` or `EventModelError` naming the field.
    public static func event(values: [JSONValue], coordinate: Coordinate?, sources: [EventSource]) throws -> Event {
        var props: [String: JSONValue] = [:]
        props.reserveCapacity(all.count)
        for (k, c) in all.enumerated() { props[c.name] = values[k] }
        return try EventJSON.values(ofFlat: props, coordinate: coordinate, sources: sources).event()
    }
}
