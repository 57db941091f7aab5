import GeoModel
import EventModel
/// A sentence of a report: its text and where it lies (Unicode scalar offsets in the report's text).
public struct Sentence: Sendable, Hashable {
    /// The sentence, trimmed of surrounding white space.
    public var text: String
    /// Offset of its first scalar in the report's (normalised) text.
    public var start: Int
    /// Offset just past its last scalar.
    public var end: Int
    /// True when the sentence is a piece of a longer run of text cut at `SentenceSplitter.longestSentence`.
    public var cut = false
}

/// Splits report text into sentences, keeping character offsets.
///
/// A sentence ends at `.`, `!` or `?` (after any closing quotes or brackets) followed by white space and a
/// capital letter, digit or opening quote; at a blank line (a paragraph: headlines without a full stop end
/// there); and at the end of the text. A single line break is a space (hard-wrapped text). A full stop
/// after a title ("Mr.", "Gen.") or a single capital (an initial) does not end a sentence; after a dotted
/// acronym ("U.N.") it does only when the next word usually starts a sentence ("The", "Many", "It", ...).
public enum SentenceSplitter {
    /// The longest sentence read as one, in scalars. A longer run of text without a sentence end (a line of
    /// 50,000 dashes, a list of names without a stop) is read in pieces, cut at the first space after this
    /// length or anywhere at one and a half times it: the clause rules look across a whole sentence for each
    /// of its clauses, so a sentence's cost grows with its length squared, and a bound on it keeps reading
    /// linear in the text (issue 15). Real sentences are far shorter.
    public static let longestSentence = 1_000

    /// The sentences of `scalars[from...]`.
    public static func split(_ scalars: [Unicode.Scalar], from: Int = 0) -> [Sentence] {
        // UTF-8 bytes and the byte offset of every scalar, to cut sentences out without re-encoding.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (k, c) in scalars.enumerated() {
            offsets[k] = bytes.count
            if c.isASCII { bytes.append(UInt8(c.value)) } else { bytes.append(contentsOf: Array(String(c).utf8)) }
        }
        offsets[scalars.count] = bytes.count
        var out: [Sentence] = []
        var start = from
        var i = from
        let n = scalars.count

        func emit(_ end: Int, cut: Bool = false) {
            var s = start, e = end
            while s < e, isSpace(scalars[s]) { s += 1 }
            while e > s, isSpace(scalars[e - 1]) { e -= 1 }
            if e > s {
                var piece = Array(bytes[offsets[s]..<offsets[e]])
                for k in piece.indices where piece[k] == 0x0A { piece[k] = 0x20 }
                out.append(Sentence(text: String(decoding: piece, as: UTF8.self), start: s, end: e, cut: cut))
            }
        }

