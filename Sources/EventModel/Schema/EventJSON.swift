import GeoModel

/// Fields that only the flat form (GeoJSON properties, the store's rows) carries, derived from the schema's
/// fields so that GIS tools see one type per field in every file: a number is never null where a day could
/// have none, and text a Shapefile cannot hold stays out.
public enum FlatExtraField: String, CaseIterable, Sendable {
    /// True when the report gives a death toll; `fatalities` is then the figure, else 0.
    case fatalitiesReported = "fatalities_reported"
    /// The report of the first source (the full list is in `sources.csv` and the store).
    case sourceReport = "source_report"
    /// The first source's sentence, cut to 254 bytes (a Shapefile's longest text) with "…".
    case sourceSentence = "source_sentence"
    /// "Armed clash at Saraqib": the sub-type (else the type) and the place, the placemark's name in KML
    /// (GDAL's KML and LIBKML drivers read a `name` field).
    case name
    /// The first day, the `begin` of a KML TimeSpan (GDAL's LIBKML driver; `end` is the schema's own field).
    case begin
    /// The first day as an ISO 8601 instant, "2020-02-06T00:00:00Z" (Leaflet.TimeDimension, kepler.gl).
    case time
    /// The same instant in Unix epoch milliseconds.
    case timestamp

    /// The field's name.
    public var name: String { rawValue }

    /// The value in `e`.
    public func value(of e: Event) -> JSONValue {
        switch self {
        case .fatalitiesReported: return .bool(e.fatalities != nil)
        case .sourceReport: return .string(e.sources.first?.report)
        case .sourceSentence: return .string(e.sources.first.map { FlatText.cut($0.sentence) })
        case .name: return .string(FlatText.name(of: e))
        case .begin: return .string(e.start?.description)
        case .time: return .string(e.start.map(FlatText.instant))
        case .timestamp: return e.start.map { .number(Double($0.epochMilliseconds)) } ?? .null
        }
    }
}

/// Text rules of the flat form.
public enum FlatText {
    /// The longest text a Shapefile field holds, in bytes.
    public static let maxBytes = 254

    /// `s` cut on a character boundary to at most `maxBytes` UTF-8 bytes, ending in "…" when cut.
    public static func cut(_ s: String) -> String {
        guard s.utf8.count > maxBytes else { return s }
        var out = ""
        var used = 3  // the ellipsis
        for c in s {
            let n = c.utf8.count
            if used + n > maxBytes { break }
            out.append(c); used += n
        }
        return out + "…"
    }

    /// An event's name for maps: "Armed clash at Saraqib" (the sub-type, else the type; the place when known).
    public static func name(of e: Event) -> String {
        let what = e.subType?.rawValue ?? e.type.rawValue
        return e.place.isEmpty ? what : "\(what) at \(e.place)"
    }

    /// "2020-02-06T00:00:00Z": the first instant of `day` in UTC.
    public static func instant(_ day: Day) -> String { "\(day)T00:00:00Z" }

    /// The separator of lists in one text field ("Russian military; Syrian government air force").
    public static let listSeparator = "; "

    /// The items of a "; "-separated list, without the spaces around them.
    public static func split(_ s: String) -> [String] {
        guard s.utf8.contains(0x3B) else {
            let t = trimmed(Substring(s))
            return t.isEmpty ? [] : [t]
        }
        return s.split(separator: ";").map(trimmed).filter { !$0.isEmpty }
    }

    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
        return String(t)
    }
}

/// Events as JSON objects, in the two forms of the schema: the full object of JSON Lines (lists stay lists,
/// sources are objects) and the flat properties of GeoJSON features and store rows.
public enum EventJSON {
    // MARK: JSON Lines

