/// One field of a CSV row: a byte range into the text, and whether it held doubled quotes to undo.
public struct CSVField: Sendable, Equatable {
    /// Offset of the field's first byte (inside the quotes for a quoted field).
    public var start: Int
    /// Offset just past the field's last byte.
    public var end: Int
    /// True when the field was quoted and holds `""` pairs that stand for one `"`.
    public var hasEscapedQuotes: Bool
}

/// A problem in the CSV syntax itself, at a 1-based line.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    /// The 1-based line where the problem was found.
    public var line: Int
    /// What is wrong.
    public var message: String
}

/// An RFC 4180 CSV tokenizer over UTF-8 bytes: comma-separated fields, fields in double quotes may
/// hold commas, line ends and doubled quotes (`""`); rows end in LF, CRLF or a lone CR; a leading
/// byte-order mark is skipped. Rows are returned as byte ranges into the text, reusing one array,
/// so that reading a row allocates nothing. Line numbers are 1-based and count the line ends inside
/// quoted fields, so that an error names the line an editor shows.
///
/// The bytes must outlive the reader (use it inside `withUnsafeBufferPointer` / `withUTF8`).
public struct CSVReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos: Int
    private var nextLine = 1
    /// The 1-based line on which the row last returned by `nextRow` starts.
    public private(set) var line = 0

    /// A reader over `bytes`, skipping a UTF-8 byte-order mark.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        pos = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Reads the next row's fields into `fields` (cleared first); false at the end of the text.
    /// Throws `CSVSyntaxError` for an unterminated quoted field or text after a closing quote.
    public mutating func nextRow(_ fields: inout [CSVField]) throws -> Bool {
        fields.removeAll(keepingCapacity: true)
        let n = bytes.count
        guard pos < n else { return false }
        line = nextLine
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        while true {
            if pos < n, bytes[pos] == quote {
                let quotedLine = nextLine
                pos += 1
                let start = pos
                var escaped = false
                while true {
                    guard pos < n else {
                        throw CSVSyntaxError(line: quotedLine, message: "a quoted field is never closed")
                    }
                    let b = bytes[pos]
                    if b == quote {
                        if pos + 1 < n, bytes[pos + 1] == quote { escaped = true; pos += 2; continue }
                        break
                    }
                    if b == lf || (b == cr && (pos + 1 >= n || bytes[pos + 1] != lf)) { nextLine += 1 }
                    pos += 1
                }
                fields.append(CSVField(start: start, end: pos, hasEscapedQuotes: escaped))
                pos += 1
                guard pos < n else { return true }
                let b = bytes[pos]
                if b == comma { pos += 1; continue }
                if b == lf || b == cr { endLine(); return true }
                throw CSVSyntaxError(line: nextLine, message: "text after a closing quote (a field with quotes must be quoted whole)")
            }
            let start = pos
            pos = endOfUnquotedField(from: pos)
            fields.append(CSVField(start: start, end: pos, hasEscapedQuotes: false))
            guard pos < n else { return true }
            if bytes[pos] == comma { pos += 1; continue }
            endLine()
            return true
        }
    }

    /// The offset of the first comma, LF or CR at or after `from` (the end of the text when none):
    /// eight bytes at a time (SWAR: a byte equal to b makes `(x - 0x01…) & ~x & 0x80…` non-zero for
    /// x = word ^ b·0x01…, and the lowest such bit always marks the first match), then byte by byte.
    @inline(__always)
    private func endOfUnquotedField(from start: Int) -> Int {
        var pos = start
        let n = bytes.count
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while pos + 8 <= n {
                let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                let c = w ^ (ones &* 0x2C), l = w ^ (ones &* 0x0A), r = w ^ (ones &* 0x0D)
                let m = ((c &- ones) & ~c | (l &- ones) & ~l | (r &- ones) & ~r) & highs
                if m != 0 { return pos + m.trailingZeroBitCount / 8 }
                pos += 8
            }
        }
        while pos < n {
            let b = bytes[pos]
            if b == 0x2C || b == 0x0A || b == 0x0D { break }
            pos += 1
        }
        return pos
    }

    /// Steps over LF, CRLF or a lone CR at `pos`.
    private mutating func endLine() {
        if bytes[pos] == 0x0D, pos + 1 < bytes.count, bytes[pos + 1] == 0x0A { pos += 2 } else { pos += 1 }
        nextLine += 1
    }

    /// The text of a field, with doubled quotes undone.
    public func string(_ f: CSVField) -> String {
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]), as: UTF8.self)
        return f.hasEscapedQuotes ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
    }

    /// The raw bytes of a field (doubled quotes not undone).
    public func slice(_ f: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[f.start..<f.end])
    }

    /// True when the row is blank (one empty unquoted field: an empty line).
    public static func isBlank(_ fields: [CSVField]) -> Bool {
        fields.count == 1 && fields[0].start == fields[0].end
    }
}

