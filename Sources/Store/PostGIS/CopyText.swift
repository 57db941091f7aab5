import GeoModel

/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: fields separated by tabs, rows ended by a
/// newline, `\N` for NULL, and backslash, tab, newline and carriage return escaped in text.
struct CopyText {
    private var first = true

    /// Starts a new row's first field.
    init() {}

    /// Appends one field (nil: NULL).
    @inline(__always)
    mutating func field(_ s: String?, to out: inout [UInt8]) {
        separate(&out)
        guard var s else { out += [0x5C, 0x4E]; return }
        s.withUTF8 { b in
            for c in b {
                switch c {
                case 0x5C: out += [0x5C, 0x5C]
                case 0x09: out += [0x5C, 0x74]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                default: out.append(c)
                }
            }
        }
    }

    /// Appends a field written without escaping (numbers, hexadecimal).
    @inline(__always)
    mutating func raw(_ s: String, to out: inout [UInt8]) {
        separate(&out)
        out += s.utf8
    }

    /// Ends the row.
    mutating func end(_ out: inout [UInt8]) {
        out.append(0x0A)
        first = true
    }

    private mutating func separate(_ out: inout [UInt8]) {
        if !first { out.append(0x09) }
        first = false
    }

    /// A point as hexadecimal EWKB with SRID 4326 (what a `geography(Point,4326)` column reads).
    static func ewkbHex(_ c: Coordinate) -> String {
        var bytes: [UInt8] = [0x01, 0x01, 0x00, 0x00, 0x20, 0xE6, 0x10, 0x00, 0x00]
        GeoPackageBinary.put(c.lon, &bytes)
        GeoPackageBinary.put(c.lat, &bytes)
        return hex(bytes)
    }

    /// Bytes as lowercase hexadecimal.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
