/// Errors from reading GeoJSON.
public enum GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not JSON.
    case json(JSONParseError)
    /// The JSON is not GeoJSON of the expected shape; the message says what is wrong.
    case invalid(String)

    public var description: String {
        switch self {
        case .json(let e): return "not JSON: \(e)"
        case .invalid(let m): return "not valid GeoJSON: \(m)"
        }
    }
}

/// Reads and writes GeoJSON (RFC 7946) byte-stably: sorted keys, positions with six decimals
/// (trailing zeros trimmed), longitude first, no white space.
public enum GeoJSON {
    /// Decimals written for positions.
    public static let decimals = 6

    // MARK: Writing

    /// The FeatureCollection as GeoJSON text.
    public static func encode(_ collection: FeatureCollection) -> String {
        var w = JSONWriter()
        write(collection, to: &w)
        return w.text
    }

    /// The Feature as GeoJSON text.
    public static func encode(_ feature: Feature) -> String {
        var w = JSONWriter()
        write(feature, to: &w)
        return w.text
    }

    /// The Geometry as GeoJSON text.
    public static func encode(_ geometry: Geometry) -> String {
        var w = JSONWriter()
        write(geometry, to: &w)
        return w.text
    }

    /// Appends a FeatureCollection.
    public static func write(_ c: FeatureCollection, to w: inout JSONWriter) {
        var members: [(String, (inout JSONWriter) -> Void)] = [
            ("type", { $0.write(string: "FeatureCollection") }),
            ("features", { w in
                w.raw(byte: UInt8(ascii: "["))
                for (k, f) in c.features.enumerated() {
                    if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
                    write(f, to: &w)
                }
                w.raw(byte: UInt8(ascii: "]"))
            }),
        ]
        if let b = c.bbox { members.append(("bbox", { writeBBox(b, to: &$0) })) }
        for (k, v) in c.foreignMembers where !reserved.contains(k) { members.append((k, { $0.write(v) })) }
        writeObject(members, to: &w)
    }

    /// Appends a Feature.
    public static func write(_ f: Feature, to w: inout JSONWriter) {
        var members: [(String, (inout JSONWriter) -> Void)] = [
            ("type", { $0.write(string: "Feature") }),
            ("geometry", { w in if let g = f.geometry { write(g, to: &w) } else { w.raw("null") } }),
            ("properties", { w in if let p = f.properties { w.write(.object(p)) } else { w.raw("null") } }),
        ]
        if let id = f.id { members.append(("id", { $0.write(id) })) }
        if let b = f.bbox { members.append(("bbox", { writeBBox(b, to: &$0) })) }
        for (k, v) in f.foreignMembers where !reserved.contains(k) { members.append((k, { $0.write(v) })) }
        writeObject(members, to: &w)
    }

    /// Appends a Geometry.
    public static func write(_ g: Geometry, to w: inout JSONWriter) {
        if case .geometryCollection(let gs) = g {
            w.raw("{\"geometries\":[")
            for (k, x) in gs.enumerated() {
                if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
                write(x, to: &w)
            }
            w.raw("],\"type\":\"GeometryCollection\"}")
            return
        }
        w.raw("{\"coordinates\":")
        switch g {
        case .point(let c): writePosition(c, to: &w)
        case .multiPoint(let cs), .lineString(let cs): writePositions(cs, to: &w)
        case .multiLineString(let ls), .polygon(let ls): writeNested(ls, to: &w)
        case .multiPolygon(let ps):
            w.raw(byte: UInt8(ascii: "["))
            for (k, p) in ps.enumerated() {
                if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
                writeNested(p, to: &w)
            }
            w.raw(byte: UInt8(ascii: "]"))
        case .geometryCollection: break
        }
        w.raw(",\"type\":\"")
        w.raw(g.typeName)
        w.raw("\"}")
    }

    /// Appends one position `[lon,lat]` with six decimals.
    public static func writePosition(_ c: Coordinate, to w: inout JSONWriter) {
        w.raw(byte: UInt8(ascii: "["))
        w.write(fixed: c.x, decimals: decimals)
        w.raw(byte: UInt8(ascii: ","))
        w.write(fixed: c.y, decimals: decimals)
        w.raw(byte: UInt8(ascii: "]"))
    }

    private static let reserved: Set<String> = ["type", "features", "bbox", "geometry", "properties", "id",
                                                "coordinates", "geometries"]

    private static func writePositions(_ cs: [Coordinate], to w: inout JSONWriter) {
        w.raw(byte: UInt8(ascii: "["))
        for (k, c) in cs.enumerated() {
            if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
            writePosition(c, to: &w)
        }
        w.raw(byte: UInt8(ascii: "]"))
    }

    private static func writeNested(_ ls: [[Coordinate]], to w: inout JSONWriter) {
        w.raw(byte: UInt8(ascii: "["))
        for (k, l) in ls.enumerated() {
            if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
            writePositions(l, to: &w)
        }
        w.raw(byte: UInt8(ascii: "]"))
    }