        while i < n {
            let c = scalars[i]
            if i - start >= longestSentence, isSpace(c) || i - start >= longestSentence * 3 / 2 {
                emit(i, cut: true)
                start = i
                i += 1
                continue
            }
            if c == "\n" {
                // A blank line (only spaces between two line breaks) ends the paragraph.
                var j = i + 1
                while j < n, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r" { j += 1 }
                if j < n, scalars[j] == "\n" {
                    emit(i)
                    start = j
                    i = j
                    continue
                }
            } else if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < n, isCloser(scalars[j]) { j += 1 }
                if j == n { i = j; continue }
                guard isSpace(scalars[j]) else { i += 1; continue }
                var k = j
                while k < n, isSpace(scalars[k]) { k += 1 }
                if k < n, startsSentence(scalars[k]), c != "." || !isAbbreviation(scalars, dot: i, next: k) {
                    emit(j)
                    start = j
                    i = k
                    continue
                }
            }
            i += 1
        }
        emit(n)
        return out
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{A0}"
    }

    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "'" || s == ")" || s == "]" || s == "\u{201D}" || s == "\u{2019}" || s == "\u{BB}"
    }

    static func startsSentence(_ s: Unicode.Scalar) -> Bool {
        isUppercase(s) || (s >= "0" && s <= "9") || s == "\"" || s == "\u{201C}" || s == "'"
            || s == "\u{2018}" || s == "(" || s == "\u{AB}"
    }

    /// Titles after which a full stop does not end a sentence.
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "prof",
                                      "sen", "rep", "gov", "brig", "adm", "cmdr", "no", "vs", "jr", "sr", "mt"]
    static let longestTitle = titles.map(\.unicodeScalars.count).max()!
    /// Words that usually start a sentence, so that "the U.N. Many of them ..." splits after "U.N.".
    static let starters: Set<String> = ["the", "a", "an", "many", "it", "he", "she", "they", "we", "in", "on", "at",
                                        "this", "that", "these", "those", "there", "but", "and", "meanwhile",
                                        "earlier", "later", "some", "most", "during", "after", "since", "his",
                                        "her", "their", "its"]

    /// `properties.isUppercase`, without the property lookup for ASCII.
    @inline(__always) static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s >= "A" && s <= "Z" : s.properties.isUppercase
    }

    /// `properties.isAlphabetic`, without the property lookup for ASCII.
    @inline(__always) static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") : s.properties.isAlphabetic
    }

    static func isAbbreviation(_ scalars: [Unicode.Scalar], dot: Int, next: Int) -> Bool {
        var b = dot
        while b > 0, isAlphabetic(scalars[b - 1]) { b -= 1 }
        // Longer than every title and than an initial (lower-casing never shortens a word).
        if dot - b > longestTitle { return false }
        let word = String(String.UnicodeScalarView(scalars[b..<dot])).lowercased()
        if titles.contains(word) { return true }
        let isInitial = dot - b == 1 && isUppercase(scalars[b])
        guard isInitial else { return false }
        // "U.N." / "U.S.": an acronym; a lone initial ("John F. Kennedy") never ends a sentence.
        let acronym = b >= 2 && scalars[b - 1] == "."
        guard acronym else { return true }
        var e = next
        while e < scalars.count, isAlphabetic(scalars[e]) { e += 1 }
        let nextWord = String(String.UnicodeScalarView(scalars[next..<e])).lowercased()
        return !starters.contains(nextWord)
    }
}

/// A word or punctuation mark of a sentence, lower-cased, with its place in the sentence.
struct Token: Sendable {
    /// Lower-case text ("," ";" "--" for punctuation).
    var text: String
    /// Scalar offsets in the sentence.
    var start: Int
    var end: Int
    /// True when the word starts with an upper-case letter, or with "al"/"el" joined to one ("alShaera").
    var capitalised: Bool
    /// True when a possessive "'s" followed the word ("Idlib's").
    var possessive: Bool
    /// True for "," ";" "--" ":" "(" ")".
    var isPunctuation: Bool
    /// UTF-8 offsets in the sentence's text (for the gazetteer's name matcher, which reads these same words).
    var byteStart = 0, byteEnd = 0
    /// True when a hyphen joins the word to the one before ("Nayrab" of "al-Nayrab").
    var hyphenBefore = false
}

/// Splits a sentence into tokens: runs of letters and digits (digits keep inner "," and "." as in
/// "520,000" and "3.5"); hyphens split words; an apostrophe or ayn/hamza mark between letters is dropped
/// inside the word ("Dab'a" → "daba", "Hay'at" → "hayat", as the gazetteer folds names); a possessive "'s"
/// marks the word before; quotes and other symbols are dropped; "," ";" ":" "(" ")" and dashes ("--", "–",
/// "—") are tokens. The gazetteer's name matcher reads the same words (`NameMatcher.matches(in:words:)`).
enum Tokenizer {
    static func tokens(of text: String) -> [Token] { tokens(of: Array(text.unicodeScalars)) }

