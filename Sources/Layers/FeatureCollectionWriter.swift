import Events
import GeoModel

/// Streams one GeoJSON FeatureCollection into a file: the members that sort before `features`
/// (`attribution`, `bbox`, ...), then each feature as it comes, then the rest (`name`, `type`).
/// Memory stays at one buffer whatever the number of features. Events go through a specialised
/// formatter that writes the same bytes as `GeoJSON.encode(EventFeatures.feature(of:))`; other
/// features through the general encoder. The result equals `GeoJSON.encode` of the whole collection.
public final class FeatureCollectionWriter {
    private let sink: ByteSink
    private var first = true
    private var tail: [UInt8] = []

    /// Starts a collection at `path` (through a temporary file) with a `bbox` (omitted when nil)
    /// and the foreign `members` (for example `attribution`, `name`); throws `LayersError.unwritableOutput`.
    public init(path: String, bbox: BoundingBox?, members: [String: JSONValue], bufferSize: Int = 1 << 20) throws {
        sink = try ByteSink(path: path, bufferSize: bufferSize)
        // Every member but `features`, rendered as `"key":value`, in the general encoder's sorted order.
        let reserved: Set<String> = ["type", "features", "bbox", "geometry", "properties", "id", "coordinates", "geometries"]
        var rendered: [(key: String, bytes: [UInt8])] = members.filter { !reserved.contains($0.key) }.map { key, value in
            var w = JSONWriter()
            w.write(string: key)
            w.raw(byte: UInt8(ascii: ":"))
            w.write(value)
            return (key, w.bytes)
        }
        rendered.append(("type", Array("\"type\":\"FeatureCollection\"".utf8)))
        if let bbox {
            var w = JSONWriter()
            w.raw("\"bbox\":[")
            for (k, x) in bbox.values.enumerated() {
                if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
                w.write(fixed: x, decimals: GeoJSON.decimals)
            }
            w.raw(byte: UInt8(ascii: "]"))
            rendered.append(("bbox", w.bytes))
        }
        rendered.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let before = rendered.filter { $0.key.utf8.lexicographicallyPrecedes("features".utf8) }
        let after = rendered.filter { !$0.key.utf8.lexicographicallyPrecedes("features".utf8) }
        var head: [UInt8] = [UInt8(ascii: "{")]
        for m in before { head += m.bytes + [UInt8(ascii: ",")] }
        head += Array("\"features\":[".utf8)
        sink.append(head)
        tail = [UInt8(ascii: "]")]
        for m in after { tail += [UInt8(ascii: ",")] + m.bytes }
        tail.append(UInt8(ascii: "}"))
    }

    /// Appends one event as a Feature (the fast formatter).
    public func write(event e: Event) {
        if !first { sink.append(byte: UInt8(ascii: ",")) }
        first = false
        EventFeatureFormat.write(e, to: sink)
    }

    /// Appends one Feature (the general encoder).
    public func write(feature f: Feature) {
        if !first { sink.append(byte: UInt8(ascii: ",")) }
        first = false
        sink.append(GeoJSON.encode(f))
    }

    /// Closes the collection and renames the file into place; throws `LayersError.unwritableOutput`.
    public func finish() throws {
        sink.append(tail)
        try sink.commit()
    }
}

/// RFC 8142 GeoJSON text sequences: each feature preceded by RS (0x1E) and followed by LF.
public final class FeatureSequenceWriter {
    private let sink: ByteSink

    /// Starts a sequence at `path` (through a temporary file); throws `LayersError.unwritableOutput`.
    public init(path: String, bufferSize: Int = 1 << 20) throws { sink = try ByteSink(path: path, bufferSize: bufferSize) }

    /// Appends one event as a Feature.
    public func write(event e: Event) {
        sink.append(byte: 0x1E)
        EventFeatureFormat.write(e, to: sink)
        sink.append(byte: 0x0A)
    }

    /// Renames the file into place; throws `LayersError.unwritableOutput`.
    public func finish() throws { try sink.commit() }
}