    private static func writeBBox(_ b: [Double], to w: inout JSONWriter) {
        w.raw(byte: UInt8(ascii: "["))
        for (k, x) in b.enumerated() {
            if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
            w.write(fixed: x, decimals: decimals)
        }
        w.raw(byte: UInt8(ascii: "]"))
    }

    private static func writeObject(_ members: [(String, (inout JSONWriter) -> Void)], to w: inout JSONWriter) {
        let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        w.raw(byte: UInt8(ascii: "{"))
        for (k, (key, body)) in sorted.enumerated() {
            if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
            w.write(string: key)
            w.raw(byte: UInt8(ascii: ":"))
            body(&w)
        }
        w.raw(byte: UInt8(ascii: "}"))
    }

    // MARK: Reading

    /// Reads a FeatureCollection (a lone Feature or Geometry is wrapped in one); throws `GeoJSONError`.
    public static func decodeCollection(_ text: String) throws -> FeatureCollection {
        let v: JSONValue
        do { v = try JSONParser.parse(text) } catch let e as JSONParseError { throw GeoJSONError.json(e) }
        return try collection(from: v)
    }

    /// A FeatureCollection from parsed JSON (a lone Feature or Geometry is wrapped in one).
    public static func collection(from v: JSONValue) throws -> FeatureCollection {
        guard let o = v.objectValue, let type = o["type"]?.stringValue else {
            throw GeoJSONError.invalid("the top level must be an object with a \"type\"")
        }
        switch type {
        case "FeatureCollection":
            guard let fs = o["features"]?.arrayValue else { throw GeoJSONError.invalid("a FeatureCollection needs a \"features\" array") }
            return FeatureCollection(features: try fs.map(feature(from:)), bbox: try bbox(o["bbox"]),
                                     foreignMembers: o.filter { !reserved.contains($0.key) })
        case "Feature":
            return FeatureCollection(features: [try feature(from: v)])
        default:
            return FeatureCollection(features: [Feature(geometry: try geometry(from: v))])
        }
    }

    /// A Feature from parsed JSON; throws `GeoJSONError`.
    public static func feature(from v: JSONValue) throws -> Feature {
        guard let o = v.objectValue, o["type"]?.stringValue == "Feature" else {
            throw GeoJSONError.invalid("expected a Feature")
        }
        let g: Geometry? = try o["geometry"].flatMap { $0.isNull ? nil : try geometry(from: $0) }
        var props: [String: JSONValue]? = nil
        if let p = o["properties"], !p.isNull {
            guard let po = p.objectValue else { throw GeoJSONError.invalid("\"properties\" must be an object or null") }
            props = po
        }
        return Feature(id: o["id"], geometry: g, properties: props, bbox: try bbox(o["bbox"]),
                       foreignMembers: o.filter { !reserved.contains($0.key) })
    }

    /// A Geometry from parsed JSON; throws `GeoJSONError` for unknown types or malformed positions.
    public static func geometry(from v: JSONValue) throws -> Geometry {
        guard let o = v.objectValue, let type = o["type"]?.stringValue else {
            throw GeoJSONError.invalid("a geometry must be an object with a \"type\"")
        }
        if type == "GeometryCollection" {
            guard let gs = o["geometries"]?.arrayValue else { throw GeoJSONError.invalid("a GeometryCollection needs \"geometries\"") }
            return .geometryCollection(try gs.map(geometry(from:)))
        }
        guard let c = o["coordinates"] else { throw GeoJSONError.invalid("a \(type) needs \"coordinates\"") }
        switch type {
        case "Point": return .point(try position(c))
        case "MultiPoint": return .multiPoint(try positions(c))
        case "LineString": return .lineString(try positions(c))
        case "MultiLineString": return .multiLineString(try nested(c))
        case "Polygon": return .polygon(try nested(c))
        case "MultiPolygon":
            guard let a = c.arrayValue else { throw GeoJSONError.invalid("MultiPolygon coordinates must be an array") }
            return .multiPolygon(try a.map(nested))
        default: throw GeoJSONError.invalid("unknown geometry type \"\(type)\"")
        }
    }

    private static func position(_ v: JSONValue) throws -> Coordinate {
        guard let a = v.arrayValue, a.count >= 2, let x = a[0].numberValue, let y = a[1].numberValue else {
            throw GeoJSONError.invalid("a position must be an array of at least two numbers")
        }
        return Coordinate(x: x, y: y)
    }

    private static func positions(_ v: JSONValue) throws -> [Coordinate] {
        guard let a = v.arrayValue else { throw GeoJSONError.invalid("expected an array of positions") }
        return try a.map(position)
    }

    private static func nested(_ v: JSONValue) throws -> [[Coordinate]] {
        guard let a = v.arrayValue else { throw GeoJSONError.invalid("expected an array of arrays of positions") }
        return try a.map(positions)
    }

    private static func bbox(_ v: JSONValue?) throws -> [Double]? {
        guard let v, !v.isNull else { return nil }
        guard let a = v.arrayValue, a.count == 4 || a.count == 6 else { throw GeoJSONError.invalid("bbox must hold 4 or 6 numbers") }
        return try a.map { guard let n = $0.numberValue else { throw GeoJSONError.invalid("bbox must hold numbers") }; return n }
    }
}