    /// Apostrophes and ayn/hamza marks (as `NameKey` folds them).
    @inline(__always) static func isMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2018, 0x2019, 0x2032: return true
        default: return false
        }
    }

    @inline(__always) static func utf8Width(_ c: Unicode.Scalar) -> Int {
        c.value < 0x80 ? 1 : c.value < 0x800 ? 2 : c.value < 0x10000 ? 3 : 4
    }

    static func tokens(of s: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(s.count / 5)
        // UTF-8 offset of each scalar (and of the end).
        var bytes = [Int](repeating: 0, count: s.count + 1)
        for (k, c) in s.enumerated() { bytes[k + 1] = bytes[k] + utf8Width(c) }
        // The lower-case UTF-8 bytes of the current word (reused; short words become Strings without allocation).
        var lower: [UInt8] = []
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if isWordScalar(c) {
                let start = i
                lower.removeAll(keepingCapacity: true)
                let isDigit = isASCIIDigit(c)
                while i < n {
                    let x = s[i]
                    if isWordScalar(x) {
                        appendLowercase(x, to: &lower); i += 1
                    } else if !isDigit, isMark(x), i + 1 < n, isWordScalar(s[i + 1]),
                              !((s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 == n || !isWordScalar(s[i + 2]))) {
                        i += 1
                    } else if isDigit, (x == "," || x == "."), i + 1 < n, isASCIIDigit(s[i + 1]) {
                        if x == "." { lower.append(UInt8(ascii: ".")) }
                        i += 1
                    } else { break }
                }
                // "alShaera", "elBab": a transliterated name with its article joined on is a capitalised name too.
                let capital = SentenceSplitter.isUppercase(c) || (i - start > 3 && (c == "a" || c == "e") && s[start + 1] == "l"
                    && SentenceSplitter.isUppercase(s[start + 2]))
                let hyphen = start >= 2 && (s[start - 1] == "-" || s[start - 1] == "\u{2010}" || s[start - 1] == "\u{2011}")
                    && isWordScalar(s[start - 2])
                out.append(Token(text: String(decoding: lower, as: UTF8.self), start: start, end: i, capitalised: capital,
                                 possessive: false, isPunctuation: false, byteStart: bytes[start], byteEnd: bytes[i],
                                 hyphenBefore: hyphen))
                // Possessive 's (straight or curly apostrophe).
                if i + 1 < n, s[i] == "'" || s[i] == "\u{2019}", s[i + 1] == "s" || s[i + 1] == "S",
                   i + 2 == n || !isWordScalar(s[i + 2]) {
                    out[out.count - 1].possessive = true
                    i += 2
                }
                continue
            }
            switch c {
            case ",", ";", ":", "(", ")":
                out.append(Token(text: String(c), start: i, end: i + 1, capitalised: false, possessive: false,
                                 isPunctuation: true))
            case "-" where i + 1 < n && s[i + 1] == "-":
                out.append(Token(text: "--", start: i, end: i + 2, capitalised: false, possessive: false,
                                 isPunctuation: true))
                i += 1
            case "\u{2013}", "\u{2014}":
                // A spaced dash joins clauses; an unspaced one ("2019–2020") is a hyphen.
                if i > 0, s[i - 1] == " " {
                    out.append(Token(text: "--", start: i, end: i + 1, capitalised: false, possessive: false,
                                     isPunctuation: true))
                }
            default: break
            }
            i += 1
        }
        return out
    }

    @inline(__always) static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Appends the UTF-8 bytes of `c` lower-cased (the first scalar of its lower-case mapping).
    @inline(__always) static func appendLowercase(_ c: Unicode.Scalar, to bytes: inout [UInt8]) {
        if c.isASCII {
            let b = UInt8(c.value)
            bytes.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b)
        } else {
            let l = c.properties.lowercaseMapping.unicodeScalars.first ?? c
            bytes.append(contentsOf: UTF8.encode(l)!)
        }
    }
}
