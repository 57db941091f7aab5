import GeoModel

/// Allocation-free JSON formatting straight into a `ByteSink`, byte for byte the same as
/// `JSONWriter` (strings, integers) and `FixedDecimal` (positions): the hot path of event layers.
extension ByteSink {
    /// Appends ASCII/UTF-8 text known at compile time.
    @inline(__always) func append(static s: StaticString) {
        append(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends a signed integer in decimal.
    @inline(__always) func append(int v: Int64) {
        let p = reserve(21)
        var n = 0
        if v < 0 { p[0] = UInt8(ascii: "-"); n = 1 }
        advance(by: n + Self.digits(v.magnitude, at: p + n))
    }

    /// Writes the decimal digits of `u` at `p` (at most 20 bytes) and returns how many.
    @inline(__always) static func digits(_ u: UInt64, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        var rest = u
        repeat { k += 1; rest /= 10 } while rest > 0
        rest = u
        for j in stride(from: k - 1, through: 0, by: -1) {
            p[j] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
        return k
    }

    /// Appends `x` with at most six decimals, rounded half away from zero, trailing zeros trimmed:
    /// the same bytes as `FixedDecimal.append(x, decimals: 6, to:)`.
    @inline(__always) func append(fixed6 x: Double) {
        guard x.isFinite else { append(static: "null"); return }
        let scaled = (abs(x) * 1e6).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { append("\(x)"); return }
        var units = UInt64(scaled)
        if units == 0 { append(byte: UInt8(ascii: "0")); return }
        let p = reserve(32)
        var n = 0
        if x < 0 { p[0] = UInt8(ascii: "-"); n = 1 }
        var frac = units % 1_000_000
        units /= 1_000_000
        n += Self.digits(units, at: p + n)
        if frac > 0 {
            var width = 6
            while frac % 10 == 0 { frac /= 10; width -= 1 }
            p[n] = UInt8(ascii: ".")
            n += 1
            var j = width - 1
            while j >= 0 {
                p[n + j] = 0x30 + UInt8(frac % 10)
                frac /= 10
                j -= 1
            }
            n += width
        }
        advance(by: n)
    }

    /// Appends a number as `JSONWriter.write(number:)` does, for values already rounded to six decimals.
    @inline(__always) func append(number x: Double) {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
            append(int: Int64(x))
        } else if x.isFinite, abs(x) >= 1, abs(x) < 1e9 {
            // A double rounded to six decimals and at least 1 in size: its shortest round-trip form is
            // the six-decimal form with trailing zeros trimmed (no exponent).
            append(fixed6: x)
        } else {
            var w = JSONWriter()
            w.write(number: x)
            append(w.bytes)
        }
    }

    /// Appends a quoted JSON string, escaped as `JSONWriter.write(string:)` does.
    @inline(__always) func append(jsonString s: String) {
        var s = s
        s.withUTF8 { u in
            append(byte: UInt8(ascii: "\""))
            var clean = true
            for b in u where b < 0x20 || b == 0x22 || b == 0x5C { clean = false; break }
            if clean {
                append(UnsafeRawBufferPointer(u))
            } else {
                for b in u { appendEscaped(b) }
            }
            append(byte: UInt8(ascii: "\""))
        }
    }

    /// Appends a JSON string or `null`.
    @inline(__always) func append(jsonString s: String?) {
        if let s { append(jsonString: s) } else { append(static: "null") }
    }

    /// Appends an integer or `null`.
    @inline(__always) func append(int v: Int?) {
        if let v { append(int: Int64(v)) } else { append(static: "null") }
    }

    private func appendEscaped(_ b: UInt8) {
        switch b {
        case 0x22, 0x5C: append(byte: 0x5C); append(byte: b)
        case 0x0A: append(byte: 0x5C); append(byte: UInt8(ascii: "n"))
        case 0x0D: append(byte: 0x5C); append(byte: UInt8(ascii: "r"))
        case 0x09: append(byte: 0x5C); append(byte: UInt8(ascii: "t"))
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            append(static: "\\u00")
            append(byte: hex.utf8Start[Int(b >> 4)])
            append(byte: hex.utf8Start[Int(b & 15)])
        default: append(byte: b)
        }
    }
}