/// Writing RFC 4180 CSV fields.
public enum CSVWriter {
    /// `s` as a CSV field: quoted (with quotes doubled) when it holds a comma, quote, CR or LF.
    public static func field(_ s: String) -> String {
        var out: [UInt8] = []
        append(field: s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One row: fields joined by commas, ending in LF.
    public static func row(_ fields: [String]) -> String {
        var out: [UInt8] = []
        append(row: fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a CSV field (see `field(_:)`) to `out`.
    public static func append(field s: String, to out: inout [UInt8]) {
        let u = s.utf8
        guard u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: u)
            return
        }
        out.append(0x22)
        for b in u {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// Appends one row (fields joined by commas, ending in LF) to `out`.
    public static func append(row fields: [String], to out: inout [UInt8]) {
        for (k, f) in fields.enumerated() {
            if k > 0 { out.append(0x2C) }
            append(field: f, to: &out)
        }
        out.append(0x0A)
    }

    /// The first bytes that make a spreadsheet read a cell as a formula (OWASP, CSV injection): `=`, `+`,
    /// `-`, `@`, TAB and CR.
    public static let formulaStarts = Set((0...255).map(UInt8.init).filter(isFormulaStart))

    /// True when `b` is one of `formulaStarts` (a switch: no hashing for every cell written).
    @inline(__always) static func isFormulaStart(_ b: UInt8) -> Bool {
        switch b {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
        default: return false
        }
    }

    /// A text cell made safe for spreadsheets: a cell that starts with a formula character gets a leading
    /// apostrophe (OWASP's advice), which `unescapeText` removes on reading. Numbers are written as they are.
    public static func text(_ s: String) -> String {
        guard let first = s.utf8.first, formulaStarts.contains(first) else { return s }
        return "'" + s
    }

    /// Appends `s` as a text cell (`text(_:)`, then `append(field:to:)`) to `out` without building the
    /// guarded string: the same bytes as `append(field: text(s), to: &out)`.
    public static func append(textField s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append(textField: $0, to: &out) }
    }

    /// Appends the UTF-8 text `u` as a text cell: the same bytes as `append(textField:)` of its string.
    public static func append(textField u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let first = u.first else { return }
        let guarded = isFormulaStart(first)
        guard u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            if guarded { out.append(0x27) }
            out.append(contentsOf: u)
            return
        }
        out.append(0x22)
        if guarded { out.append(0x27) }
        for b in u {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// Appends the decimal digits of `n` (a minus sign first when negative) to `out`: the bytes of
    /// `String(n)` without making the string.
    public static func append(integer n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        var m = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits (UInt.max has 20)
        withUnsafeMutableBytes(of: &digits) { buf in
            var k = buf.count
            repeat {
                k -= 1
                buf[k] = UInt8(truncatingIfNeeded: m % 10) + 0x30
                m /= 10
            } while m > 0
            out.append(contentsOf: buf[k...])
        }
    }

    /// A text cell as written by `text(_:)`, without the apostrophe that guarded a formula character.
    public static func unescapeText(_ s: String) -> String {
        let u = s.utf8
        guard u.count >= 2, u.first == 0x27, formulaStarts.contains(u[u.index(after: u.startIndex)]) else { return s }
        return String(s.dropFirst())
    }
}
