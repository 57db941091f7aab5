import GeoModel

/// A write position in memory that the caller has made large enough beforehand (no bounds checks):
/// allocation-free JSON formatting, byte for byte the same as `JSONWriter` (strings, integers, numbers)
/// and `FixedDecimal` (six-decimal positions). The hot path of event layers.
@frozen public struct ByteCursor {
    /// Where the next byte goes.
    public var p: UnsafeMutablePointer<UInt8>

    /// "00" "01" ... "99": two digits per lookup.
    @usableFromInline static let pairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    @inlinable public init(_ p: UnsafeMutablePointer<UInt8>) { self.p = p }

    /// Appends one byte.
    @inlinable public mutating func put(_ b: UInt8) {
        p.pointee = b
        p += 1
    }

    /// Appends text known at compile time.
    @inlinable public mutating func put(_ s: StaticString) {
        p.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        p += s.utf8CodeUnitCount
    }

    /// Appends raw bytes.
    @inlinable public mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        p.update(from: base, count: bytes.count)
        p += bytes.count
    }

    /// Writes the two digits of `v` (0...99) at `at`.
    @inlinable static func pair(_ v: UInt64, at: UnsafeMutablePointer<UInt8>) {
        let s = pairs.utf8Start + Int(v) * 2
        at[0] = s[0]
        at[1] = s[1]
    }

    /// Appends `v` (0...99) as two digits, with a leading zero below 10.
    @inlinable public mutating func put(digits2 v: UInt64) {
        Self.pair(v, at: p)
        p += 2
    }

    /// Appends the decimal digits of `u` (at most 20).
    @inlinable public mutating func put(digits u: UInt64) {
        var n = 1
        var t = u
        while t >= 10 { t /= 10; n += 1 }
        var rest = u
        var end = p + n
        while rest >= 100 {
            end -= 2
            Self.pair(rest % 100, at: end)
            rest /= 100
        }
        if rest >= 10 { Self.pair(rest, at: end - 2) } else { (end - 1).pointee = 0x30 + UInt8(rest) }
        p += n
    }

    /// Appends a signed integer in decimal (`JSONWriter`'s form of whole numbers).
    @inlinable public mutating func put(int v: Int64) {
        if v < 0 { put(UInt8(ascii: "-")) }
        put(digits: v.magnitude)
    }

    /// Appends an integer or `null`.
    @inlinable public mutating func put(int v: Int?) {
        if let v { put(int: Int64(v)) } else { put("null") }
    }

    /// Appends `x` with at most six decimals, rounded half away from zero, trailing zeros trimmed:
    /// the same bytes as `FixedDecimal.append(x, decimals: 6, to:)` (and `null` when not finite, as
    /// `JSONWriter.write(fixed:)`). At most 32 bytes.
    @inlinable public mutating func put(fixed6 x: Double) {
        guard x.isFinite else { put("null"); return }
        let scaled = (abs(x) * 1e6).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { putSlow(Array("\(x)".utf8)); return }
        let units = UInt64(scaled)
        if units == 0 { put(UInt8(ascii: "0")); return }
        if x < 0 { put(UInt8(ascii: "-")) }
        put(digits: units / 1_000_000)
        let frac = units % 1_000_000
        guard frac > 0 else { return }
        p[0] = UInt8(ascii: ".")
        Self.pair(frac / 10_000, at: p + 1)
        Self.pair(frac / 100 % 100, at: p + 3)
        Self.pair(frac % 100, at: p + 5)
        var n = 7
        while p[n - 1] == 0x30 { n -= 1 }
        p += n
    }

    /// Appends a number as `JSONWriter.write(number:)` does, for values already rounded to six decimals.
    /// At most 32 bytes.
    @inlinable public mutating func put(number x: Double) {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
            put(int: Int64(x))
        } else if x.isFinite, abs(x) >= 1, abs(x) < 1e9 {
            // A double rounded to six decimals and at least 1 in size: its shortest round-trip form is
            // the six-decimal form with trailing zeros trimmed (no exponent).
            put(fixed6: x)
        } else {
            var w = JSONWriter()
            w.write(number: x)
            putSlow(w.bytes)
        }
    }

    @usableFromInline mutating func putSlow(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    /// The most bytes `put(jsonString:)` writes for a string of `utf8Count` bytes (each byte escaped
    /// as `\u00XX`, and the quotes).
    @inlinable public static func maxJSONString(_ utf8Count: Int) -> Int { 6 * utf8Count + 2 }

    /// Appends a quoted JSON string, escaped as `JSONWriter.write(string:)` does.
    @inlinable public mutating func put(jsonString s: String) {
        put(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ putEscaped($0) }) == nil {
            putEscaped(Array(s.utf8))
        }
        put(UInt8(ascii: "\""))
    }

    /// Appends a JSON string or `null`.
    @inlinable public mutating func put(jsonString s: String?) {
        if let s { put(jsonString: s) } else { put("null") }
    }

    @usableFromInline mutating func putEscaped(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { putEscaped($0) } }

    /// Copies `u`, escaping quote, backslash and control bytes.
    @usableFromInline mutating func putEscaped(_ u: UnsafeBufferPointer<UInt8>) {
        for b in u where b < 0x20 || b == 0x22 || b == 0x5C {
            putEscapedSlow(u)
            return
        }
        put(u)
    }

    @usableFromInline mutating func putEscapedSlow(_ u: UnsafeBufferPointer<UInt8>) {
        let hex: StaticString = "0123456789abcdef"
        for b in u {
            switch b {
            case 0x22, 0x5C: put(0x5C); put(b)
            case 0x0A: put(0x5C); put(UInt8(ascii: "n"))
            case 0x0D: put(0x5C); put(UInt8(ascii: "r"))
            case 0x09: put(0x5C); put(UInt8(ascii: "t"))
            case 0..<0x20:
                put("\\u00")
                put(hex.utf8Start[Int(b >> 4)])
                put(hex.utf8Start[Int(b & 15)])
            default: put(b)
            }
        }
    }
}