/// The specialised formatter of one event Feature: preformatted key bytes, numbers without
/// allocation. It must write exactly `GeoJSON.encode(EventFeatures.feature(of: e))` (a test holds it
/// to that); when `Event.json` gains a key, add it here in sorted place.
enum EventFeatureFormat {
    static func write(_ e: Event, to s: ByteSink) {
        if let c = e.coordinate {
            s.append(static: "{\"geometry\":{\"coordinates\":[")
            s.append(fixed6: c.x)
            s.append(byte: UInt8(ascii: ","))
            s.append(fixed6: c.y)
            s.append(static: "],\"type\":\"Point\"},\"id\":")
        } else {
            s.append(static: "{\"geometry\":null,\"id\":")
        }
        s.append(jsonString: e.id)
        s.append(static: ",\"properties\":{\"actors\":[")
        for (k, a) in e.actors.enumerated() {
            if k > 0 { s.append(byte: UInt8(ascii: ",")) }
            s.append(jsonString: a)
        }
        s.append(static: "],\"claimed\":")
        if e.claimed { s.append(static: "true") } else { s.append(static: "false") }
        s.append(static: ",\"date_precision\":")
        s.append(jsonString: e.datePrecision.rawValue)
        s.append(static: ",\"direction\":")
        s.append(jsonString: e.direction)
        s.append(static: ",\"displaced\":")
        s.append(int: e.displaced)
        s.append(static: ",\"end\":")
        appendDay(e.end, to: s)
        s.append(static: ",\"fatalities\":")
        s.append(int: e.fatalities)
        s.append(static: ",\"fatalities_detail\":")
        s.append(jsonString: e.fatalitiesDetail)
        s.append(static: ",\"geo_precision\":")
        s.append(int: Int64(e.geoPrecision))
        s.append(static: ",\"id\":")
        s.append(jsonString: e.id)
        s.append(static: ",\"kind\":")
        s.append(jsonString: e.kind.rawValue)
        s.append(static: ",\"lat\":")
        if let c = e.coordinate { s.append(number: (c.lat * 1e6).rounded() / 1e6) } else { s.append(static: "null") }
        s.append(static: ",\"lon\":")
        if let c = e.coordinate { s.append(number: (c.lon * 1e6).rounded() / 1e6) } else { s.append(static: "null") }
        if let notes = e.notes {
            s.append(static: ",\"notes\":")
            s.append(jsonString: notes)
        }
        s.append(static: ",\"place\":")
        s.append(jsonString: e.place)
        s.append(static: ",\"place_id\":")
        s.append(jsonString: e.placeID)
        s.append(static: ",\"sources\":[")
        for (k, src) in e.sources.enumerated() {
            s.append(static: k > 0 ? ",{\"char_end\":" : "{\"char_end\":")
            s.append(int: Int64(src.charEnd))
            s.append(static: ",\"char_start\":")
            s.append(int: Int64(src.charStart))
            s.append(static: ",\"report\":")
            s.append(jsonString: src.report)
            s.append(static: ",\"sentence\":")
            s.append(jsonString: src.sentence)
            s.append(byte: UInt8(ascii: "}"))
        }
        s.append(static: "],\"start\":")
        appendDay(e.start, to: s)
        s.append(static: ",\"sub_type\":")
        s.append(jsonString: e.subType)
        s.append(static: ",\"time\":")
        if let d = e.start {
            s.append(byte: UInt8(ascii: "\""))
            appendISO(d, to: s)
            s.append(static: "T00:00:00Z\",\"timestamp\":")
            s.append(int: d.epochMilliseconds)
        } else {
            s.append(static: "null,\"timestamp\":null")
        }
        s.append(static: ",\"type\":")
        s.append(jsonString: e.type)
        s.append(static: ",\"unresolved_place\":")
        s.append(jsonString: e.unresolvedPlace)
        s.append(static: "},\"type\":\"Feature\"}")
    }

    private static func appendDay(_ d: Day?, to s: ByteSink) {
        guard let d else { s.append(static: "null"); return }
        s.append(byte: UInt8(ascii: "\""))
        appendISO(d, to: s)
        s.append(byte: UInt8(ascii: "\""))
    }

    /// YYYY-MM-DD without `String(format:)`; years outside 0...9999 go through `Day.description`.
    private static func appendISO(_ d: Day, to s: ByteSink) {
        let c = d.components
        guard (0...9999).contains(c.year) else { s.append(d.description); return }
        let p = s.reserve(10)
        p[0] = 0x30 + UInt8(c.year / 1000)
        p[1] = 0x30 + UInt8(c.year / 100 % 10)
        p[2] = 0x30 + UInt8(c.year / 10 % 10)
        p[3] = 0x30 + UInt8(c.year % 10)
        p[4] = UInt8(ascii: "-")
        p[5] = 0x30 + UInt8(c.month / 10)
        p[6] = 0x30 + UInt8(c.month % 10)
        p[7] = UInt8(ascii: "-")
        p[8] = 0x30 + UInt8(c.day / 10)
        p[9] = 0x30 + UInt8(c.day % 10)
        s.advance(by: 10)
    }
}