    /// The event as the JSON object of `extract --format jsonl`: every JSON Lines field of `EventField`.
    public static func object(_ e: Event) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for f in EventField.carried(by: .jsonLines) { o[f.name] = json(f.value(of: e), field: f) }
        return .object(o)
    }

    /// Writes `sources` as the JSON array that `json(.sources(sources), field: .sources)` encodes to (keys in
    /// sorted order), without building the values: `placemap_sources` of every CSV row is written this way.
    public static func write(sources: [EventSource], to w: inout JSONWriter) {
        w.raw(byte: UInt8(ascii: "["))
        for (k, s) in sources.enumerated() {
            w.raw(k == 0 ? "{\"char_end\":" : ",{\"char_end\":")
            w.write(number: Double(s.charEnd))
            w.raw(",\"char_start\":")
            w.write(number: Double(s.charStart))
            w.raw(",\"report\":")
            w.write(string: s.report)
            w.raw(",\"sentence\":")
            w.write(string: s.sentence)
            w.raw(byte: UInt8(ascii: "}"))
        }
        w.raw(byte: UInt8(ascii: "]"))
    }

    static func json(_ v: FieldValue, field: EventField) -> JSONValue {
        switch v {
        case .text(let s): return .string(s)
        case .integer(let n): return .int(n)
        case .real(let x): return x.map { .number(($0 * 1e6).rounded() / 1e6) } ?? .null
        case .boolean(let b): return .bool(b)
        case .day(let d): return .string(d?.description)
        case .texts(let l): return .array(l.map(JSONValue.string))
        case .sources(let s):
            return .array(s.map {
                ["report": .string($0.report), "sentence": .string($0.sentence),
                 "char_start": .int($0.charStart), "char_end": .int($0.charEnd)]
            })
        }
    }

    /// The values of a JSON Lines object.
    /// - Throws: `EventJSONError` naming the key whose value has the wrong type.
    public static func values(of object: JSONValue) throws -> EventValues {
        guard let o = object.objectValue else { throw EventJSONError("an event must be a JSON object") }
        var v = EventValues()
        for f in EventField.allCases {
            guard let x = o[f.name] else { continue }
            v[f] = try value(x, field: f)
        }
        return v
    }

    /// A JSON value read as the field's kind of value.
    static func value(_ x: JSONValue, field f: EventField) throws -> FieldValue {
        func wrong(_ what: String) -> EventJSONError { EventJSONError("\"\(f.name)\" must be \(what)") }
        switch f.valueKind {
        case .text:
            if x.isNull { return .text(nil) }
            guard let s = x.stringValue else { throw wrong("a string") }
            return .text(s)
        case .integer:
            if x.isNull { return .integer(nil) }
            guard let n = x.intValue else { throw wrong("a whole number") }
            return .integer(n)
        case .real:
            if x.isNull { return .real(nil) }
            guard let n = x.numberValue else { throw wrong("a number") }
            return .real(n)
        case .boolean:
            if x.isNull { return .boolean(false) }
            guard let b = x.boolValue else { throw wrong("true or false") }
            return .boolean(b)
        case .day:
            if x.isNull { return .day(nil) }
            guard let s = x.stringValue else { throw wrong("a date YYYY-MM-DD") }
            guard let d = Day(iso: s) else { throw wrong("a date YYYY-MM-DD, not \"\(s)\"") }
            return .day(d)
        case .texts:
            if x.isNull { return .texts([]) }
            if let s = x.stringValue { return .texts(FlatText.split(s)) }
            guard let a = x.arrayValue else { throw wrong("a list of strings") }
            return .texts(try a.map { guard let s = $0.stringValue else { throw wrong("a list of strings") }; return s })
        case .sources:
            if x.isNull { return .sources([]) }
            guard let a = x.arrayValue else { throw wrong("a list of source objects") }
            return .sources(try a.map(source))
        }
    }

    static func source(_ x: JSONValue) throws -> EventSource {
        guard let o = x.objectValue else { throw EventJSONError("each source must be an object") }
        func int(_ k: String) throws -> Int {
            guard let v = o[k], !v.isNull else { return 0 }
            guard let n = v.intValue, n >= 0 else { throw EventJSONError("a source's \"\(k)\" must be a whole number ≥ 0") }
            return n
        }
        return EventSource(report: o["report"]?.stringValue ?? "", sentence: o["sentence"]?.stringValue ?? "",
                           charStart: try int("char_start"), charEnd: try int("char_end"))
    }

    // MARK: Flat (GeoJSON properties, store rows)

    /// The flat properties of an event: every flat field of `EventField` (lists joined by "; ", `sources` as
    /// their count, `fatalities`, `fatalities_claimed` and `displaced` 0 when not reported) and every
    /// `FlatExtraField`.
    public static func flatProperties(_ e: Event) -> [String: JSONValue] {
        var p: [String: JSONValue] = [:]
        for f in EventField.carried(by: .flat) { p[f.name] = flat(f.value(of: e), field: f) }
        for x in FlatExtraField.allCases { p[x.name] = x.value(of: e) }
        return p
    }

    /// One field's flat value (as `flatProperties` writes it): the store's rows are written with it.
    public static func flat(_ v: FieldValue, field: EventField) -> JSONValue {
        switch v {
        case .integer(let n): return .number(Double(n ?? 0))
        case .texts(let l): return l.isEmpty ? .null : .string(l.joined(separator: FlatText.listSeparator))
        case .sources(let s): return .number(Double(s.count))
        default: return json(v, field: field)
        }
    }

    /// The values of flat properties, with the feature's point; `sources` are the full list when the caller has
    /// it (from `sources.csv` or the store), else the first source the properties name.
    /// - Throws: `EventJSONError` naming the key whose value has the wrong type.
    public static func values(ofFlat p: [String: JSONValue], coordinate: Coordinate?,
                              sources: [EventSource]?) throws -> EventValues {
        var v = EventValues()
        for f in EventField.carried(by: .flat) where f != .sources {
            guard let x = p[f.name] else { continue }
            v[f] = try value(x, field: f)
        }
        if p[FlatExtraField.fatalitiesReported.name]?.boolValue == false { v[.fatalities] = .integer(nil) }
        for f in [EventField.fatalitiesClaimed, .displaced] where v[f] == .integer(0) { v[f] = .integer(nil) }
        v[.lon] = .real(coordinate?.lon)
        v[.lat] = .real(coordinate?.lat)
        if let sources {
            v[.sources] = .sources(sources)
        } else if let report = p[FlatExtraField.sourceReport.name]?.stringValue {
            v[.sources] = .sources([EventSource(report: report, sentence: p[FlatExtraField.sourceSentence.name]?.stringValue ?? "",
                                                charStart: 0, charEnd: 0)])
        }
        return v
    }
}

/// A problem with one event's JSON object.
public struct EventJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

import Foundation
