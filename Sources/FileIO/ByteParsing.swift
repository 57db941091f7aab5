import GeoModel
/// Locale-free parsing of numbers and dates straight from UTF-8 bytes, without building strings.
public enum ByteParsing {
    /// A decimal number (`-36.801234`, `35`, `1e3`; surrounding spaces allowed); nil when malformed.
    ///
    /// Plain decimals of at most 15 significant digits take the exact fast path (Clinger): the digits
    /// as an integer m < 2^53 divided by 10^k (k ≤ 22), both exact doubles, so the one IEEE division
    /// rounds correctly, as `strtod` does. Anything else goes through Swift's correctly rounded
    /// `Double(_:)`. Either way the result is the double nearest the decimal.
    @inline(__always)
    public static func double(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, n = s.count
        while i < n, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
        while n > i, s[n - 1] == 0x20 || s[n - 1] == 0x09 { n -= 1 }
        guard i < n else { return nil }
        let first = i
        var negative = false
        if s[i] == 0x2D { negative = true; i += 1 } else if s[i] == 0x2B { i += 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, sawDigit = false, significant = 0
        while i < n {
            let d = s[i] &- 0x30
            guard d < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; sawDigit = true
            if mantissa != 0 { significant += 1 }
            i += 1
        }
        if i < n, s[i] == 0x2E {
            i += 1
            while i < n {
                let d = s[i] &- 0x30
                guard d < 10 else { break }
                mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; fraction += 1; sawDigit = true
                if mantissa != 0 { significant += 1 }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i == n, significant <= 15, digits <= 19, fraction <= 22 {
            var scale = 1.0  // 10^fraction, exact for fraction ≤ 22
            for _ in 0..<fraction { scale *= 10 }
            let v = Double(mantissa) / scale
            return negative ? -v : v
        }
        // Exponents, long mantissas: the general, correctly rounded path (rare).
        let text = String(decoding: UnsafeBufferPointer(rebasing: s[first..<n]), as: UTF8.self)
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
              let v = Double(text), v.isFinite else { return nil }
        return v
    }

    /// A whole number (optional sign, digits, surrounding spaces allowed); nil when malformed or empty.
    @inline(__always)
    public static func int(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, n = s.count
        while i < n, s[i] == 0x20 { i += 1 }
        while n > i, s[n - 1] == 0x20 { n -= 1 }
        guard i < n else { return nil }
        var negative = false
        if s[i] == 0x2D { negative = true; i += 1 } else if s[i] == 0x2B { i += 1 }
        guard i < n, n - i <= 18 else { return nil }
        var v = 0
        while i < n {
            let d = s[i] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
            i += 1
        }
        return negative ? -v : v
    }

    /// True when the bytes are empty or only spaces.
    @inline(__always)
    public static func isBlank(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// A calendar day written `YYYY-MM-DD` (fast path) or as ACLED exports write it, `06 February 2020`
    /// (`6 Feb 2020` too); nil when malformed or not a real day.
    @inline(__always)
    public static func day(_ s: UnsafeBufferPointer<UInt8>) -> Day? {
        if s.count == 10, s[4] == 0x2D, s[7] == 0x2D {
            func digit(_ k: Int) -> Int? { let d = s[k] &- 0x30; return d < 10 ? Int(d) : nil }
            guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
                  let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
            return Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        }
        let text = String(decoding: s, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if let d = Day(iso: text) { return d }
        let parts = text.split(separator: " ")
        guard parts.count == 3, let d = Int(parts[0]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        let name = parts[1].lowercased()
        guard name.count >= 3, let m = months.firstIndex(where: { $0.hasPrefix(name) }) else { return nil }
        return Day(year: y, month: m + 1, day: d)
    }
}

import Foundation
