import GeoModel

/// Errors from reading event files, naming the file and line.
public enum EventFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row that cannot be read; `line` is 1-based.
    case malformed(file: String, line: Int, message: String)
    /// A file that is not of a known events format.
    case unknownFormat(file: String, message: String)
    /// A GeoJSON feature that is not an event; `index` is 1-based.
    case malformedFeature(file: String, index: Int, message: String)
    /// A file or folder that cannot be read (missing, unreadable).
    case unreadable(file: String, message: String)
    /// A folder given as input that holds no report or event file.
    case emptyFolder(path: String)
    /// An input file whose kind PlaceMap does not know.
    case unknownInput(path: String)

    public var description: String {
        switch self {
        case .malformed(let f, let l, let m): return "\(f):\(l): \(m)"
        case .unknownFormat(let f, let m): return "\(f): \(m)"
        case .malformedFeature(let f, let i, let m): return "\(f): feature \(i): \(m)"
        case .unreadable(let f, let m): return "\(f): \(m)"
        case .emptyFolder(let p): return "\(p) holds no report (.txt) or event file (.jsonl, .csv, .geojson)"
        case .unknownInput(let p):
            return "\(p) is neither a report (.txt) nor an event file (.jsonl, .ndjson, .csv, .geojson)"
        }
    }
}

extension Event {
    /// The event as the JSON object of `extract --format jsonl` (keys scripts rely on; see README).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id), "kind": .string(kind.rawValue), "type": .string(type), "sub_type": .string(subType),
            "start": .string(start?.description), "end": .string(end?.description),
            "date_precision": .string(datePrecision.rawValue), "place": .string(place), "place_id": .string(placeID),
            "lon": coordinate.map { .number(($0.lon * 1e6).rounded() / 1e6) } ?? .null,
            "lat": coordinate.map { .number(($0.lat * 1e6).rounded() / 1e6) } ?? .null,
            "geo_precision": .int(geoPrecision), "direction": .string(direction),
            "actors": .array(actors.map { .string($0) }), "fatalities": .int(fatalities),
            "fatalities_detail": .string(fatalitiesDetail), "claimed": .bool(claimed), "displaced": .int(displaced),
            "unresolved_place": .string(unresolvedPlace),
            "sources": .array(sources.map {
                ["report": .string($0.report), "sentence": .string($0.sentence),
                 "char_start": .int($0.charStart), "char_end": .int($0.charEnd)]
            }),
        ]
        if let notes { o["notes"] = .string(notes) }
        if let admin1 { o["admin1"] = .string(admin1) }
        return .object(o)
    }

    /// An event from its JSON object; throws a message naming the missing or wrong key.
    public init(json v: JSONValue) throws {
        guard let o = v.objectValue else { throw EventJSONError("an event must be a JSON object") }
        func string(_ k: String) throws -> String? {
            guard let x = o[k], !x.isNull else { return nil }
            guard let s = x.stringValue else { throw EventJSONError("\"\(k)\" must be a string") }
            return s
        }
        func int(_ k: String) throws -> Int? {
            guard let x = o[k], !x.isNull else { return nil }
            guard let n = x.intValue else { throw EventJSONError("\"\(k)\" must be a whole number") }
            return n
        }
        func day(_ k: String) throws -> Day? {
            guard let s = try string(k) else { return nil }
            guard let d = Day(iso: s) else { throw EventJSONError("\"\(k)\" must be a date YYYY-MM-DD, not \"\(s)\"") }
            return d
        }
        guard let id = try string("id") else { throw EventJSONError("missing \"id\"") }
        var coordinate: Coordinate?
        if let lon = o["lon"]?.numberValue, let lat = o["lat"]?.numberValue {
            let c = Coordinate(lon: lon, lat: lat)
            guard c.isValidGeographic else { throw EventJSONError("coordinates \(lon),\(lat) are out of range") }
            coordinate = c
        }
        let start = try day("start"), end = try day("end")
        let precision: DatePrecision
        if let p = try string("date_precision") {
            guard let dp = DatePrecision(rawValue: p) else { throw EventJSONError("unknown date_precision \"\(p)\"") }
            precision = dp
        } else {
            precision = start == nil ? .unknown : (start == end || end == nil ? .day : .span)
        }
        let sources = try (o["sources"]?.arrayValue ?? []).map { s -> EventSource in
            guard let so = s.objectValue else { throw EventJSONError("each source must be an object") }
            return EventSource(report: so["report"]?.stringValue ?? "", sentence: so["sentence"]?.stringValue ?? "",
                               charStart: so["char_start"]?.intValue ?? 0, charEnd: so["char_end"]?.intValue ?? 0)
        }
        self.init(id: id, kind: EventKind(rawValue: try string("kind") ?? "event") ?? .event,
                  type: try string("type") ?? "", subType: try string("sub_type") ?? "",
                  start: start, end: end ?? start, datePrecision: precision,
                  place: try string("place") ?? "", placeID: try string("place_id"), coordinate: coordinate,
                  geoPrecision: try int("geo_precision") ?? 1, direction: try string("direction"),
                  actors: (o["actors"]?.arrayValue ?? []).compactMap(\.stringValue),
                  fatalities: try int("fatalities"), fatalitiesDetail: try string("fatalities_detail"),
                  claimed: o["claimed"]?.boolValue ?? false, displaced: try int("displaced"),
                  unresolvedPlace: try string("unresolved_place"), sources: sources, notes: try string("notes"),
                  admin1: try string("admin1"))
    }
}

/// A problem with one event's JSON object.
public struct EventJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// JSON Lines (one event object per line) in and out.
public enum EventJSONLines {
    /// One line per event, keys sorted, ending in a newline.
    public static func encode(_ events: [Event]) -> String {
        var w = JSONWriter()
        for e in events {
            w.write(e.json)
            w.raw(byte: 0x0A)
        }
        return w.text
    }

    /// Events from JSON Lines text; blank lines are skipped; throws `EventFileError.malformed` naming the line.
    public static func decode(_ text: String, file: String) throws -> [Event] {
        var events: [Event] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                events.append(try Event(json: try JSONParser.parse(trimmed)))
            } catch {
                throw EventFileError.malformed(file: file, line: i + 1, message: "\(error)")
            }
        }
        return events
    }
}

import Foundation
