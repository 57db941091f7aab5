/// Finds, in the bytes of a JSON document, the elements of the top-level object's array member `member`
/// (the `features` of a FeatureCollection) without parsing the rest: each element's byte range is handed
/// on in turn, for a reader that keeps one element in memory at a time. The elements themselves are
/// checked by the JSON parser they are handed to; this scanner checks only the structure around them.
struct JSONElementScanner {
    /// A structure error at a byte offset.
    struct Failure: Error { let offset: Int; let message: String }

    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Calls `body` with the byte range of each element of the array member `member` of the top-level object,
    /// and returns the raw bytes of the top-level string member `"type"` (nil when absent). Returns nil (having
    /// called `body` never) when the document is not an object or has no such array member. Throws `Failure`.
    mutating func elements(of member: [UInt8], _ body: (Range<Int>) throws -> Void) throws -> (found: Bool, type: [UInt8]?) {
        i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return (false, nil) }
        i += 1
        var found = false, type: [UInt8]? = nil
        skipSpace()
        if peek(UInt8(ascii: "}")) { return (false, nil) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw Failure(offset: i, message: "expected a member name") }
            let key = try skipString()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            let keyBytes = Array(bytes[(key.lowerBound + 1)..<(key.upperBound - 1)])
            if keyBytes == member, peek(UInt8(ascii: "[")) {
                found = true
                i += 1
                skipSpace()
                if peek(UInt8(ascii: "]")) { i += 1 } else {
                    while true {
                        skipSpace()
                        let start = i
                        try skipValue()
                        try body(start..<i)
                        skipSpace()
                        if peek(UInt8(ascii: ",")) { i += 1; continue }
                        try expect(UInt8(ascii: "]"))
                        break
                    }
                }
            } else {
                let start = i
                try skipValue()
                if keyBytes == Array("type".utf8), bytes[start] == UInt8(ascii: "\"") { type = Array(bytes[(start + 1)..<(i - 1)]) }
            }
            skipSpace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            try expect(UInt8(ascii: "}"))
            break
        }
        skipSpace()
        guard i == bytes.count else { throw Failure(offset: i, message: "text after the end of the document") }
        return (found, type)
    }

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    private mutating func expect(_ b: UInt8) throws {
        guard peek(b) else { throw Failure(offset: i, message: "expected '\(Character(Unicode.Scalar(b)))'") }
        i += 1
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// Skips a string (at its opening quote); returns its range, quotes included.
    private mutating func skipString() throws -> Range<Int> {
        let start = i
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): i += 1; return start..<i
            default: i += 1
            }
        }
        throw Failure(offset: start, message: "a string is not closed")
    }

    /// Skips one value: a string, an object or array (to its matching end), or a scalar.
    private mutating func skipValue() throws {
        guard i < bytes.count else { throw Failure(offset: i, message: "expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = i
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): _ = try skipString(); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { i += 1; return }
                default: break
                }
                i += 1
            }
            throw Failure(offset: start, message: "an object or array is not closed")
        default:
            let start = i
            while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
            if i == start { throw Failure(offset: i, message: "expected a value") }
        }
    }
}
