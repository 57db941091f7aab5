import FileIO
import GeoModel

/// JSON text that is safe as data inside a JavaScript file or a `<script>` element: besides JSON's own
/// escapes, `<`, `>` and `&` are written `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can
/// appear), U+2028 and U+2029 as escapes (line terminators in older JavaScript), and characters that
/// XML 1.0 and HTML forbid or discourage (C0 and C1 controls other than tab, line feed and carriage
/// return; noncharacters such as U+FFFE) are dropped. Object keys are written in sorted order and
/// numbers in fixed forms, so the output is byte-stable. Bytes gather in `bytes`; `drain(into:)`
/// hands them to a file.
struct ScriptJSON {
    /// The text written so far.
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity n: Int = 1 << 12) { bytes.reserveCapacity(n) }

    /// Appends text as it is (punctuation and keys of PlaceMap's own).
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Moves the bytes into `sink` and empties the buffer (keeping its capacity).
    mutating func drain(into sink: ByteSink) {
        bytes.withUnsafeBytes { sink.append($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// The text written, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// True for the bytes written as they are: printable ASCII but the quote, backslash, `<`, `>` and `&`.
    @inline(__always) private static func isPlain(_ b: UInt8) -> Bool {
        b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C && b != 0x3C && b != 0x3E && b != 0x26
    }

    /// Appends a quoted, escaped string. Text of plain bytes only (most names and sentences) is copied at
    /// once; other text goes scalar by scalar.
    mutating func string(_ s: String) {
        var s = s
        let copied = s.withUTF8 { u in
            guard u.allSatisfy(Self.isPlain) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: u)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { escape(s) }
    }

    /// Appends `s` quoted, each scalar escaped or dropped as the type's summary says.
    private mutating func escape(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x3C: raw("\\u003c")
            case 0x3E: raw("\\u003e")
            case 0x26: raw("\\u0026")
            case 0x2028: raw("\\u2028")
            case 0x2029: raw("\\u2029")
            case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: continue  // forbidden or discouraged: dropped
            case _ where v & 0xFFFE == 0xFFFE: continue  // noncharacters U+xFFFE, U+xFFFF: dropped
            case 0x20..<0x80: bytes.append(UInt8(v))
            default: bytes.append(contentsOf: String(Character(u)).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a string, or `null`.
    mutating func string(_ s: String?) { if let s { string(s) } else { raw("null") } }

    /// Appends an integer.
    mutating func int(_ n: Int) { raw(String(n)) }

    /// Appends a number with at most `decimals` decimals (trailing zeros trimmed); non-finite as `null`.
    mutating func number(_ n: Double, decimals: Int) {
        guard n.isFinite else { raw("null"); return }
        FixedDecimal.append(n, decimals: decimals, to: &bytes)
    }

    /// Decimals of a page coordinate: 5 (about a metre), enough for a map and a fifth lighter than 6.
    static let coordinateDecimals = 5

    /// Appends `lon,lat` (no brackets).
    mutating func lonLat(_ c: Coordinate) {
        number(c.lon, decimals: Self.coordinateDecimals)
        bytes.append(UInt8(ascii: ","))
        number(c.lat, decimals: Self.coordinateDecimals)
    }

    /// Appends `[[lon,lat],...]`.
    mutating func positions(_ cs: [Coordinate]) {
        bytes.append(UInt8(ascii: "["))
        for (k, c) in cs.enumerated() {
            raw(k == 0 ? "[" : ",[")
            lonLat(c)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends a GeoJSON geometry object (RFC 7946 §3.1) with page-precision coordinates.
    mutating func geometry(_ g: Geometry) {
        raw("{\"type\":\"\(g.typeName)\",")
        switch g {
        case .point(let c): raw("\"coordinates\":["); lonLat(c); raw("]")
        case .multiPoint(let cs), .lineString(let cs): raw("\"coordinates\":"); positions(cs)
        case .multiLineString(let ls), .polygon(let ls): raw("\"coordinates\":"); list(ls) { $0.positions($1) }
        case .multiPolygon(let ps):
            raw("\"coordinates\":")
            list(ps) { w, rings in w.list(rings) { $0.positions($1) } }
        case .geometryCollection(let gs): raw("\"geometries\":"); list(gs) { $0.geometry($1) }
        }
        raw("}")
    }

    /// Appends `[a,b,...]`, each item written by `item`.
    mutating func list<T>(_ items: [T], _ item: (inout ScriptJSON, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (k, x) in items.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            item(&self, x)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends a JSON value: keys sorted, integral numbers as integers, others with up to 6 decimals.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): number(n, decimals: 6)
        case .string(let s): string(s)
        case .array(let a): list(a) { $0.value($1) }
        case .object(let o):
            let keys = o.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            bytes.append(UInt8(ascii: "{"))
            for (k, key) in keys.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                string(key)
                bytes.append(UInt8(ascii: ":"))
                value(o[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}
