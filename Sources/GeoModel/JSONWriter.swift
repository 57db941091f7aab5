/// Writes JSON text byte-stably: object keys sorted by their UTF-8 bytes, no spaces,
/// integral numbers without a fraction, other numbers in their shortest round-trip form.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity n: Int = 0) { bytes.reserveCapacity(n) }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw UTF-8 text, unchanged.
    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
    /// Appends one raw byte.
    public mutating func raw(byte b: UInt8) { bytes.append(b) }
    /// Appends raw bytes.
    public mutating func raw(bytes b: [UInt8]) { bytes.append(contentsOf: b) }
    /// Removes all bytes, keeping the capacity.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends a value.
    public mutating func write(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): write(number: n)
        case .string(let s): write(string: s)
        case .array(let a):
            bytes.append(UInt8(ascii: "["))
            for (k, x) in a.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                write(x)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let o):
            write(object: o.map { ($0.key, $0.value) })
        }
    }

    /// Appends an object whose members are written in sorted key order.
    public mutating func write(object members: [(String, JSONValue)]) {
        let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        bytes.append(UInt8(ascii: "{"))
        for (k, (key, value)) in sorted.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            write(string: key)
            bytes.append(UInt8(ascii: ":"))
            write(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends a number: integers as integers, others in shortest round-trip form; NaN and infinities as null.
    public mutating func write(number n: Double) {
        guard n.isFinite else { raw("null"); return }
        if n == n.rounded(), abs(n) < 1e15 {
            raw(String(Int64(n)))
        } else {
            raw("\(n)")
        }
    }

    /// Appends a number with at most `decimals` decimals (rounded half away from zero, trailing zeros trimmed).
    public mutating func write(fixed n: Double, decimals: Int = 6) {
        guard n.isFinite else { raw("null"); return }
        FixedDecimal.append(n, decimals: decimals, to: &bytes)
    }

    /// Appends a quoted, escaped string.
    public mutating func write(string s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(b)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 15)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// One value as compact, key-sorted JSON text.
    public static func string(_ v: JSONValue) -> String {
        var w = JSONWriter()
        w.write(v)
        return w.text
    }
}

/// Fast, locale-free fixed-point formatting of doubles.
public enum FixedDecimal {
    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// Appends `n` with at most `decimals` (0...9) decimals, trailing zeros trimmed, to `out`.
    /// Falls back to Swift's shortest form when the scaled value does not fit in 64 bits.
    public static func append(_ n: Double, decimals: Int, to out: inout [UInt8]) {
        let scale = powers[max(0, min(decimals, 9))]
        let scaled = (abs(n) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { out.append(contentsOf: "\(n)".utf8); return }
        var units = UInt64(scaled)
        if units == 0 { out.append(UInt8(ascii: "0")); return }
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var frac = [UInt8](repeating: 0x30, count: decimals)
        var k = decimals - 1
        while k >= 0 {
            frac[k] = 0x30 + UInt8(units % 10)
            units /= 10
            k -= 1
        }
        // integer part
        if units == 0 {
            out.append(UInt8(ascii: "0"))
        } else {
            var digits: [UInt8] = []
            while units > 0 { digits.append(0x30 + UInt8(units % 10)); units /= 10 }
            out.append(contentsOf: digits.reversed())
        }
        var end = decimals
        while end > 0, frac[end - 1] == 0x30 { end -= 1 }
        if end > 0 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: frac[0..<end])
        }
    }

    /// `n` formatted with at most `decimals` decimals, trailing zeros trimmed.
    public static func string(_ n: Double, decimals: Int = 6) -> String {
        var out: [UInt8] = []
        append(n, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
